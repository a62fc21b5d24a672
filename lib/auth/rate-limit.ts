import { db } from "../db";
import { ipLimitKey } from "../http/client-ip";
import { blockFor, clear, limitsAreShared, peek, take, type Limit } from "../limits/shared-limiter";

/**
 * Sign-in throttling after OWASP's guidance for brute force without handing
 * attackers a way to lock the owner out:
 *   - per account + IP, per IP and per trusted device: 10 failures in 15
 *     minutes block that key until the window passes (an attacker only
 *     locks out himself);
 *   - per account, from browsers without a device cookie for it: after 10
 *     failures in the window, attempts are spaced 30 s apart — they slow
 *     down, they never stop. A browser that signed in to the account before
 *     (lib/auth/device.ts) skips the per-account spacing altogether.
 *
 * Counted in the database (LoginFailure, sliding windows); with REDIS_URL in
 * the shared limiter (lib/limits/shared-limiter.ts: the same keys and numbers,
 * windows starting at a key's first failure, the 30 s spacing as a block set
 * on each failure).
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 10;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
export const ACCOUNT_SPACING_MS = 30_000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const accountIpKey = (email: string, ip: string) => `account-ip:${email.trim().toLowerCase()}|${ip ? ipLimitKey(ip) : "-"}`;
export const ipKey = (ip: string) => `ip:${ipLimitKey(ip)}`;
export const deviceKey = (device: string) => `device:${device}`;

export interface Attempt {
  email: string;
  ip: string;
  /** The id of a valid device cookie for this account, if the browser has one. */
  device: string | null;
}

export type LoginGate = { ok: true } | { ok: false; reason: "blocked" } | { ok: false; reason: "slow"; retryAfterMs: number };

const FAILURES: Limit = { name: "login-failures", points: LOGIN_MAX_FAILURES, windowMs: LOGIN_WINDOW_MS };
const SPACING: Limit = { name: "login-spacing", points: 1, windowMs: ACCOUNT_SPACING_MS };

const since = (now: Date) => new Date(now.getTime() - LOGIN_WINDOW_MS);

function blockingKeys(a: Attempt): string[] {
  return [accountIpKey(a.email, a.ip), ...(a.ip ? [ipKey(a.ip)] : []), ...(a.device ? [deviceKey(a.device)] : [])];
}

export async function checkLoginGate(a: Attempt, now = new Date()): Promise<LoginGate> {
  if (limitsAreShared()) return checkSharedGate(a);
  for (const key of blockingKeys(a)) {
    if ((await db.loginFailure.count({ where: { key, at: { gt: since(now) } } })) >= LOGIN_MAX_FAILURES) return { ok: false, reason: "blocked" };
  }
  if (a.device) return { ok: true };
  const where = { key: accountKey(a.email), at: { gt: since(now) } };
  if ((await db.loginFailure.count({ where })) < ACCOUNT_SLOWDOWN_AFTER) return { ok: true };
  const last = await db.loginFailure.findFirst({ where, orderBy: { at: "desc" }, select: { at: true } });
  const retryAfterMs = last ? last.at.getTime() + ACCOUNT_SPACING_MS - now.getTime() : 0;
  return retryAfterMs > 0 ? { ok: false, reason: "slow", retryAfterMs } : { ok: true };
}

async function checkSharedGate(a: Attempt): Promise<LoginGate> {
  for (const key of blockingKeys(a)) if ((await peek(FAILURES, key)).used >= LOGIN_MAX_FAILURES) return { ok: false, reason: "blocked" };
  if (a.device) return { ok: true };
  if ((await peek(FAILURES, accountKey(a.email))).used < ACCOUNT_SLOWDOWN_AFTER) return { ok: true };
  const spacing = await peek(SPACING, accountKey(a.email));
  return spacing.used > 0 && spacing.retryAfterMs > 0 ? { ok: false, reason: "slow", retryAfterMs: spacing.retryAfterMs } : { ok: true };
}

export async function recordLoginFailure(a: Attempt, now = new Date()): Promise<void> {
  const keys = [accountKey(a.email), ...blockingKeys(a)];
  if (limitsAreShared()) {
    await Promise.all(keys.map((key) => take(FAILURES, key)));
    await blockFor(SPACING, accountKey(a.email), ACCOUNT_SPACING_MS);
    return;
  }
  await db.loginFailure.createMany({ data: keys.map((key) => ({ key, at: now })) });
  // Keep the table small: nothing older than the window matters.
  await db.loginFailure.deleteMany({ where: { at: { lt: since(now) } } });
}

/** After a successful sign-in: the account's own counters start again (the IP's do not). */
export async function clearLoginFailures(a: Attempt): Promise<void> {
  const keys = [accountKey(a.email), accountIpKey(a.email, a.ip), ...(a.device ? [deviceKey(a.device)] : [])];
  if (limitsAreShared()) {
    await Promise.all([clear(FAILURES, keys), clear(SPACING, [accountKey(a.email)])]);
    return;
  }
  await db.loginFailure.deleteMany({ where: { key: { in: keys } } });
}
