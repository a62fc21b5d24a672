import { SiteLink } from "@/components/site/SiteLink";

export interface Crumb {
  label: string;
  href?: string;
}

/** 您当前的位置：首页 >> 栏目 >> 标题 */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav className="breadcrumb" aria-label="当前位置">
      <span>您当前的位置：</span>
      <ol>
        <li>
          <SiteLink href="/">首页</SiteLink>
        </li>
        {items.map((c, i) => (
          <li key={i}>
            <span className="crumb-sep" aria-hidden="true">
              &gt;&gt;
            </span>
            {c.href ? (
              <SiteLink href={c.href} aria-current={i === items.length - 1 ? "page" : undefined}>
                {c.label}
              </SiteLink>
            ) : (
              <span aria-current="page">{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
