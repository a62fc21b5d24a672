import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * next-auth needs NEXTAUTH_SECRET at run time. For the embedded default we
 * generate one on first start and keep it in .env.local (git-ignored, read
 * by Next itself), so sessions survive restarts without any setup.
 */
export function ensureLocalSecret(root = process.cwd()): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(root, ".env.local");
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const match = existing.match(/^NEXTAUTH_SECRET=(.+)$/m);
  if (match) {
    process.env.NEXTAUTH_SECRET = match[1].trim();
    return;
  }
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}NEXTAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = secret;
  console.log("[env] generated NEXTAUTH_SECRET into .env.local");
}
