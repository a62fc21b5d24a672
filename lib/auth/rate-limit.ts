import { db } from "../db";
import { ipLimitKey } from "../http/client-ip";

/** 10 failed sign-ins per account or per IP in 15 minutes lock that key until the window passes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 10;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ipLimitKey(ip)}`;

export async function isLoginBlocked(keys: string[], now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  for (const key of keys) {
    if ((await db.loginFailure.count({ where: { key, at: { gt: since } } })) >= LOGIN_MAX_FAILURES) return true;
  }
  return false;
}

export async function recordLoginFailure(keys: string[]): Promise<void> {
  await db.loginFailure.createMany({ data: keys.map((key) => ({ key })) });
  // Keep the table small: nothing older than the window matters.
  await db.loginFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - LOGIN_WINDOW_MS) } } });
}

export async function clearLoginFailures(key: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key } });
}
