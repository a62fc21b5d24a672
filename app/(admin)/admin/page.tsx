import type { Metadata } from "next";
import Link from "next/link";
import { recentAudit } from "@/lib/audit/query";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/articles/workflow";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { inboxSummary } from "@/lib/feedback/manage";
import { formatDateTime } from "@/lib/format/date";
import { settingsNeedFilling } from "@/lib/seed/skeleton";
import { getSiteSettings } from "@/lib/settings/queries";
import "@/components/admin/audit.css";

export const metadata: Metadata = { title: "工作台" };

const LIST_LIMIT = 20;
const STAT_ORDER: WorkflowStatus[] = ["draft", "review", "scheduled", "published", "unpublished"];

type ListItem = { id: number; title: string; updatedAt: Date };

function ArticleList({ items, total, empty }: { items: ListItem[]; total: number; empty: string }) {
  if (items.length === 0) return <p className="adm-hint">{empty}</p>;
  return (
    <>
      <ul className="adm-list">
        {items.map((a) => (
          <li key={a.id}>
            <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
            <time dateTime={a.updatedAt.toISOString()}>{formatDateTime(a.updatedAt)}</time>
          </li>
        ))}
      </ul>
      {total > items.length && <p className="adm-hint">另有 {total - items.length} 篇未列出，请到文章管理中查看。</p>}
    </>
  );
}

export default async function DashboardPage() {
  const actor = await requirePage("admin.access", "/admin");
  const mayReview = can(actor.role, "article.review");
  const mayReadAudit = can(actor.role, "audit.read");
  const listSelect = { id: true, title: true, updatedAt: true } as const;

  const [byStatus, liveCount, reviewItems, reviewTotal, drafts, draftTotal, recent] = await Promise.all([
    db.article.groupBy({ by: ["status"], _count: { _all: true } }),
    db.article.count({ where: { isLive: true } }),
    mayReview ? db.article.findMany({ where: { status: "review" }, orderBy: { updatedAt: "desc" }, take: LIST_LIMIT, select: listSelect }) : [],
    mayReview ? db.article.count({ where: { status: "review" } }) : 0,
    db.article.findMany({ where: { createdById: actor.id, status: "draft" }, orderBy: { updatedAt: "desc" }, take: LIST_LIMIT, select: listSelect }),
    db.article.count({ where: { createdById: actor.id, status: "draft" } }),
    mayReadAudit ? recentAudit(10) : [],
  ]);

  const feedback = can(actor.role, "suggestion.manage") ? await inboxSummary() : null;
  // A new (non-demo) site starts with placeholder settings: every page footer shows them until replaced.
  const settingsToFill = can(actor.role, "settings.manage") && settingsNeedFilling(await getSiteSettings());

  const counts: Record<WorkflowStatus, number> = { draft: 0, review: 0, scheduled: 0, published: 0, unpublished: 0 };
  for (const row of byStatus) {
    if (row.status in counts && row.status !== "published") counts[row.status as WorkflowStatus] = row._count._all;
  }
  // 已发布 counts what visitors see: a live article being re-edited is both 草稿 and 已发布.
  counts.published = liveCount;

  return (
    <>
      <h1>工作台</h1>
      {settingsToFill && (
        <p className="adm-setup-notice" role="status">
          网站设置尚未填写：页面底部显示的网站名称、主办单位、ICP备案号仍是“（待填写）”。请到<Link href="/admin/settings">网站设置</Link>中填写后保存。
        </p>
      )}
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">
          文章概况
        </h2>
        <div className="adm-stats">
          {STAT_ORDER.map((s) => (
            <div key={s} className="adm-stat">
              <strong>{counts[s]}</strong>
              {STATUS_LABELS[s]}
            </div>
          ))}
        </div>
      </section>

      <div className="adm-dash-grid">
        {mayReview && (
          <section className="adm-panel" aria-labelledby="review-heading">
            <h2 id="review-heading">待我审核（{reviewTotal}）</h2>
            <ArticleList items={reviewItems} total={reviewTotal} empty="没有待审核的文章。" />
          </section>
        )}
        {feedback && (
          <section className="adm-panel" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">待答复留言（{feedback.waiting}）</h2>
            <p className="adm-hint">
              {feedback.waiting === 0
                ? "没有待答复的留言。"
                : feedback.overdue > 0
                  ? `其中 ${feedback.overdue} 条超过 ${feedback.overdueLimit} 个工作日未答复。`
                  : `均在 ${feedback.overdueLimit} 个工作日的答复时限内。`}
            </p>
            <p>
              <Link href="/admin/feedback">进入留言管理</Link>
            </p>
          </section>
        )}
        <section className="adm-panel" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">我的草稿（{draftTotal}）</h2>
          <ArticleList items={drafts} total={draftTotal} empty="您没有未提交的草稿。" />
        </section>
      </div>

      {mayReadAudit && (
        <section className="adm-panel" aria-labelledby="recent-heading">
          <h2 id="recent-heading">最近操作</h2>
          {recent.length === 0 ? (
            <p className="adm-hint">暂无操作记录。</p>
          ) : (
            <div className="adm-table-wrap">
              <table className="adm-table adm-audit-table">
                <thead>
                  <tr>
                    <th scope="col">时间</th>
                    <th scope="col">操作人</th>
                    <th scope="col">操作</th>
                    <th scope="col">详情</th>
                  </tr>
                </thead>
                <tbody>
                  {recent.map((r) => (
                    <tr key={r.id}>
                      <td className="adm-nowrap">
                        <time dateTime={r.at}>{formatDateTime(r.at)}</time>
                      </td>
                      <td>{r.actorLabel}</td>
                      <td className="adm-nowrap">{r.actionLabel}</td>
                      <td className="adm-audit-summary">
                        {r.targetType === "article" && /^\d+$/.test(r.targetId) ? (
                          <Link href={`/admin/articles/${r.targetId}`}>{r.summary || `文章 #${r.targetId}`}</Link>
                        ) : (
                          r.summary
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <Link href="/admin/audit">查看全部操作日志</Link>
          </p>
        </section>
      )}
    </>
  );
}
