import { db } from "../../db";
import { env } from "../../env";
import { audit } from "../../audit/log";
import { getSiteSettings } from "../../settings/queries";
import { normalizeOrigin } from "../../site/origin";
import { checkFeedback, checkHomeFresh, checkImagesAndMeta, checkSections } from "./check-content";
import { checkLinks, type LinkScanOptions } from "./check-links";
import { checkTamper, type TamperOptions } from "./check-tamper";
import { checkWords } from "./check-words";
import { fetchPage } from "./http";
import { ITEM_KEYS, ITEMS, type ItemKey } from "./items";
import { result } from "./result";
import type { InspectionReport, ItemResult, ItemStatus } from "./types";

export type Trigger = "schedule" | "button" | "cli";
/** quick: everything but the link scan (hourly); full: with the link scan (daily, the button, the command) */
export type Scope = "quick" | "full";

export interface RunOptions {
  trigger: Trigger;
  scope: Scope;
  baseUrl: string;
  now?: Date;
  tamper?: Partial<TamperOptions>;
  links?: Partial<LinkScanOptions>;
  /** an already created run row to fill in (the button creates it first to show progress) */
  runId?: number;
}

export interface RunOutcome {
  runId: number;
  report: InspectionReport;
  verdict: ItemStatus;
  /** single-veto items that failed (`npm run check:site` exits non-zero when there are any) */
  vetoFailures: ItemKey[];
}

/** A run still marked running after this long has died with its process. */
const STALE_RUN_MS = 30 * 60_000;
/** Runs are kept for the monthly 自查报告 of the past year, then dropped (hourly runs add up). */
const KEEP_RUNS_MS = 400 * 86_400_000;

export async function startRun(trigger: Trigger, scope: Scope): Promise<number | null> {
  await db.inspectionRun.deleteMany({ where: { startedAt: { lt: new Date(Date.now() - KEEP_RUNS_MS) } } });
  const since = new Date(Date.now() - STALE_RUN_MS);
  await db.inspectionRun.updateMany({ where: { status: "running", startedAt: { lt: since } }, data: { status: "failed", finishedAt: new Date() } });
  // One run at a time per site: the scan fetches many pages and the results would interleave.
  const running = await db.inspectionRun.findFirst({ where: { status: "running" }, select: { id: true } });
  if (running && trigger !== "cli") return null;
  const run = await db.inspectionRun.create({ data: { trigger, scope } });
  return run.id;
}

async function checkReachable(baseUrl: string, now: Date): Promise<ItemResult> {
  const res = await fetchPage(baseUrl.replace(/\/$/, "") + "/", { timeoutMs: 10_000 });
  if (res.ok) return result("reachable", [], `首页 ${baseUrl} 响应 HTTP ${res.status}，用时 ${res.ms} 毫秒`, now);
  const why = res.status ? `HTTP ${res.status}` : (res.error ?? "无响应");
  return result("reachable", [{ text: `首页 ${baseUrl} 无法访问（${why}）`, href: "/", severity: "fail" }], `首页无法访问（${why}）`, now);
}

async function lastLinkResult(): Promise<ItemResult | null> {
  const last = await db.inspectionRun.findFirst({ where: { scope: "full", status: "done" }, orderBy: { startedAt: "desc" }, select: { report: true } });
  if (!last) return null;
  const report = JSON.parse(last.report) as InspectionReport;
  return report.items.find((i) => i.key === "deadLinks") ?? null;
}

export function verdictOf(items: ItemResult[]): { verdict: ItemStatus; vetoFailures: ItemKey[] } {
  const vetoFailures = items.filter((i) => i.status === "fail" && ITEMS[i.key as ItemKey]?.singleVeto).map((i) => i.key as ItemKey);
  const verdict: ItemStatus = items.some((i) => i.status === "fail") ? "fail" : items.some((i) => i.status === "warn") ? "warn" : "pass";
  return { verdict, vetoFailures };
}

