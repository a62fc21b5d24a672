import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminStatusBadge } from "@/components/admin/feedback/AdminStatusBadge";
import { ReplyForm } from "@/components/admin/feedback/ReplyForm";
import { StatusButton } from "@/components/admin/feedback/StatusButton";
import { requirePage } from "@/lib/auth/guard";
import { categoryLabel } from "@/lib/feedback/categories";
import { formatCode } from "@/lib/feedback/code-format";
import { getSuggestion } from "@/lib/feedback/manage";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/crud.css";
import "@/components/admin/feedback/inbox.css";

export const metadata: Metadata = { title: "办理留言" };

type Props = { params: Promise<{ id: string }> };

export default async function FeedbackDetailPage({ params }: Props) {
  await requirePage("suggestion.manage", `/admin/feedback/${(await params).id}`);
  const { id: raw } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) notFound();
  const s = await getSuggestion(Number(raw));
  if (!s) notFound();

  return (
    <>
      <div className="crud-head">
        <h1>办理留言：{s.subject}</h1>
        <Link href="/admin/feedback">返回留言列表</Link>
      </div>
      {s.overdue && (
        <p className="fb-adm-alert" role="status">
          此留言已等待 {s.ageDays} 个工作日，超过 {s.overdueLimit} 个工作日的答复时限。
        </p>
      )}
      <section className="adm-panel" aria-labelledby="fb-detail-title">
        <h2 id="fb-detail-title" style={{ marginTop: 0 }}>
          留言内容
        </h2>
        <dl className="fb-adm-meta">
          <div>
            <dt>状态</dt>
            <dd>
              <AdminStatusBadge status={s.status} />
              {s.ageDays !== null && <span className="crud-muted">　已等待 {s.ageDays} 个工作日</span>}
            </dd>
          </div>
          <div>
            <dt>类别</dt>
            <dd>{categoryLabel(s.category)}</dd>
          </div>
          <div>
            <dt>留言人</dt>
            <dd>{s.name || <span className="crud-muted">未署名</span>}</dd>
          </div>
          <div>
            <dt>联系方式</dt>
            <dd>{s.contact}</dd>
          </div>
          <div>
            <dt>提交时间</dt>
            <dd>{formatDateTime(s.createdAt)}</dd>
          </div>
          <div>
            <dt>查询码</dt>
            <dd className="fb-adm-code">{formatCode(s.code)}</dd>
          </div>
        </dl>
        <p className="fb-adm-content">{s.content}</p>
      </section>
      <section className="adm-panel" aria-labelledby="fb-reply-title">
        <h2 id="fb-reply-title" style={{ marginTop: 0 }}>
          答复
        </h2>
        {s.repliedAt && (
          <p className="adm-hint" style={{ marginBottom: 10 }}>
            最近答复：{formatDateTime(s.repliedAt)}
            {s.replierName && `，${s.replierName}`}
            {s.replyPublic ? "（已公开）" : "（未公开）"}
          </p>
        )}
        <ReplyForm key={s.id} id={s.id} initial={{ reply: s.reply, replyPublic: s.replyPublic }} />
      </section>
      <section className="adm-panel" aria-labelledby="fb-status-title">
        <h2 id="fb-status-title" style={{ marginTop: 0 }}>
          办理状态
        </h2>
        {s.closedAt && <p className="adm-hint">办结时间：{formatDateTime(s.closedAt)}</p>}
        <StatusButton id={s.id} closed={s.status === "closed"} />
      </section>
    </>
  );
}
