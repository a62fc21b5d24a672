import Link from "next/link";
import type { AuditItem } from "@/lib/audit/query";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/audit.css";

const articleId = (item: AuditItem) => (item.targetType === "article" && /^\d+$/.test(item.targetId) ? item.targetId : null);

function Target({ item }: { item: AuditItem }) {
  if (!item.targetType) return <>—</>;
  const label = `${item.targetLabel}${item.targetId ? ` #${item.targetId}` : ""}`;
  const id = articleId(item);
  return id ? <Link href={`/admin/articles/${id}`}>{label}</Link> : <>{label}</>;
}

/**
 * The one table of audit entries: the 操作日志 page shows every column; the dashboard's
 * 最近操作 (`compact`) leaves out 对象 and IP and links the summary to the article instead.
 */
export function AuditTable({ items, compact = false }: { items: AuditItem[]; compact?: boolean }) {
  return (
    <div className="adm-table-wrap">
      <table className="adm-table adm-audit-table">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            {!compact && <th scope="col">对象</th>}
            <th scope="col">详情</th>
            {!compact && <th scope="col">IP</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const id = compact ? articleId(item) : null;
            return (
              <tr key={item.id}>
                <td className="adm-nowrap">
                  <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                </td>
                <td>{item.actorLabel}</td>
                <td className="adm-nowrap">{item.actionLabel}</td>
                {!compact && (
                  <td className="adm-nowrap">
                    <Target item={item} />
                  </td>
                )}
                <td className="adm-audit-summary">{id ? <Link href={`/admin/articles/${id}`}>{item.summary || `文章 #${id}`}</Link> : item.summary}</td>
                {!compact && <td className="adm-nowrap">{item.ip || "—"}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
