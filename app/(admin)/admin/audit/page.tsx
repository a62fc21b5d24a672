import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/log";
import {
  AUDIT_TARGET_LABELS,
  AUDIT_TARGET_TYPES,
  auditFiltersToQuery,
  parseAuditSearchParams,
  searchAudit,
} from "@/lib/audit/query";
import { requirePage } from "@/lib/auth/guard";
import { Pagination } from "@/components/Pagination";
import { AuditTable } from "@/components/admin/AuditTable";

export const metadata: Metadata = { title: "操作日志" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePage("audit.read", "/admin/audit");
  const { filters, page } = parseAuditSearchParams(await searchParams);
  const result = await searchAudit(filters, page);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <h1>操作日志</h1>
      <form method="get" action="/admin/audit" className="adm-panel adm-toolbar" role="search" aria-label="筛选操作日志">
        <div className="adm-field-inline">
          <label htmlFor="audit-action">操作类型</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="adm-field-inline">
          <label htmlFor="audit-actor">操作人</label>
          <input id="audit-actor" name="actor" type="text" defaultValue={filters.actor ?? ""} placeholder="邮箱或“系统”" maxLength={200} />
        </div>
        <div className="adm-field-inline">
          <label htmlFor="audit-target">对象</label>
          <select id="audit-target" name="targetType" defaultValue={filters.targetType ?? ""}>
            <option value="">全部</option>
            {AUDIT_TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {AUDIT_TARGET_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="adm-field-inline">
          <label htmlFor="audit-from">起始日期</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="adm-field-inline">
          <label htmlFor="audit-to">截止日期</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="adm-btn adm-btn-primary">
          查询
        </button>
        {filtered && (
          <Link href="/admin/audit" className="adm-btn">
            清除筛选
          </Link>
        )}
      </form>

      <p className="adm-hint" role="status">
        共 {result.total} 条记录{result.total > 0 ? `，第 ${result.page} / ${result.pageCount} 页` : ""}（时间为北京时间）
      </p>

      {result.items.length === 0 ? (
        <p className="adm-panel">{filtered ? "没有符合条件的操作记录。" : "暂无操作记录。"}</p>
      ) : (
        <AuditTable items={result.items} />
      )}

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => `/admin/audit${auditFiltersToQuery(filters, p)}`} className="adm-pager" />
    </>
  );
}
