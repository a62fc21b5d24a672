import type { Metadata } from "next";
import Link from "next/link";
import { recentAudit } from "@/lib/audit/query";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/articles/workflow";
import { RETURNED_LABEL } from "@/lib/articles/workflow-labels";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { dashboardArticles } from "@/lib/articles/dashboard";
import { inboxSummary } from "@/lib/feedback/manage";
import { formatDateTime } from "@/lib/format/date";
import { failingItemCount } from "@/lib/integrity/inspection/queries";
import { settingsNeedFilling } from "@/lib/seed/skeleton";
import { getSiteSettings } from "@/lib/settings/queries";
import "@/components/admin/audit.css";
import { AuditTable } from "@/components/admin/AuditTable";

export const metadata: Metadata = { title: "工作台" };

const STAT_ORDER: WorkflowStatus[] = ["draft", "review", "scheduled", "published", "unpublished"];

type ListItem = { id: number; title: string; updatedAt: Date };

function ArticleList({ items, total, empty, href = (id) => `/admin/articles/${id}` }: { items: ListItem[]; total: number; empty: string; href?: (id: number) => string }) {
  if (items.length === 0) return <p className="adm-hint">{empty}</p>;
  return (
    <>
      <ul className="adm-list">
        {items.map((a) => (
          <li key={a.id}>
            <Link href={href(a.id)}>{a.title}</Link>
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
  const [{ counts, reviewItems, reviewTotal, returned, drafts, draftTotal }, recent] = await Promise.all([dashboardArticles(actor), mayReadAudit ? recentAudit(10) : []]);

  const feedback = can(actor.role, "suggestion.manage") ? await inboxSummary() : null;
  const failingItems = can(actor.role, "inspection.read") ? await failingItemCount() : null;
  // A new (non-demo) site starts with placeholder settings: every page footer shows them until replaced.
  const settingsToFill = can(actor.role, "settings.manage") && settingsNeedFilling(await getSiteSettings());

  return (
    <>
      <h1>工作台</h1>
      {settingsToFill && (
        <p className="adm-setup-notice" role="status">
          网站设置尚未填写：页面底部显示的网站名称、主办单位、ICP备案号仍是“（待填写）”。请到<Link href="/admin/settings">网站设置</Link>中填写后保存。
        </p>
      )}
      {failingItems !== null && failingItems > 0 && (
        <section className="adm-panel adm-error" aria-labelledby="inspection-alert-heading" data-testid="inspection-badge">
          <h2 id="inspection-alert-heading">网站健康检查：{failingItems} 项不合格</h2>
          <p>
            最近一次自查发现不合格项（可能导致网站检查单项否决）。<Link href="/admin/inspection">查看并处理</Link>
          </p>
        </section>
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
            <ArticleList items={reviewItems} total={reviewTotal} empty="没有待审核的文章。" href={(id) => `/admin/articles/${id}/review`} />
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
        {returned.length > 0 && (
          <section className="adm-panel" aria-labelledby="returned-heading">
            <h2 id="returned-heading">退回给我修改（{returned.length}）</h2>
            <ul className="adm-list adm-returned-list">
              {returned.map((a) => (
                <li key={a.id}>
                  <span>
                    <span className="adm-badge" data-status="returned">
                      {RETURNED_LABEL}
                    </span>{" "}
                    <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                  </span>
                  <time dateTime={a.updatedAt.toISOString()}>{formatDateTime(a.updatedAt)}</time>
                  <p className="adm-returned-comment">审核意见：{a.reviewComment}</p>
                </li>
              ))}
            </ul>
            <p className="adm-hint">修改后点击“提交审核”重新提交。</p>
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
            <AuditTable items={recent} compact />
          )}
          <p>
            <Link href="/admin/audit">查看全部操作日志</Link>
          </p>
        </section>
      )}
    </>
  );
}
