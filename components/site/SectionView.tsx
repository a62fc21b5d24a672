import { SiteLink } from "@/components/site/SiteLink";
import type { ArticleListItem, Paged } from "@/lib/articles/types";
import { sectionFeedPath } from "@/lib/feeds/paths";
import { sectionHref, type SectionDto } from "@/lib/sections/types";
import { ArticleList } from "./ArticleList";
import { DisclosureList } from "./DisclosureList";
import { DISCLOSURE_KIND } from "@/lib/disclosure/fields";
import { isDisclosureItem } from "@/lib/disclosure/queries";
import { Breadcrumb } from "./Breadcrumb";
import { Pagination } from "@/components/Pagination";

export function SectionView({
  section,
  trail,
  children,
  list,
}: {
  section: SectionDto;
  trail: SectionDto[];
  children: SectionDto[];
  list: Paged<ArticleListItem>;
}) {
  return (
    <div className="section-page">
      <Breadcrumb items={trail.map((s) => ({ label: s.name, href: sectionHref(s.path) }))} />
      <div className="section-layout">
        {children.length > 0 && (
          <aside className="subsections" aria-labelledby="subsections-title">
            <h2 id="subsections-title">{section.kind === "topic" ? "子专题" : "子栏目"}</h2>
            <ul>
              {children.map((c) => (
                <li key={c.id}>
                  <SiteLink href={sectionHref(c.path)}>{c.name}</SiteLink>
                </li>
              ))}
            </ul>
          </aside>
        )}
        <section className="panel section-list" aria-labelledby="section-title">
          <div className="panel-head">
            <h1 id="section-title">{section.name}</h1>
            <span>
              <span className="count">共 {list.total} 条</span>{" "}
              <a href={sectionFeedPath(section.path)} type="application/rss+xml" className="more feed-link" aria-label={`${section.name} RSS 订阅`}>
                <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <rect width="16" height="16" rx="3" fill="#e8710a" />
                  <circle cx="4.5" cy="11.5" r="1.6" fill="#fff" />
                  <path d="M3 7.2a5.8 5.8 0 0 1 5.8 5.8M3 3.6A9.4 9.4 0 0 1 12.4 13" stroke="#fff" strokeWidth="1.8" fill="none" />
                </svg>
                RSS 订阅
              </a>
            </span>
          </div>
          {section.description && <p className="section-desc">{section.description}</p>}
          {section.kind === DISCLOSURE_KIND ? (
            <DisclosureList items={list.items.filter(isDisclosureItem)} />
          ) : (
            <ArticleList items={list.items} showSection={children.length > 0} />
          )}
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => sectionHref(section.path, p)} />
        </section>
      </div>
    </div>
  );
}
