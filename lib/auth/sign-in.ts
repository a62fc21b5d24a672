import { z } from "zod";
import { db } from "../db";
import { audit } from "../audit/log";
import { issueDeviceToken, verifyDeviceToken } from "./device";
import { burnPasswordCheck, verifyPassword } from "./password";
import { checkLoginGate, clearLoginFailures, recordLoginFailure, type Attempt } from "./rate-limit";
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
  /** Copied into the session token; signing out bumps it (lib/auth/options.ts). */
  sessionEpoch: number;
  /** A fresh device cookie value for this browser (lib/auth/device.ts). */
  deviceToken: string;
}

/** Thrown to show the visitor one fixed message; never says which part was wrong. */
export class SignInError extends Error {}

export const SIGN_IN_MESSAGES = {
  invalid: "邮箱或密码错误",
  blocked: "登录失败次数过多，请15分钟后再试",
  slow: (seconds: number) => `该账号登录失败次数过多，请${seconds}秒后再试（在曾经登录过的浏览器上可直接登录）`,
} as const;

/** `deviceCookie`: the browser's device cookie, if any; it counts only when it was issued for this account. */
export async function signIn(raw: unknown, ip: string, deviceCookie: string | null = null): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(SIGN_IN_MESSAGES.invalid);
  const { email, password } = parsed.data;
  const attempt: Attempt = { email, ip, device: verifyDeviceToken(deviceCookie, email) };
  const gate = await checkLoginGate(attempt);
  if (!gate.ok) {
    await audit({ id: null, email, ip }, { action: "auth.signin.failed", targetType: "user", targetId: email, summary: gate.reason === "slow" ? "throttled" : "rate limited" });
    throw new SignInError(gate.reason === "slow" ? SIGN_IN_MESSAGES.slow(Math.ceil(gate.retryAfterMs / 1000)) : SIGN_IN_MESSAGES.blocked);
  }
  const user = await db.user.findUnique({ where: { email } });
  const ok = user && user.active ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!ok || !user || !isRole(user.role)) {
    await recordLoginFailure(attempt);
    await audit({ id: null, email, ip }, { action: "auth.signin.failed", targetType: "user", targetId: email });
    throw new SignInError(SIGN_IN_MESSAGES.invalid);
  }
  await clearLoginFailures(attempt);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit({ id: user.id, email, ip }, { action: "auth.signin", targetType: "user", targetId: user.id });
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionEpoch: user.sessionEpoch, deviceToken: issueDeviceToken(email) };
}
