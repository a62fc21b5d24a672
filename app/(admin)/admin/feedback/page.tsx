import type { Metadata } from "next";
import Link from "next/link";
import { AdminStatusBadge } from "@/components/admin/feedback/AdminStatusBadge";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { categoryLabel, STATUS_LABELS } from "@/lib/feedback/categories";
import { formatCode } from "@/lib/feedback/code-format";
import { listInbox, parseInboxFilter, type InboxFilter } from "@/lib/feedback/manage";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/crud.css";
import "@/components/admin/feedback/inbox.css";
import { firstParam } from "@/lib/http/search-params";
import { Pagination } from "@/components/Pagination";

export const metadata: Metadata = { title: "留言管理" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABS: { key: InboxFilter; label: string }[] = [
  { key: "new", label: STATUS_LABELS.new },
  { key: "replied", label: STATUS_LABELS.replied },
  { key: "closed", label: STATUS_LABELS.closed },
  { key: "all", label: "全部" },
];

export default async function FeedbackInboxPage({ searchParams }: Props) {
  const actor = await requirePage("suggestion.manage", "/admin/feedback");
  const raw = await searchParams;
  // Unanswered first: that is the work to do.
  const filter = firstParam(raw.status) === undefined ? "new" : parseInboxFilter(firstParam(raw.status));
  const inbox = await listInbox(filter, Math.max(1, Number.parseInt(firstParam(raw.page) ?? "1", 10) || 1));
  const page = inbox.page;
  const href = (f: InboxFilter, p = 1) => `/admin/feedback?status=${f}${p > 1 ? `&page=${p}` : ""}`;
  const overdueHere = inbox.items.filter((i) => i.overdue).length;

  return (
    <>
      <div className="crud-head">
        <h1>留言管理</h1>
        {can(actor.role, "settings.manage") && (
          <Link href="/admin/settings">答复时限：{inbox.overdueLimit} 个工作日（在网站设置中修改）</Link>
        )}
      </div>
      <nav className="fb-adm-tabs" aria-label="按状态筛选">
        {TABS.map((t) => (
          <Link key={t.key} href={href(t.key)} aria-current={t.key === filter ? "page" : undefined}>
            {t.label}（{inbox.counts[t.key]}）
          </Link>
        ))}
      </nav>
      {overdueHere > 0 && (
        <p className="fb-adm-alert" role="status">
          本页有 {overdueHere} 条留言超过 {inbox.overdueLimit} 个工作日未答复，已标红，请尽快办理。
        </p>
      )}
      <p className="adm-hint" style={{ marginBottom: 8 }}>
        等待天数按工作日（周一至周五）计算，未计入法定节假日和调休。
      </p>
      {inbox.items.length === 0 ? (
        <p className="adm-panel">{filter === "new" ? "没有待处理的留言。" : "没有符合条件的留言。"}</p>
      ) : (
        <div className="crud-table-wrap">
          <table className="adm-table">
            <caption className="visually-hidden">留言列表（{TABS.find((t) => t.key === filter)?.label}）</caption>
            <thead>
              <tr>
                <th scope="col">主题</th>
                <th scope="col">类别</th>
                <th scope="col">留言人</th>
                <th scope="col">提交时间</th>
                <th scope="col">已等待</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {inbox.items.map((s) => (
                <tr key={s.id} className={s.overdue ? "fb-adm-row-overdue" : undefined} data-overdue={s.overdue || undefined}>
                  <td>
                    <Link href={`/admin/feedback/${s.id}`}>{s.subject}</Link>
                    <div className="fb-adm-code">{formatCode(s.code)}</div>
                  </td>
                  <td>{categoryLabel(s.category)}</td>
                  <td>{s.name || <span className="crud-muted">未署名</span>}</td>
                  <td className="fb-adm-nowrap">{formatDateTime(s.createdAt)}</td>
                  <td className="fb-adm-nowrap">
                    {s.ageDays === null ? (
                      <span className="crud-muted">—</span>
                    ) : (
                      <>
                        {s.ageDays} 个工作日
                        {s.overdue && <span className="fb-adm-overdue">超期</span>}
                      </>
                    )}
                  </td>
                  <td>
                    <AdminStatusBadge status={s.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={inbox.pages} hrefFor={(p) => href(filter, p)} className="adm-pager" />
    </>
  );
}
