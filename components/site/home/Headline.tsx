import { SiteLink } from "@/components/site/SiteLink";
import type { ArticleListItem } from "@/lib/articles/types";
import { formatDate } from "@/lib/format/date";
import { CoverImage } from "../CoverImage";

/** The home page's 头条 slot: picture (when the article has a cover) beside the title and summary. */
export function Headline({ item }: { item: ArticleListItem }) {
  return (
    <section className={item.coverUrl ? "headline" : "headline headline-text"} aria-labelledby="headline-title">
      {item.coverUrl && (
        // The title link below is the one keyboard and screen-reader users get; the picture is a mouse shortcut to it.
        <SiteLink href={item.href} className="headline-picture" tabIndex={-1} aria-hidden="true">
          <CoverImage item={item} sizes="(max-width: 800px) 100vw, 480px" priority />
        </SiteLink>
      )}
      <div className="headline-body">
        <p className="headline-kicker" aria-hidden="true">
          头条
        </p>
        <h2 id="headline-title" className="headline-title">
          <SiteLink href={item.href} className="headline-link">
            <span className="visually-hidden">头条：</span>
            {item.title}
          </SiteLink>
        </h2>
        {item.summary && <p className="headline-summary">{item.summary}</p>}
        <p className="headline-meta">
          <span>{item.sectionName}</span> <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>
        </p>
      </div>
    </section>
  );
}
