import { createHmac } from "node:crypto";
import { ipLimitKey } from "../http/client-ip";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import { giveBack, peek, take, type Limit } from "../limits/shared-limiter";

/** The limits run inside the caller's transaction when given one, so "check, then write" cannot be raced. */
type Client = Pick<Prisma.TransactionClient, "rateLimitHit">;

/**
 * Per-client limits for the public forms, counted in the database
 * (RateLimitHit) so they hold across restarts and across server processes.
 * The IP itself is never stored: only a keyed hash, enough to tell one
 * client from another and useless to recover addresses from.
 *
 * With REDIS_URL the same buckets and windows are counted by the shared
 * limiter instead (lib/limits/shared-limiter.ts; see takeShared/peekShared).
 */
export function hashIp(ip: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET ?? "").update(`ip:${ipLimitKey(ip)}`).digest("base64url").slice(0, 32);
}

export interface Window {
  max: number;
  windowMs: number;
}

export type Bucket = "feedback.submit" | "feedback.lookup-miss";

const keyOf = (bucket: Bucket, ipHash: string) => `${bucket}:${ipHash}`;

/**
 * How long until the client may try again (ms), or 0 when every window still
 * has room. A client without a usable IP shares the one UNKNOWN_IP bucket
 * (see lib/http/client-ip.ts): limited, never exempt.
 */
export async function retryAfterMs(bucket: Bucket, ipHash: string, windows: readonly Window[], now = new Date(), client: Client = db): Promise<number> {
  let wait = 0;
  for (const w of windows) {
    const since = new Date(now.getTime() - w.windowMs);
    const hits = await client.rateLimitHit.findMany({
      where: { key: keyOf(bucket, ipHash), at: { gt: since } },
      orderBy: { at: "desc" },
      take: w.max,
      select: { at: true },
    });
    if (hits.length >= w.max) {
      // Room again when the oldest hit counted in this window leaves it.
      const oldest = hits[hits.length - 1].at.getTime();
      wait = Math.max(wait, oldest + w.windowMs - now.getTime());
    }
  }
  return wait;
}

export async function recordHit(bucket: Bucket, ipHash: string, now = new Date(), keepMs = 24 * 60 * 60 * 1000, client: Client = db): Promise<void> {
  await client.rateLimitHit.create({ data: { key: keyOf(bucket, ipHash), at: now } });
  // Keep the table small: nothing older than this bucket's longest window matters. Only this
  // bucket's rows: a 15-minute bucket must not erase the hits a 24-hour window still counts.
  await client.rateLimitHit.deleteMany({ where: { key: { startsWith: `${bucket}:` }, at: { lt: new Date(now.getTime() - keepMs) } } });
}

const sharedLimit = (bucket: Bucket, w: Window): Limit => ({ name: `${bucket}:${w.max}/${w.windowMs}`, points: w.max, windowMs: w.windowMs });

/**
 * Shared mode (REDIS_URL): takes one hit in every window at once, atomically
 * per window, so parallel posts cannot all pass. Returns 0 when allowed, else
 * the wait (ms) — a refused attempt counts nothing (its hits are given back).
 */
export async function takeShared(bucket: Bucket, ipHash: string, windows: readonly Window[]): Promise<number> {
  const results = await Promise.all(windows.map((w) => take(sharedLimit(bucket, w), ipHash)));
  const wait = Math.max(0, ...results.map((r) => (r.allowed ? 0 : r.retryAfterMs)));
  if (results.some((r) => !r.allowed)) await giveBackShared(bucket, ipHash, windows);
  return wait === 0 && results.some((r) => !r.allowed) ? 1000 : wait;
}

/** Shared mode: undoes takeShared (the submission failed after all). */
export async function giveBackShared(bucket: Bucket, ipHash: string, windows: readonly Window[]): Promise<void> {
  await Promise.all(windows.map((w) => giveBack(sharedLimit(bucket, w), ipHash)));
}

/** Shared mode: the wait (ms) before another hit may count, without counting one (0 = room). */
export async function peekShared(bucket: Bucket, ipHash: string, windows: readonly Window[]): Promise<number> {
  const peeks = await Promise.all(windows.map(async (w) => ({ w, p: await peek(sharedLimit(bucket, w), ipHash) })));
  return Math.max(0, ...peeks.map(({ w, p }) => (p.used >= w.max ? Math.max(1, p.retryAfterMs) : 0)));
}
