import { formatDateTime } from "../../format/date";
import { ITEMS, type ItemKey } from "./items";
import { STATUS_LABELS, type InspectionReport, type ItemStatus } from "./types";

/** The report as plain text: `npm run check:site` prints it, an operator's cron mails it. */
export function reportText(report: InspectionReport, verdict: ItemStatus, vetoFailures: ItemKey[]): string {
  const lines = [`网站健康检查 ${report.baseUrl}`, `开始 ${formatDateTime(report.startedAt)}  结束 ${formatDateTime(report.finishedAt)}（北京时间）  抓取页面 ${report.pagesFetched} 个`, ""];
  for (const item of report.items) {
    const def = ITEMS[item.key as ItemKey];
    lines.push(`[${STATUS_LABELS[item.status]}] ${def.label}${def.singleVeto ? "（单项否决）" : ""}：${item.summary}`);
    for (const f of item.findings) lines.push(`    - ${f.text}${f.fixHref ? `  修改：${f.fixHref}` : ""}`);
  }
  lines.push("");
  lines.push(
    vetoFailures.length
      ? `结论：不合格。单项否决项不合格：${vetoFailures.map((k) => ITEMS[k].label).join("、")}`
      : `结论：${verdict === "pass" ? "全部合格" : "无单项否决问题，有预警项"}`,
  );
  return lines.join("\n");
}
