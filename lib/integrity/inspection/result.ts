import type { ItemKey } from "./items";
import type { Finding, ItemResult, ItemStatus } from "./types";

/** An item's status is its worst finding. */
export function result(key: ItemKey, findings: Finding[], summary: string, now = new Date()): ItemResult {
  const status: ItemStatus = findings.some((f) => f.severity === "fail") ? "fail" : findings.length ? "warn" : "pass";
  return { key, status, summary, findings, checkedAt: now.toISOString() };
}
