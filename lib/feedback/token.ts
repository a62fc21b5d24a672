import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { FEEDBACK_LIMITS } from "./limits";
import { env } from "../env";

/** Humans take longer than this to fill the form; bots post at once. Env FEEDBACK_MIN_FILL_MS, default 3000. */
export function minFillMs(): number {
  return env().FEEDBACK_MIN_FILL_MS;
}

/**
 * The form carries "issuedAt.nonce.signature" in a hidden field. The signature is
 * an HMAC keyed with NEXTAUTH_SECRET, so a bot cannot make up an old
 * timestamp to skip the minimum fill time; it has to load the form and wait
 * like a person does. The nonce makes every fetched form's token its own, so
 * lib/feedback/submit.ts can accept each token for one submission only
 * (UsedFormToken) without two visitors' forms of the same millisecond colliding.
 */
function secret(): string {
  const s = env().NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set: the feedback form cannot sign its tokens");
  return s;
}

const sign = (issuedAt: number, nonce: string) => createHmac("sha256", secret()).update(`feedback-form:${issuedAt}:${nonce}`).digest("base64url");

export function issueFormToken(now = Date.now()): string {
  const nonce = randomBytes(12).toString("base64url");
  return `${now}.${nonce}.${sign(now, nonce)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: "invalid" | "too-fast" | "expired" };

export function checkFormToken(token: string, now = Date.now()): TokenCheck {
  const m = /^(\d{13})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: "invalid" };
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(sign(issuedAt, m[2]));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  if (issuedAt > now + 60_000) return { ok: false, reason: "invalid" };
  if (now - issuedAt < minFillMs()) return { ok: false, reason: "too-fast" };
  if (now - issuedAt > FEEDBACK_LIMITS.tokenMaxAgeMs) return { ok: false, reason: "expired" };
  return { ok: true };
}
