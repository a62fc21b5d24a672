import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit/log";
import { burnPasswordCheck, verifyPassword } from "./password";
import { accountKey, clearLoginFailures, ipKey, isLoginBlocked, recordLoginFailure } from "./rate-limit";
import { isRole, type Role } from "./permissions";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Thrown to show the visitor one fixed message; never says which part was wrong. */
export class SignInError extends Error {}

export const SIGN_IN_MESSAGES = {
  invalid: "邮箱或密码错误",
  blocked: "登录失败次数过多，请15分钟后再试",
} as const;

export async function signIn(raw: unknown, ip: string): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(SIGN_IN_MESSAGES.invalid);
  const { email, password } = parsed.data;
  const keys = ip ? [accountKey(email), ipKey(ip)] : [accountKey(email)];
  if (await isLoginBlocked(keys)) {
    await audit({ id: null, email, ip }, { action: "auth.signin.failed", targetType: "user", targetId: email, summary: "rate limited" });
    throw new SignInError(SIGN_IN_MESSAGES.blocked);
  }
  const user = await db.user.findUnique({ where: { email } });
  const ok = user && user.active ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!ok || !user || !isRole(user.role)) {
    await recordLoginFailure(keys);
    await audit({ id: null, email, ip }, { action: "auth.signin.failed", targetType: "user", targetId: email });
    throw new SignInError(SIGN_IN_MESSAGES.invalid);
  }
  await clearLoginFailures(accountKey(email));
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit({ id: user.id, email, ip }, { action: "auth.signin", targetType: "user", targetId: user.id });
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}
