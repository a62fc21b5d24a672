import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/**
 * The "device cookie" of OWASP's brute-force guidance: after a successful
 * sign-in the browser receives a token naming the account, signed with the
 * server secret. A browser presenting a valid one for the account it signs in
 * to is let past the per-account throttle (it gets its own per-device limit
 * instead), so nobody can keep the owner out by failing on purpose from other
 * addresses. Hand-written because it is a dozen lines over node:crypto; the
 * token carries nothing secret.
 */
export const DEVICE_COOKIE = "portal.device";
export const DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** `__Secure-` on HTTPS, where the browser then refuses to let a plain-HTTP page set or overwrite it. */
export const deviceCookieName = (https: boolean) => (https ? `__Secure-${DEVICE_COOKIE}` : DEVICE_COOKIE);

function secret(): string {
  const s = env().NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set: device cookies cannot be signed");
  return s;
}

const sign = (payload: string) => createHmac("sha256", secret()).update(`device:${payload}`).digest("base64url");
const normal = (email: string) => email.trim().toLowerCase();

export function issueDeviceToken(email: string, now = Date.now()): string {
  const payload = `${Buffer.from(normal(email)).toString("base64url")}.${randomBytes(12).toString("base64url")}.${Math.floor(now / 1000)}`;
  return `${payload}.${sign(payload)}`;
}

/** The device's id when `token` is a valid, unexpired device token for `email`; otherwise null. */
export function verifyDeviceToken(token: string | null | undefined, email: string, now = Date.now()): string | null {
  if (!token || token.length > 500) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [who, nonce, issued, mac] = parts;
  const expected = Buffer.from(sign(`${who}.${nonce}.${issued}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Buffer.from(who, "base64url").toString() !== normal(email)) return null;
  const age = now / 1000 - Number(issued);
  if (!Number.isFinite(age) || age < -60 || age > DEVICE_MAX_AGE_SECONDS) return null;
  return nonce;
}

/** Whether the request reached the site over HTTPS (directly or through a proxy that says so). */
export function isHttpsRequest(headers: { get(name: string): string | null }): boolean {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return proto ? proto === "https" : !!env().NEXTAUTH_URL?.startsWith("https://");
}
