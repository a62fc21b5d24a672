import { db } from "../../db";
import { beijingDayStart } from "../../format/date";
import { ITEM_KEYS, type ItemKey } from "./items";
import type { Finding, InspectionReport, ItemStatus } from "./types";

export interface RunSummary {
  id: number;
  trigger: string;
  scope: string;
  status: string;
  verdict: ItemStatus | "";
  startedAt: string;
  finishedAt: string | null;
  progressDone: number;
  progressTotal: number;
}

const summarySelect = { id: true, trigger: true, scope: true, status: true, verdict: true, startedAt: true, finishedAt: true, progressDone: true, progressTotal: true } as const;

function toSummary(r: { id: number; trigger: string; scope: string; status: string; verdict: string; startedAt: Date; finishedAt: Date | null; progressDone: number; progressTotal: number }): RunSummary {
  return { ...r, verdict: r.verdict as ItemStatus | "", startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null };
}

/** The newest finished run with its report: what the health page and the dashboard badge show. */
export async function latestReport(): Promise<{ run: RunSummary; report: InspectionReport } | null> {
  const r = await db.inspectionRun.findFirst({ where: { status: "done" }, orderBy: { id: "desc" } });
  if (!r) return null;
  return { run: toSummary(r), report: JSON.parse(r.report) as InspectionReport };
}

export async function runningRun(): Promise<RunSummary | null> {
  const r = await db.inspectionRun.findFirst({ where: { status: "running" }, orderBy: { id: "desc" }, select: summarySelect });
  return r ? toSummary(r) : null;
}

export async function getRun(id: number): Promise<RunSummary | null> {
  const r = await db.inspectionRun.findUnique({ where: { id }, select: summarySelect });
  return r ? toSummary(r) : null;
}

/** For the dashboard badge: how many items of the latest run are 不合格. */
export async function failingItemCount(): Promise<number | null> {
  const latest = await latestReport();
  return latest ? latest.report.items.filter((i) => i.status === "fail").length : null;
}

export interface MonthlyItem {
  key: ItemKey;
  runs: number;
  failedRuns: number;
  warnedRuns: number;
  latest: ItemStatus | null;
  /** every distinct problem found during the month, with the first and last day seen */
  problems: (Finding & { firstSeen: string; lastSeen: string })[];
}

/** 自查报告 of one month ("2026-12", Beijing calendar): every run of the month, summed up per item. */
export async function monthlyReport(month: string) {
  const start = beijingDayStart(`${month}-01`);
  if (!start) return null;
  const [y, m] = month.split("-").map(Number);
  const next = beijingDayStart(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`)!;
  const runs = await db.inspectionRun.findMany({ where: { status: "done", startedAt: { gte: start, lt: next } }, orderBy: { id: "asc" } });
  const items = new Map<ItemKey, MonthlyItem>(ITEM_KEYS.map((k) => [k, { key: k, runs: 0, failedRuns: 0, warnedRuns: 0, latest: null, problems: [] }]));
  for (const run of runs) {
    const report = JSON.parse(run.report) as InspectionReport;
    for (const it of report.items) {
      const agg = items.get(it.key as ItemKey);
      if (!agg) continue;
      agg.runs++;
      if (it.status === "fail") agg.failedRuns++;
      if (it.status === "warn") agg.warnedRuns++;
      agg.latest = it.status;
      for (const f of it.findings) {
        const seen = agg.problems.find((p) => p.text === f.text);
        if (seen) seen.lastSeen = run.startedAt.toISOString();
        else agg.problems.push({ ...f, firstSeen: run.startedAt.toISOString(), lastSeen: run.startedAt.toISOString() });
      }
    }
  }
  return {
    month,
    runCount: runs.length,
    firstRun: runs[0]?.startedAt.toISOString() ?? null,
    lastRun: runs.at(-1)?.startedAt.toISOString() ?? null,
    lastVerdict: (runs.at(-1)?.verdict as ItemStatus | undefined) ?? null,
    items: [...items.values()],
  };
}
