import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DiffView } from "@/components/admin/revisions/DiffView";
import { ReviewActions } from "@/components/admin/review/ReviewActions";
import { canReview } from "@/lib/articles/access";
import { loadReview } from "@/lib/articles/review";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/articles/workflow-labels";
import { requirePage } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/audit.css";
import "@/components/admin/review/review.css";

export const metadata: Metadata = { title: "审核文章" };

type Props = { params: Promise<{ id: string }> };

/** The reviewer's read-only record of a pending article: preview, diff against the live version, the submission note. */
export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePage("admin.access", `/admin/articles/${encodeURIComponent(id)}/review`);
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0 || numeric > 2_147_483_647) notFound();
  const r = await loadReview(numeric, actor);
  if (!r) notFound();
  if (r === "forbidden") redirect("/admin/forbidden");
  const status = STATUS_LABELS[r.status as WorkflowStatus] ?? r.status;
  const s = r.submission;

  return (
    <div className="adm-review">
      <div className="adm-rev-head">
        <h1>审核：{r.title}</h1>
        <span className="adm-actions">
          <Link href={`/admin/articles/${r.id}`} className="adm-btn">
            {r.mayAct ? "打开编辑页" : "返回编辑文章"}
          </Link>
          <Link href={`/admin/articles/${r.id}/revisions`} className="adm-btn">
            历史记录
          </Link>
        </span>
      </div>

      <dl className="adm-review-meta">
        <div>
          <dt>状态</dt>
          <dd>
            <span className="adm-badge" data-status={r.status}>
              {status}
            </span>
            {r.status === "scheduled" && r.scheduledAt && <> 将于 {formatDateTime(r.scheduledAt)}（北京时间）发布</>}
          </dd>
        </div>
        <div>
          <dt>撰稿人</dt>
          <dd>{r.authorName}</dd>
        </div>
        <div>
          <dt>待审核版本</dt>
          <dd>第{r.headNumber}版</dd>
        </div>
        <div>
          <dt>线上版本</dt>
          <dd>{r.liveNumber !== null ? `第${r.liveNumber}版` : "尚未发布"}</dd>
        </div>
      </dl>

      <section className="adm-panel" aria-labelledby="submission-heading">
        <h2 id="submission-heading">提交说明</h2>
        {s ? (
          <>
            <p className="adm-hint">
              {s.actorName} 于 <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>（北京时间）{s.label}
              {s.revision !== null && `（第${s.revision}版）`}
            </p>
            <blockquote className="adm-review-note">{s.comment || <span className="adm-hint">提交时未填写说明。</span>}</blockquote>
          </>
        ) : (
          <p className="adm-hint">没有提交记录。</p>
        )}
        {canReview(actor) && <ReviewActions id={r.id} title={r.title} actionable={r.mayAct} />}
        {!r.mayAct && r.status !== "review" && <p className="adm-hint">这篇文章当前为“{status}”，不在待审核状态。</p>}
      </section>

      <section className="adm-panel" aria-labelledby="preview-heading">
        <div className="adm-rev-head">
          <h2 id="preview-heading">预览（第{r.headNumber}版，与网站页面相同）</h2>
          <Link href={`/preview/articles/${r.id}`} target="_blank" prefetch={false}>
            在新窗口打开预览
          </Link>
        </div>
        <iframe className="adm-review-frame" src={`/preview/articles/${r.id}`} title={`预览：${r.title}`} loading="lazy" />
      </section>

      <section className="adm-panel" id="diff" aria-labelledby="diff-section-heading">
        <h2 id="diff-section-heading">{r.base?.label === "退回时的版本" ? "与退回时的版本对比" : "与线上版本对比"}</h2>
        {r.base?.label === "退回时的版本" && <p className="adm-hint">这篇文章尚未发布过；下面是撰稿人在退回后所做的修改。</p>}
        {r.diff && r.base ? (
          <DiffView diff={r.diff} labels={{ a: r.base.label, b: "待审核版本" }} />
        ) : (
          <p className="adm-hint">这篇文章尚未发布过，网站上没有线上版本可比较；发布后访客将看到上方预览的内容。</p>
        )}
      </section>
    </div>
  );
}
