import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { LOGIN_MAX_FAILURES } from "@/lib/auth/rate-limit";
import { signIn, SIGN_IN_MESSAGES } from "@/lib/auth/sign-in";

async function user(email: string, password: string, active = true) {
  await db.user.create({ data: { email, name: "测试", role: "editor", passwordHash: await hashPassword(password), active } });
}

describe("sign-in", () => {
  it("stores argon2id hashes, signs in with the right password only, and audits both", async () => {
    await user("ok@signin.test", "correct horse battery");
    const row = await db.user.findUniqueOrThrow({ where: { email: "ok@signin.test" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(signIn({ email: "OK@signin.test ", password: "correct horse battery" }, "10.0.0.1")).resolves.toMatchObject({ role: "editor" });
    await expect(signIn({ email: "ok@signin.test", password: "wrong" }, "10.0.0.1")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    await expect(signIn({ email: "nobody@signin.test", password: "wrong" }, "10.0.0.1")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    const actions = (await db.auditLog.findMany({ where: { targetId: { in: [String(row.id), "ok@signin.test"] } } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.signin", "auth.signin.failed"]));
  });

  it("refuses deactivated accounts", async () => {
    await user("off@signin.test", "correct horse battery", false);
    await expect(signIn({ email: "off@signin.test", password: "correct horse battery" }, "10.0.0.2")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
  });

  it("blocks an account after 10 failures in 15 minutes, even with the right password", async () => {
    await user("victim@signin.test", "correct horse battery");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await expect(signIn({ email: "victim@signin.test", password: `guess${i}` }, `10.1.0.${i}`)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await expect(signIn({ email: "victim@signin.test", password: "correct horse battery" }, "10.9.9.9")).rejects.toThrow(SIGN_IN_MESSAGES.blocked);
  });

  it("blocks an IP that tries many accounts", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await expect(signIn({ email: `spray${i}@signin.test`, password: "x" }, "10.2.2.2")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await user("other@signin.test", "correct horse battery");
    await expect(signIn({ email: "other@signin.test", password: "correct horse battery" }, "10.2.2.2")).rejects.toThrow(SIGN_IN_MESSAGES.blocked);
    await expect(signIn({ email: "other@signin.test", password: "correct horse battery" }, "10.3.3.3")).resolves.toMatchObject({ email: "other@signin.test" });
  });
});

describe("sign-in without a known client IP", () => {
  it("never pools unknown IPs into one bucket", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await expect(signIn({ email: `noip${i}@signin.test`, password: "x" }, "")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await user("noip-ok@signin.test", "correct horse battery");
    await expect(signIn({ email: "noip-ok@signin.test", password: "correct horse battery" }, "")).resolves.toMatchObject({ email: "noip-ok@signin.test" });
  });
});
