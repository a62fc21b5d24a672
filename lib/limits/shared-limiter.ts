import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env";
import { logRedisProblem, redisClient } from "../redis/connection.mjs";

/**
 * The one limiter for counts that several instances must share (REDIS_URL
 * set): the per-IP view cap, sign-in throttling, the feedback flood limit and
 * wrong query codes. rate-limiter-flexible's Redis store (atomic INCR + TTL
 * per key) with an in-memory insurance limiter that takes over, per process,
 * while Redis is unreachable — a Redis outage weakens a limit to one
 * instance's view, it never opens it or fails the request.
 *
 * Windows are fixed and start at a key's first hit (the view cap always
 * worked that way; for sign-in and feedback it replaces the database's
 * sliding windows, which stay in use without REDIS_URL: lib/auth/rate-limit.ts,
 * lib/feedback/rate-limit.ts, lib/views/ip-limit.ts).
 */

export interface Limit {
  /** Part of the Redis key: `<prefix>limit:<name>:<key>`. */
  name: string;
  points: number;
  windowMs: number;
}

export interface Peek {
  used: number;
  /** ms until the key's window (or block) ends; 0 when the key is unused. */
  retryAfterMs: number;
}

const globalForLimits = globalThis as unknown as { __sharedLimiters?: Map<string, RateLimiterAbstract> };

/** True when limits are shared through Redis (REDIS_URL set). */
export function limitsAreShared(): boolean {
  return !!env().REDIS_URL;
}

function limiter(limit: Limit): RateLimiterAbstract {
  const { REDIS_URL, REDIS_KEY_PREFIX } = env();
  if (!REDIS_URL) throw new Error("shared limits need REDIS_URL");
  const id = `${REDIS_URL}|${REDIS_KEY_PREFIX}|${limit.name}|${limit.points}|${limit.windowMs}`;
  const limiters = (globalForLimits.__sharedLimiters ??= new Map());
  let l = limiters.get(id);
  if (!l) {
    const duration = Math.max(1, Math.ceil(limit.windowMs / 1000));
    l = new RateLimiterRedis({
      storeClient: redisClient(REDIS_URL),
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `${REDIS_KEY_PREFIX}limit:${limit.name}`,
      points: limit.points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `insurance:${limit.name}`, points: limit.points, duration }),
    });
    limiters.set(id, l);
  }
  return l;
}

/** Counts one hit; false (and the wait) when it is over the limit. Hits over the limit still count toward it. */
export async function take(limit: Limit, key: string): Promise<{ allowed: boolean; retryAfterMs: number }> {
  try {
    await limiter(limit).consume(key, 1);
    return { allowed: true, retryAfterMs: 0 };
  } catch (res) {
    if (res instanceof RateLimiterRes) return { allowed: false, retryAfterMs: res.msBeforeNext };
    // Both Redis and the insurance failed (should not happen): let the request through, say so.
    logRedisProblem(`limit ${limit.name} not checked`, res);
    return { allowed: true, retryAfterMs: 0 };
  }
}

/** Gives back a hit (one that was refused elsewhere and must not count). */
export async function giveBack(limit: Limit, key: string): Promise<void> {
  await limiter(limit).reward(key, 1).catch((err) => logRedisProblem(`limit ${limit.name} not rewarded`, err));
}

/** How many hits the key has in its current window, without counting one. */
export async function peek(limit: Limit, key: string): Promise<Peek> {
  try {
    const res = await limiter(limit).get(key);
    return res ? { used: res.consumedPoints, retryAfterMs: Math.max(0, res.msBeforeNext) } : { used: 0, retryAfterMs: 0 };
  } catch (err) {
    logRedisProblem(`limit ${limit.name} not read`, err);
    return { used: 0, retryAfterMs: 0 };
  }
}

/** Uses the key up for `ms` from now (the sign-in spacing: "30 s after the last failure"). */
export async function blockFor(limit: Limit, key: string, ms: number): Promise<void> {
  await limiter(limit)
    .block(key, Math.max(1, Math.ceil(ms / 1000)))
    .catch((err) => logRedisProblem(`limit ${limit.name} not blocked`, err));
}

/** Starts the keys afresh (a successful sign-in clears its own counters). */
export async function clear(limit: Limit, keys: string[]): Promise<void> {
  const l = limiter(limit);
  await Promise.all(keys.map((k) => l.delete(k).catch((err) => logRedisProblem(`limit ${limit.name} not cleared`, err))));
}
