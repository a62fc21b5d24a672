import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_SLOWDOWN_AFTER, LOGIN_MAX_FAILURES } from "@/lib/auth/rate-limit";
import { signIn, SIGN_IN_MESSAGES } from "@/lib/auth/sign-in";
import { FEEDBACK_LIMITS } from "@/lib/feedback/limits";
import { lookupByCode } from "@/lib/feedback/lookup";
import { submitSuggestion, type SubmissionRequest } from "@/lib/feedback/submit";
import { issueFormToken } from "@/lib/feedback/token";
import { take } from "@/lib/limits/shared-limiter";
import { closeRedisConnections } from "@/lib/redis/connection.mjs";
import { handleBeacon } from "@/lib/views/beacon";
import { sharedViewCounter } from "@/lib/views/shared-counter";
import { deletePrefix, redisForTests, uniquePrefix } from "../support/test-redis";

vi.mock("next/cache", () => ({ revalidateTag: () => undefined, revalidatePath: () => undefined, unstable_cache: (fn: () => unknown) => fn }));

// With REDIS_URL every limit is counted by the one shared limiter (rate-limiter-flexible on
// Redis): nothing lands in the database's LoginFailure / RateLimitHit tables, and what one
// instance counted holds for every other (all state is in Redis).
const prefix = uniquePrefix();
const run = !!redisForTests;

describe.skipIf(!run)("limits shared through Redis (REDIS_URL)", () => {
  const url = redisForTests!;
  const redis = createClient({ url });

  beforeAll(async () => {
    vi.stubEnv("REDIS_URL", url);
    vi.stubEnv("REDIS_KEY_PREFIX", prefix);
    vi.stubEnv("NEXTAUTH_SECRET", "shared-limits-secret");
    vi.stubEnv("VIEW_IP_LIMIT", "5");
    await redis.connect();
  });
  afterAll(async () => {
    sharedViewCounter()?.stop();
    await redis.close();
    await closeRedisConnections();
    await deletePrefix(url, prefix);
    vi.unstubAllEnvs();
  });

  const redisKeys = async (pattern: string) => {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}${pattern}`, COUNT: 500 })) keys.push(...batch);
    return keys;
  };

  it("sign-in: 10 failures from one address block it, rotating addresses only slow the account down; counted in Redis", async () => {
    const email = "shared@signin.test";
    await db.user.create({ data: { email, name: "测试", role: "editor", passwordHash: await hashPassword("correct horse battery") } });
    const { deviceToken } = await signIn({ email, password: "correct horse battery" }, "10.20.0.1");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await expect(signIn({ email, password: `guess${i}` }, "10.21.0.1")).rejects.toThrow(SIGN_IN_MESSAGES.invalid);
    }
    await expect(signIn({ email, password: "correct horse battery" }, "10.21.0.1")).rejects.toThrow(SIGN_IN_MESSAGES.blocked);
    // The account has 10 failures now: browsers without its device cookie are spaced 30 s apart…
    expect(ACCOUNT_SLOWDOWN_AFTER).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    await expect(signIn({ email, password: "correct horse battery" }, "10.22.0.1")).rejects.toThrow(/请\d+秒后再试/);
    // …while the owner's browser signs in at once from anywhere.
    await expect(signIn({ email, password: "correct horse battery" }, "10.23.0.1", deviceToken)).resolves.toMatchObject({ email });
    expect(await db.loginFailure.count()).toBe(0);
    expect((await redisKeys("limit:login-failures*")).length).toBeGreaterThan(0);
  });

  const T0 = new Date();
  const request = (ip: string): SubmissionRequest => ({
    token: issueFormToken(T0.getTime() - 10_000),
    honeypot: "",
    ip,
    fields: { category: "site", subject: "首页新闻更新不及时", content: "希望首页的工作动态能每天更新。", name: "张三", contact: "13800138000" },
  });

  it("feedback: of 8 parallel posts from one address exactly the burst limit passes; a refused post uses up nothing", async () => {
    const ip = "198.51.100.77";
    const rowsBefore = await db.rateLimitHit.count();
    // A post that fails after taking its hit (a reused form token) gives the hit back.
    const used = request(ip);
    expect((await submitSuggestion(used, T0)).ok).toBe(true);
    expect(await submitSuggestion(used, T0)).toMatchObject({ ok: false, reason: "token" });
    const results = await Promise.all(Array.from({ length: 8 }, () => submitSuggestion(request(ip), T0)));
    expect(results.filter((r) => r.ok).length).toBe(FEEDBACK_LIMITS.submitBurst.max - 1);
    const refused = results.filter((r) => !r.ok);
    expect(refused.every((r) => !r.ok && r.reason === "rate-limited" && /^提交过于频繁，请 (9|10) 分钟后再试$/.test(r.error))).toBe(true);
    expect(await db.rateLimitHit.count()).toBe(rowsBefore);
    // Another address is not affected.
    expect((await submitSuggestion(request("198.51.100.78"), T0)).ok).toBe(true);
  });

  it("query codes: after 10 wrong codes even a right one is refused", async () => {
    const ip = "198.51.100.90";
    const posted = await submitSuggestion(request("198.51.100.91"), T0);
    if (!posted.ok) throw new Error(posted.error);
    for (let i = 0; i < FEEDBACK_LIMITS.lookupMisses.max; i++) {
      expect(await lookupByCode(`WRONG${String(i).padStart(7, "0")}`, ip)).toMatchObject({ ok: false });
    }
    expect(await lookupByCode(posted.code, ip)).toMatchObject({ ok: false, reason: "rate-limited", error: expect.stringMatching(/^查询次数过多，请 \d+ 分钟后再试$/) });
    expect((await lookupByCode(posted.code, "198.51.100.92")).ok).toBe(true);
  });

  it("views: one address adds at most VIEW_IP_LIMIT views, whatever visitor ids it invents", async () => {
    const article = await db.article.findFirstOrThrow({ where: { isLive: true }, orderBy: { id: "asc" } });
    const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    const before = (await db.articleViewCount.findUnique({ where: { articleId: article.id } }))?.views ?? 0;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => handleBeacon({ input: { articleId: article.id }, userAgent: UA, purpose: null, visitorCookie: null, ip: "192.0.2.200" })),
    );
    expect(results.filter((r) => r.counted).length).toBe(5);
    await sharedViewCounter()!.flush();
    expect((await db.articleViewCount.findUnique({ where: { articleId: article.id } }))?.views).toBe(before + 5);
  });

  it("Redis unreachable: the in-memory insurance limiter keeps limiting in this process, nothing throws", async () => {
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const limit = { name: "insurance-check", points: 3, windowMs: 60_000 };
      const allowed = [];
      for (let i = 0; i < 5; i++) allowed.push((await take(limit, "k")).allowed);
      expect(allowed).toEqual([true, true, true, false, false]);
    } finally {
      errors.mockRestore();
      vi.stubEnv("REDIS_URL", url);
    }
  });
});
