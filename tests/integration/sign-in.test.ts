import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { issueDeviceToken, verifyDeviceToken } from "@/lib/auth/device";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_SLOWDOWN_AFTER, ACCOUNT_SPACING_MS, accountKey, LOGIN_MAX_FAILURES } from "@/lib/auth/rate-limit";
import { signIn, SIGN_IN_MESSAGES } from "@/lib/auth/sign-in";

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_SECRET", "sign-in-test-secret");
});

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

  it("failures from rotating addresses slow the account down; they never lock the owner out", async () => {
    const email = "victim@signin.test";
    await user(email, "correct horse battery");
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER; i++) {
      await expect(signIn({ email, password: `guess${i}` }, `10.1.0.${i}`)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    // The attacker's next guesses are not even checked until the spacing has passed.
    await expect(signIn({ email, password: "guess-more" }, "10.1.1.1")).rejects.toThrow(/请\d+秒后再试/);
    // A new browser on a new address waits for the next slot (seconds, not 15 minutes)…
    const slow = signIn({ email, password: "correct horse battery" }, "10.9.9.9");
    await expect(slow).rejects.toThrow(/请\d+秒后再试/);
    await expect(slow).rejects.not.toThrow(SIGN_IN_MESSAGES.blocked);
    // …and once the spacing has passed since the last failure, the right password works.
    await db.loginFailure.updateMany({ where: { key: accountKey(email) }, data: { at: new Date(Date.now() - ACCOUNT_SPACING_MS - 1000) } });
    await expect(signIn({ email, password: "correct horse battery" }, "10.9.9.9")).resolves.toMatchObject({ email });
  });

  it("a browser that signed in to the account before passes the per-account throttle at once", async () => {
    const email = "owner@signin.test";
    await user(email, "correct horse battery");
    const { deviceToken } = await signIn({ email, password: "correct horse battery" }, "10.4.0.1");
    expect(verifyDeviceToken(deviceToken, email)).toBeTruthy();
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER; i++) {
      await expect(signIn({ email, password: `guess${i}` }, `10.5.0.${i}`)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await expect(signIn({ email, password: "correct horse battery" }, "10.6.0.1")).rejects.toThrow(/秒后再试/);
    await expect(signIn({ email, password: "correct horse battery" }, "10.6.0.1", deviceToken)).resolves.toMatchObject({ email });
  });

  it("a device cookie counts only for its own account and only with a valid signature", async () => {
    const email = "guarded@signin.test";
    await user(email, "correct horse battery");
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER; i++) {
      await expect(signIn({ email, password: `guess${i}` }, `10.7.0.${i}`)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    const other = issueDeviceToken("someone-else@signin.test");
    const forged = issueDeviceToken(email).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const wrongKey = (() => {
      vi.stubEnv("NEXTAUTH_SECRET", "another-secret");
      const t = issueDeviceToken(email);
      vi.stubEnv("NEXTAUTH_SECRET", "sign-in-test-secret");
      return t;
    })();
    for (const cookie of [other, forged, wrongKey, "garbage", ""]) {
      await expect(signIn({ email, password: "correct horse battery" }, "10.8.0.1", cookie)).rejects.toThrow(/秒后再试/);
    }
    expect(verifyDeviceToken(issueDeviceToken(email, Date.now() - 400 * 86_400_000), email)).toBeNull(); // expired after a year
  });

  it("10 failures from one address lock that address out of that account, even with the right password", async () => {
    const email = "target@signin.test";
    await user(email, "correct horse battery");
    const { deviceToken } = await signIn({ email, password: "correct horse battery" }, "10.10.0.1");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await expect(signIn({ email, password: `guess${i}` }, "10.11.0.1")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await expect(signIn({ email, password: "correct horse battery" }, "10.11.0.1")).rejects.toThrow(SIGN_IN_MESSAGES.blocked);
    await expect(signIn({ email, password: "correct horse battery" }, "10.11.0.1", deviceToken)).rejects.toThrow(SIGN_IN_MESSAGES.blocked);
    // The owner elsewhere, with the device cookie, is not affected.
    await expect(signIn({ email, password: "correct horse battery" }, "10.12.0.1", deviceToken)).resolves.toMatchObject({ email });
  });

  it("a trusted device that keeps failing is blocked on its own", async () => {
    const email = "stolen-device@signin.test";
    await user(email, "correct horse battery");
    const { deviceToken } = await signIn({ email, password: "correct horse battery" }, "10.13.0.1");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await expect(signIn({ email, password: `guess${i}` }, `10.14.0.${i}`, deviceToken)).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await expect(signIn({ email, password: "correct horse battery" }, "10.15.0.1", deviceToken)).rejects.toThrow(SIGN_IN_MESSAGES.blocked);
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
