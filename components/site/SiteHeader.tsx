import { SiteLink } from "@/components/site/SiteLink";
import { MainNavLink } from "./MainNavLink";
import type { SectionNode } from "@/lib/sections/types";
import { sectionHref } from "@/lib/sections/types";
import { CareModeToggle } from "./CareModeToggle";
import { HeaderClock } from "./HeaderClock";
import { SearchBox } from "./SearchBox";

export function SiteHeader({ siteName, sections }: { siteName: string; sections: SectionNode[] }) {
  return (
    <header className="site-header">
      <div className="topbar">
        <div className="container topbar-inner">
          <HeaderClock />
          <div className="topbar-tools">
            <SearchBox />
            <CareModeToggle />
          </div>
        </div>
      </div>
      <div className="banner">
        <div className="container">
          <SiteLink href="/" className="site-title">
            <span className="emblem" aria-hidden="true">税</span>
            <span>{siteName}</span>
          </SiteLink>
        </div>
      </div>
      <nav className="main-nav" aria-label="栏目导航">
        <ul className="container">
          <li>
            <MainNavLink href="/">首页</MainNavLink>
          </li>
          {sections.map((s) => (
            <li key={s.id}>
              <MainNavLink href={sectionHref(s.path)}>{s.name}</MainNavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
