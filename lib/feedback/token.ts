import { createHmac, timingSafeEqual } from "node:crypto";
import { FEEDBACK_LIMITS, minFillMs } from "./limits";
import { env } from "../env";

/**
 * The form carries "issuedAt.signature" in a hidden field. The signature is
 * an HMAC keyed with NEXTAUTH_SECRET, so a bot cannot make up an old
 * timestamp to skip the minimum fill time; it has to load the form and wait
 * like a person does.
 */
function secret(): string {
  const s = env().NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set: the feedback form cannot sign its tokens");
  return s;
}

const sign = (issuedAt: number) => createHmac("sha256", secret()).update(`feedback-form:${issuedAt}`).digest("base64url");

export function issueFormToken(now = Date.now()): string {
  return `${now}.${sign(now)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: "invalid" | "too-fast" | "expired" };

export function checkFormToken(token: string, now = Date.now()): TokenCheck {
  const m = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: "invalid" };
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(sign(issuedAt));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  if (issuedAt > now + 60_000) return { ok: false, reason: "invalid" };
  if (now - issuedAt < minFillMs()) return { ok: false, reason: "too-fast" };
  if (now - issuedAt > FEEDBACK_LIMITS.tokenMaxAgeMs) return { ok: false, reason: "expired" };
  return { ok: true };
}
