import { createHash } from "node:crypto";

/** The cookie value is random; only its hash is stored, so the tables hold no usable identifier. */
export function hashVisitorId(cookieValue: string): string {
  return createHash("sha256").update(`visitor:${cookieValue}`).digest("base64url").slice(0, 32);
}