/** Audit entries for tamper and word alerts that the previous run did not have (no hourly repeats). */
async function auditNewAlerts(runId: number, items: ItemResult[]): Promise<void> {
  const prev = await db.inspectionRun.findFirst({ where: { status: "done", id: { not: runId } }, orderBy: { startedAt: "desc" }, select: { report: true } });
  const before = new Set<string>();
  if (prev?.report) for (const i of (JSON.parse(prev.report) as InspectionReport).items) for (const f of i.findings) before.add(`${i.key}|${f.text}`);
  for (const i of items) {
    if (i.key !== "tamper" && i.key !== "words") continue;
    for (const f of i.findings) {
      if (f.severity !== "fail" || before.has(`${i.key}|${f.text}`)) continue;
      await audit({ id: null, email: "system", ip: "" }, { action: "integrity.alert", targetType: "inspection", targetId: runId, summary: `${ITEMS[i.key as ItemKey].label}：${f.text}` });
    }
  }
}

export async function runInspection(opts: RunOptions): Promise<RunOutcome> {
  const now = opts.now ?? new Date();
  const runId = opts.runId ?? (await db.inspectionRun.create({ data: { trigger: opts.trigger, scope: opts.scope } })).id;
  try {
    const startedAt = new Date();
    const settings = await getSiteSettings();
    const reachable = await checkReachable(opts.baseUrl, now);
    const home = await checkHomeFresh(now);
    const sections = await checkSections(now);
    const media = await checkImagesAndMeta(now);
    const feedback = await checkFeedback(now);
    const rotation = await db.inspectionRun.count();
    // A site that does not answer: verify the database alone instead of timing out on every page.
    const tamper = await checkTamper({ baseUrl: opts.baseUrl, now, rotation, ...opts.tamper, ...(reachable.status === "fail" ? { fetchPages: false } : {}) });
    const words = await checkWords(now, tamper.fetched);
    let links: ItemResult;
    if (opts.scope === "full") {
      let lastWrite = 0;
      links = (
        await checkLinks({
          baseUrl: opts.baseUrl,
          now,
          ownOrigins: [normalizeOrigin(env().SITE_URL), normalizeOrigin(settings.siteDomain)].filter((o): o is string => !!o),
          ...opts.links,
          onProgress: async (done, total) => {
            // Progress bar on the health page: write at most twice a second.
            if (done !== total && Date.now() - lastWrite < 500) return;
            lastWrite = Date.now();
            await db.inspectionRun.update({ where: { id: runId }, data: { progressDone: done, progressTotal: total } });
            await opts.links?.onProgress?.(done, total);
          },
        })
      ).item;
    } else {
      links = (await lastLinkResult()) ?? { ...result("deadLinks", [], "尚未进行链接扫描（每日自动扫描，或点击“立即全面检查”）", now), status: "warn" };
    }
    const byKey: Record<string, ItemResult> = {
      reachable,
      homeFresh: home,
      sectionFresh: sections.fresh,
      emptySections: sections.empty,
      deadLinks: links,
      imageAlt: media.alt,
      articleMeta: media.meta,
      feedback,
      words,
      tamper: tamper.item,
    };
    const items = ITEM_KEYS.map((k) => byKey[k]);
    const report: InspectionReport = { baseUrl: opts.baseUrl, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), items, pagesFetched: tamper.fetched.length };
    const { verdict, vetoFailures } = verdictOf(items);
    await db.inspectionRun.update({ where: { id: runId }, data: { status: "done", verdict, finishedAt: new Date(), report: JSON.stringify(report) } });
    await auditNewAlerts(runId, items);
    return { runId, report, verdict, vetoFailures };
  } catch (err) {
    await db.inspectionRun.update({ where: { id: runId }, data: { status: "failed", finishedAt: new Date(), report: JSON.stringify({ error: String(err) }) } });
    throw err;
  }
}
