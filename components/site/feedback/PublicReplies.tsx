import { Pagination } from "@/components/Pagination";
import { categoryLabel } from "@/lib/feedback/categories";
import type { PublicReply } from "@/lib/feedback/public-replies";
import { formatDate } from "@/lib/format/date";

/** 留言选登: published replies only — the question, the reply and the office that answered; never who wrote or how to reach them. */
export function PublicReplies({ items, page, pages, office }: { items: PublicReply[]; page: number; pages: number; office: string }) {
  return (
    <section className="fb-replies" aria-labelledby="fb-replies-title">
      <h2 id="fb-replies-title" className="fb-section-title">
        留言选登
      </h2>
      {items.length === 0 ? (
        <p className="empty">暂无公开答复的留言。</p>
      ) : (
        <ol className="fb-reply-list">
          {items.map((r) => (
            <li key={r.id} className="fb-reply-item">
              <h3>{r.subject}</h3>
              <p className="fb-reply-meta">
                <span className="fb-tag">{categoryLabel(r.category)}</span>
                <span>
                  留言日期：<time dateTime={r.createdAt.toISOString()}>{formatDate(r.createdAt)}</time>
                </span>
                <span>
                  答复日期：<time dateTime={r.repliedAt.toISOString()}>{formatDate(r.repliedAt)}</time>
                </span>
              </p>
              <div className="fb-reply-question">
                <strong>留言内容：</strong>
                <p>{r.content}</p>
              </div>
              <div className="fb-reply-body">
                <strong>{office ? `${office}答复：` : "答复："}</strong>
                <p>{r.reply}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pages} hrefFor={(p) => (p > 1 ? `/feedback?page=${p}#fb-replies-title` : "/feedback#fb-replies-title")} />
    </section>
  );
}
