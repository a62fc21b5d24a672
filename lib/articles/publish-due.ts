import { createHash, timingSafeEqual } from "node:crypto";
import { revalidateArticle } from "../cache/revalidate";
import { publishDue } from "./workflow";
import { env } from "../env";

/**
 * Scheduled publishing without an external cron: every instance ticks
 * (instrumentation.ts posts to /api/cron/publish) and visitors' beacons
 * trigger a check too. An external scheduler may call the same route with
 * CRON_SECRET. Must run inside a request: revalidateTag needs one.
 */

export function cronSecret(): string {
  const { CRON_SECRET, NEXTAUTH_SECRET } = env();
  if (CRON_SECRET) return CRON_SECRET;
  return createHash("sha256").update(`cron:${NEXTAUTH_SECRET ?? ""}`).digest("hex");
}

export function isCronAuthorized(header: string | null): boolean {
  const given = Buffer.from((header ?? "").replace(/^Bearer\s+/i, ""));
  const expected = Buffer.from(cronSecret());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let lastCheck = 0;

/** Publishes what is due and regenerates its pages; throttled per process. Returns how many went live. */
export async function publishDueAndRevalidate(minIntervalMs = 0): Promise<number> {
  const now = Date.now();
  if (now - lastCheck < minIntervalMs) return 0;
  lastCheck = now;
  const changed = await publishDue(new Date(now));
  for (const c of changed) await revalidateArticle(c);
  return changed.length;
}
