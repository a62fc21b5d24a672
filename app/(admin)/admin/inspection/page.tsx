import type { Metadata } from "next";
import Link from "next/link";
import { BaselineButton, PurgeButton } from "@/components/admin/inspection/ActionButton";
import { RunInspectionButton } from "@/components/admin/inspection/RunInspectionButton";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { beijingDay, formatDateTime } from "@/lib/format/date";
import { ITEM_LIST } from "@/lib/integrity/inspection/items";
import { latestReport, runningRun } from "@/lib/integrity/inspection/queries";
import { STATUS_LABELS, type ItemResult } from "@/lib/integrity/inspection/types";
import "@/components/admin/audit.css";
import "@/components/admin/inspection/inspection.css";

export const metadata: Metadata = { title: "网站健康检查" };
export const dynamic = "force-dynamic";

const TRIGGER_LABELS: Record<string, string> = { schedule: "自动检查", button: "手动检查", cli: "命令行检查" };

export default async function InspectionPage() {
  const actor = await requirePage("inspection.read", "/admin/inspection");
  const [latest, running] = await Promise.all([latestReport(), runningRun()]);
  const byKey = new Map<string, ItemResult>((latest?.report.items ?? []).map((i) => [i.key, i]));
  const failing = latest?.report.items.filter((i) => i.status === "fail").length ?? 0;

  return (
    <>
      <h1>网站健康检查</h1>
      <section className="adm-panel" aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">检查结论</h2>
        <div className="insp-verdict">
          {latest ? (
            <>
              <span className="insp-status insp-status-lg" data-status={latest.run.verdict}>
                {latest.run.verdict ? STATUS_LABELS[latest.run.verdict] : "—"}
              </span>
              <span>
                {failing > 0 ? `${failing} 项不合格` : latest.run.verdict === "warn" ? "无不合格项，有预警" : "全部合格"}。上次检查：
                <time dateTime={latest.run.finishedAt ?? latest.run.startedAt}>{formatDateTime(latest.run.finishedAt ?? latest.run.startedAt)}</time>（
                {TRIGGER_LABELS[latest.run.trigger] ?? latest.run.trigger}，{latest.run.scope === "full" ? "含链接扫描" : "不含链接扫描"}，抓取页面 {latest.report.pagesFetched} 个）
              </span>
            </>
          ) : (
            <span>还没有检查结果。</span>
          )}
        </div>
        <p className="adm-hint">
          依据《政府网站与政务新媒体检查指标》自查：每小时自动核对内容、防篡改和违规词，每天自动扫描链接；也可随时手动检查，或在服务器上运行 <code>npm run check:site</code>。
        </p>
        <div className="insp-run insp-noprint" style={{ marginTop: 12 }}>
          {can(actor.role, "inspection.run") && <RunInspectionButton running={running} />}
          <Link className="adm-btn" href={`/admin/inspection/report?month=${beijingDay(new Date()).slice(0, 7)}`}>
            本月自查报告
          </Link>
        </div>
      </section>

      <section className="adm-panel" aria-labelledby="items-heading">
        <h2 id="items-heading">检查项</h2>
        <div className="adm-table-wrap">
          <table className="adm-table insp-items">
            <thead>
              <tr>
                <th scope="col">检查项</th>
                <th scope="col">规则</th>
                <th scope="col">状态</th>
                <th scope="col">结果与问题</th>
              </tr>
            </thead>
            <tbody>
              {ITEM_LIST.map((def) => {
                const it = byKey.get(def.key);
                return (
                  <tr key={def.key} data-item={def.key}>
                    <td>
                      {def.label}
                      {def.singleVeto && (
                        <>
                          <br />
                          <span className="insp-veto">单项否决</span>
                        </>
                      )}
                    </td>
                    <td className="insp-rule">{def.rule}</td>
                    <td>
                      {it ? (
                        <span className="insp-status" data-status={it.status}>
                          {STATUS_LABELS[it.status]}
                        </span>
                      ) : (
                        "未检查"
                      )}
                    </td>
                    <td>
                      {it?.summary}
                      {it && it.findings.length > 0 && (
                        <ul className="insp-findings">
                          {it.findings.map((f, i) => (
                            <li key={i} data-severity={f.severity}>
                              {f.text}
                              <span className="insp-links insp-noprint">
                                {f.href && (
                                  <a href={f.href} target="_blank" rel="noopener noreferrer">
                                    查看页面
                                  </a>
                                )}
                                {f.fixHref && <Link href={f.fixHref}>去修改</Link>}
                                {f.purge && can(actor.role, "inspection.run") && <PurgeButton targetType={f.purge.targetType} targetId={f.purge.targetId} />}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {can(actor.role, "inspection.baseline") && (
        <section className="adm-panel insp-noprint" aria-labelledby="baseline-heading">
          <h2 id="baseline-heading">防篡改基准</h2>
          <p className="adm-hint">
            通过本系统发布的内容会自动签名。升级到本版本后，或用其他方式修复了被篡改的内容后，管理员可把当前全部公开内容确认为新的基准。
            被直接写入数据库的内容，应在对应的编辑页面修改并重新发布。
          </p>
          <BaselineButton />
        </section>
      )}
    </>
  );
}
