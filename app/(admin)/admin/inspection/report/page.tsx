import type { Metadata } from "next";
import Link from "next/link";
import { PrintReportButton } from "@/components/admin/inspection/PrintReportButton";
import { requirePage } from "@/lib/auth/guard";
import { beijingDay, formatDateTime } from "@/lib/format/date";
import { ITEMS } from "@/lib/integrity/inspection/items";
import { monthlyReport } from "@/lib/integrity/inspection/queries";
import { STATUS_LABELS } from "@/lib/integrity/inspection/types";
import { getSiteSettings } from "@/lib/settings/queries";
import "@/components/admin/audit.css";
import "@/components/admin/inspection/inspection.css";

export const metadata: Metadata = { title: "网站自查报告" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ month?: string }> };

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** 自查报告: one month of inspection runs, per item, for printing and the archive. */
export default async function InspectionReportPage({ searchParams }: Props) {
  await requirePage("inspection.read", "/admin/inspection/report");
  const raw = (await searchParams).month ?? "";
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : beijingDay(new Date()).slice(0, 7);
  const [report, settings] = await Promise.all([monthlyReport(month), getSiteSettings()]);
  const [y, m] = month.split("-").map(Number);

  return (
    <div className="insp-report">
      <div className="crud-head insp-noprint">
        <Link href="/admin/inspection">返回网站健康检查</Link>
        <span>
          <Link href={`/admin/inspection/report?month=${shiftMonth(month, -1)}`}>上个月</Link>
          {" · "}
          <Link href={`/admin/inspection/report?month=${shiftMonth(month, 1)}`}>下个月</Link>
        </span>
        <PrintReportButton />
      </div>
      <h1>
        {settings.siteName} 网站自查报告（{y}年{m}月）
      </h1>
      <section className="adm-panel" aria-labelledby="overview-heading">
        <h2 id="overview-heading">概况</h2>
        {report && report.runCount > 0 ? (
          <p>
            本月共检查 {report.runCount} 次（{formatDateTime(report.firstRun)} 至 {formatDateTime(report.lastRun)}），最近一次结论：
            <span className="insp-status" data-status={report.lastVerdict ?? ""}>
              {report.lastVerdict ? STATUS_LABELS[report.lastVerdict] : "—"}
            </span>
            。网站标识码：{settings.siteIdCode || "—"}；主办单位：{settings.owner || "—"}。
          </p>
        ) : (
          <p>本月没有检查记录。</p>
        )}
      </section>
      {report && report.runCount > 0 && (
        <section className="adm-panel" aria-labelledby="items-heading">
          <h2 id="items-heading">分项结果</h2>
          <table className="adm-table">
            <thead>
              <tr>
                <th scope="col">检查项</th>
                <th scope="col">检查次数</th>
                <th scope="col">不合格次数</th>
                <th scope="col">预警次数</th>
                <th scope="col">最近状态</th>
                <th scope="col">本月发现的问题</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((it) => (
                <tr key={it.key}>
                  <td>
                    {ITEMS[it.key].label}
                    {ITEMS[it.key].singleVeto ? "（单项否决）" : ""}
                  </td>
                  <td>{it.runs}</td>
                  <td>{it.failedRuns}</td>
                  <td>{it.warnedRuns}</td>
                  <td>
                    {it.latest && (
                      <span className="insp-status" data-status={it.latest}>
                        {STATUS_LABELS[it.latest]}
                      </span>
                    )}
                  </td>
                  <td>
                    {it.problems.length === 0 ? (
                      "无"
                    ) : (
                      <ul className="insp-findings">
                        {it.problems.map((p, i) => (
                          <li key={i} data-severity={p.severity}>
                            {p.text}（{formatDateTime(p.firstSeen)}
                            {p.lastSeen !== p.firstSeen ? ` 至 ${formatDateTime(p.lastSeen)}` : ""}）
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p className="adm-hint">
        报告生成时间：{formatDateTime(new Date())}。自查人（签字）：＿＿＿＿＿＿　审核人（签字）：＿＿＿＿＿＿
      </p>
    </div>
  );
}
