import { env } from "../env";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The key that signs content fingerprints. It lives in the server's
 * environment, never in the database, so an intruder who can only write to
 * the database cannot make a changed row look as if the CMS had published
 * it. INTEGRITY_SECRET lets an operator keep it apart from the session key.
 */
function integritySecret(): string {
  const { INTEGRITY_SECRET, NEXTAUTH_SECRET } = env();
  const secret = INTEGRITY_SECRET || NEXTAUTH_SECRET;
  if (!secret) throw new Error("INTEGRITY_SECRET or NEXTAUTH_SECRET must be set to sign and verify content fingerprints");
  return secret;
}

export function signFingerprint(targetType: string, targetId: string, fieldsJson: string): string {
  return createHmac("sha256", integritySecret()).update(`fingerprint\n${targetType}\n${targetId}\n${fieldsJson}`).digest("hex");
}

export function verifyFingerprint(targetType: string, targetId: string, fieldsJson: string, signature: string): boolean {
  const expected = Buffer.from(signFingerprint(targetType, targetId, fieldsJson), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
