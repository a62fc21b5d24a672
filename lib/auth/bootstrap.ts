import { randomBytes } from "node:crypto";
import { db } from "../db";
import { hashPassword } from "./password";
import { env } from "../env";

/**
 * The first admin account. From ADMIN_EMAIL / ADMIN_PASSWORD when set;
 * otherwise a generated password printed once (the embedded default has no
 * other way to hand it over). Does nothing once any user exists.
 */
export async function ensureFirstAdmin(log: (line: string) => void = console.log): Promise<void> {
  if ((await db.user.count()) > 0) return;
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: given } = env();
  const password = given || randomBytes(12).toString("base64url");
  await db.user.create({ data: { email, name: "系统管理员", role: "admin", passwordHash: await hashPassword(password) } });
  if (given) log(`[auth] first admin account created: ${email} (password from ADMIN_PASSWORD)`);
  else log(`[auth] first admin account created — sign in at /login with\n[auth]   email:    ${email}\n[auth]   password: ${password}\n[auth] (shown once; change it under 用户管理)`);
}
