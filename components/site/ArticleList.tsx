import { SiteLink } from "@/components/site/SiteLink";
import type { ArticleListItem } from "@/lib/articles/types";
import { formatDate } from "@/lib/format/date";

/** Every item with its date: an undated item counts as stale in inspections. */
export function ArticleList({ items, showSection = false }: { items: ArticleListItem[]; showSection?: boolean }) {
  if (items.length === 0) return <p className="empty">暂无信息</p>;
  return (
    <ul className="article-list">
      {items.map((a) => (
        <li key={a.id}>
          {a.pinned && <span className="item-pinned">置顶</span>}
          {showSection && <span className="item-section">[{a.sectionName}]</span>}
          <SiteLink href={a.href} className="item-title">
            {a.title}
          </SiteLink>
          <time className="item-date" dateTime={a.publishedAt}>
            {formatDate(a.publishedAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
