import { db } from "../../db";
import { env } from "../../env";
import { runInspection, startRun } from "./run";

/**
 * The inspection on the existing scheduler (instrumentation.ts ticks
 * /api/cron/publish every 20 s): tamper and words hourly (quick run),
 * everything including the link scan daily (full run). The last run's time
 * is read from the database, so restarts and several instances share one
 * rhythm.
 */
export const quickEveryMs = () => env().INSPECTION_QUICK_MINUTES * 60_000;
export const fullEveryMs = () => env().INSPECTION_FULL_HOURS * 3_600_000;

/** Where the running server reaches itself (the same address the publishing ticker uses). */
export function selfBaseUrl(): string {
  const { INTERNAL_URL, PORT } = env();
  return INTERNAL_URL || `http://127.0.0.1:${PORT}`;
}

export async function dueScope(now = new Date()): Promise<"quick" | "full" | null> {
  if (env().INSPECTION_SCHEDULE === "off") return null;
  const lastFull = await db.inspectionRun.findFirst({ where: { scope: "full", status: { not: "failed" } }, orderBy: { id: "desc" }, select: { startedAt: true } });
  if (!lastFull || now.getTime() - lastFull.startedAt.getTime() >= fullEveryMs()) return "full";
  const last = await db.inspectionRun.findFirst({ where: { status: { not: "failed" } }, orderBy: { id: "desc" }, select: { startedAt: true } });
  if (!last || now.getTime() - last.startedAt.getTime() >= quickEveryMs()) return "quick";
  return null;
}

let busy = false;

/** Called on every tick; starts a run when one is due and none is running. */
export async function runDueInspection(now = new Date()): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    const scope = await dueScope(now);
    if (!scope) return;
    const runId = await startRun("schedule", scope);
    if (runId === null) return;
    await runInspection({ trigger: "schedule", scope, baseUrl: selfBaseUrl(), runId });
  } finally {
    busy = false;
  }
}
