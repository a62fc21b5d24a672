import { createHmac } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { formatCode, normalizeCode } from "@/lib/feedback/code-format";
import { FEEDBACK_LIMITS } from "@/lib/feedback/limits";
import { lookupByCode } from "@/lib/feedback/lookup";
import { changeSuggestionStatus, getSuggestion, listInbox, replyToSuggestion } from "@/lib/feedback/manage";
import { listPublicReplies } from "@/lib/feedback/public-replies";
import { hashIp } from "@/lib/feedback/rate-limit";
import { countLinks, isValidContact } from "@/lib/feedback/schema";
import { submitSuggestion, type SubmissionRequest } from "@/lib/feedback/submit";
import { issueFormToken } from "@/lib/feedback/token";
import { isOverdue, workingDaysSince } from "@/lib/feedback/working-days";
import { makeActor } from "../support/actors";

const SECRET = "feedback-test-secret";
let ipSeq = 0;
/** Every test its own client, so the per-IP limits of one never leak into another. */
const freshIp = () => `203.0.113.${++ipSeq}`;

const T0 = new Date("2026-11-30T02:00:00Z"); // a Monday, 10:00 in Beijing
const after = (ms: number, from = T0) => new Date(from.getTime() + ms);

function request(over: Partial<SubmissionRequest> & { fields?: Record<string, unknown> } = {}): SubmissionRequest {
  return {
    token: issueFormToken(T0.getTime()),
    honeypot: "",
    ip: freshIp(),
    ...over,
    fields: { category: "site", subject: "首页新闻更新不及时", content: "希望首页的工作动态能每天更新。", name: "张三", contact: "13800138000", ...over.fields },
  };
}
const ok = (r: Awaited<ReturnType<typeof submitSuggestion>>) => {
  if (!r.ok) throw new Error(`refused: ${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r;
};

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
});

describe("validation", () => {
  it("accepts mobiles, landlines with area code and e-mail; refuses the rest", () => {
    for (const good of ["13800138000", "+86 138 0013 8000", "138-0013-8000", "0556-5551234", "05565551234", "010-12345678", "0556-5551234-808", "a.b@example.gov.cn"]) {
      expect(isValidContact(good), good).toBe(true);
    }
    for (const bad of ["12345", "1380013800", "23800138000", "5551234", "0556-55512", "qq123456", "a@b", "电话13800138000"]) {
      expect(isValidContact(bad), bad).toBe(false);
    }
  });

  it("a bad contact is refused with a Chinese message on that field, and nothing is stored", async () => {
    const before = await db.suggestion.count();
    const r = await submitSuggestion(request({ fields: { contact: "12345" } }), after(5000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("invalid");
    expect(r.fieldErrors?.contact).toContain("联系方式格式不正确");
    expect(r.error).toBe("请修改以下内容后再提交：联系方式");
    expect(await db.suggestion.count()).toBe(before);
  });

  it("enforces the size limits in characters (a Chinese character counts as one)", async () => {
    const exact = await submitSuggestion(request({ fields: { subject: "税".repeat(FEEDBACK_LIMITS.subjectMax) } }), after(5000));
    expect(exact.ok).toBe(true);
    const r = await submitSuggestion(
      request({ fields: { subject: "税".repeat(FEEDBACK_LIMITS.subjectMax + 1), content: "字".repeat(FEEDBACK_LIMITS.contentMax + 1), name: "名".repeat(31), category: "lottery" } }),
      after(5000),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors).toMatchObject({
      subject: "主题不能超过 100 个字",
      content: "内容不能超过 2000 个字",
      name: "姓名不能超过 30 个字",
      category: "请选择留言类别",
    });
    const empty = await submitSuggestion(request({ fields: { subject: "  ", content: "短", contact: "" } }), after(5000));
    expect(empty.ok || empty.fieldErrors).toMatchObject({ subject: "请填写主题", content: expect.stringContaining("至少"), contact: expect.stringContaining("请填写联系方式") });
  });

  it("the name is optional", async () => {
    const r = ok(await submitSuggestion(request({ fields: { name: "" } }), after(5000)));
    expect((await db.suggestion.findUnique({ where: { code: r.code } }))?.name).toBe("");
  });

  it("refuses more than the allowed number of links in the content", async () => {
    expect(countLinks("见 https://a.example.com 和 http://b.example.org/x 以及 www.c-site.com")).toBe(3);
    expect(countLinks("请看 spam-casino.top 和 bet365.vip")).toBe(2);
    expect(countLinks("2017年11月14日，个人所得税年度汇算。")).toBe(0);
    expect(countLinks("邮箱 a.b@example.gov.cn，网址 https://www.example.gov.cn/a.html?x=1。")).toBe(1);
    const three = await submitSuggestion(request({ fields: { content: "推荐 https://a.example.com https://b.example.com https://c.example.com" } }), after(5000));
    expect(three).toMatchObject({ ok: false, fieldErrors: { content: "内容中最多包含 2 个网址链接" } });
    ok(await submitSuggestion(request({ fields: { content: "办税指南 https://a.example.com 和 https://b.example.com 打不开" } }), after(5000)));
  });
});

describe("spam protection", () => {
  it("a filled honeypot is refused without saying why, and nothing is stored", async () => {
    const before = await db.suggestion.count();
    const r = await submitSuggestion(request({ honeypot: "http://spam.example" }), after(5000));
    expect(r).toMatchObject({ ok: false, reason: "spam" });
    expect(await db.suggestion.count()).toBe(before);
  });

  it("a submission faster than the minimum fill time is refused; the same token works once the time has passed", async () => {
    const req = request();
    expect(await submitSuggestion(req, after(1000))).toMatchObject({ ok: false, reason: "too-fast", error: expect.stringContaining("提交过快") });
    expect(await submitSuggestion(req, after(2999))).toMatchObject({ ok: false, reason: "too-fast" });
    ok(await submitSuggestion(req, after(3000)));
  });

  it("missing fields are reported before 提交过快: the visitor fixes them first", async () => {
    const r = await submitSuggestion(request({ fields: { subject: "", contact: "" } }), after(500));
    expect(r).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { subject: "请填写主题" } });
    expect(r.ok ? "" : r.error).not.toContain("提交过快");
  });

  it("the minimum fill time comes from FEEDBACK_MIN_FILL_MS", async () => {
    vi.stubEnv("FEEDBACK_MIN_FILL_MS", "10000");
    expect(await submitSuggestion(request(), after(5000))).toMatchObject({ ok: false, reason: "too-fast" });
    ok(await submitSuggestion(request(), after(10_000)));
  });

  it("a forged, re-signed or malformed token is refused", async () => {
    const real = issueFormToken(T0.getTime());
    const [, nonce, sig] = real.split(".");
    const older = T0.getTime() - 60_000;
    const forgedTime = `${older}.${nonce}.${sig}`; // an older time with the real token's signature
    const ownKey = `${older}.${nonce}.${createHmac("sha256", "guessed-secret").update(`feedback-form:${older}:${nonce}`).digest("base64url")}`;
    for (const token of [forgedTime, ownKey, "", "garbage", `${T0.getTime()}.`, real.slice(0, -1) + (real.endsWith("A") ? "B" : "A")]) {
      expect(await submitSuggestion(request({ token }), after(5000)), token).toMatchObject({ ok: false, reason: "token", error: expect.stringContaining("表单已失效") });
    }
  });

  it("a token is good for one successful submission: posted again, even from another address, it is refused", async () => {
    const token = issueFormToken(T0.getTime());
    const before = await db.suggestion.count();
    ok(await submitSuggestion(request({ token }), after(5000)));
    for (const at of [6000, 7000, 8000]) {
      expect(await submitSuggestion(request({ token }), after(at))).toMatchObject({ ok: false, reason: "token", error: expect.stringContaining("请勿重复提交") });
    }
    expect(await db.suggestion.count()).toBe(before + 1);
  });

  it("the same token posted 4 times in parallel from 4 addresses is accepted once", async () => {
    const token = issueFormToken(T0.getTime());
    const before = await db.suggestion.count();
    const results = await Promise.all(Array.from({ length: 4 }, () => submitSuggestion(request({ token }), after(5000))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "token")).toHaveLength(3);
    expect(await db.suggestion.count()).toBe(before + 1);
  });

  it("a refused submission (a field error) does not use the token up", async () => {
    const token = issueFormToken(T0.getTime());
    expect(await submitSuggestion(request({ token, fields: { contact: "12345" } }), after(5000))).toMatchObject({ ok: false, reason: "invalid" });
    ok(await submitSuggestion(request({ token }), after(6000)));
  });

  it("a token older than its lifetime is refused as expired", async () => {
    const r = await submitSuggestion(request(), after(FEEDBACK_LIMITS.tokenMaxAgeMs + 1));
    expect(r).toMatchObject({ ok: false, reason: "token", error: expect.stringContaining("页面打开时间过长") });
  });
});

describe("flood limit (per IP, in the database)", () => {
  it(`accepts ${FEEDBACK_LIMITS.submitBurst.max} in the burst window, refuses the next with the wait in minutes, allows again later`, async () => {
    const ip = freshIp();
    for (let i = 0; i < FEEDBACK_LIMITS.submitBurst.max; i++) ok(await submitSuggestion(request({ ip }), after(5000 + i * 1000)));
    const refused = await submitSuggestion(request({ ip }), after(9000));
    expect(refused).toMatchObject({ ok: false, reason: "rate-limited", error: expect.stringMatching(/^提交过于频繁，请 (9|10) 分钟后再试$/) });
    // Another visitor is not affected.
    ok(await submitSuggestion(request(), after(9000)));
    // The limit is stored hashed: the address itself is nowhere in the table.
    const rows = await db.rateLimitHit.findMany({ where: { key: { contains: hashIp(ip) } } });
    expect(rows.length).toBe(FEEDBACK_LIMITS.submitBurst.max);
    expect(await db.rateLimitHit.count({ where: { key: { contains: ip } } })).toBe(0);
    // Once the window has passed, the same client may write again.
    ok(await submitSuggestion(request({ ip, token: issueFormToken(after(11 * 60_000).getTime()) }), after(11 * 60_000 + 5000)));
  });

  it("a burst of parallel posts from one client cannot slip past the limit", async () => {
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 8 }, () => submitSuggestion(request({ ip }), after(5000))));
    expect(results.filter((r) => r.ok).length).toBe(FEEDBACK_LIMITS.submitBurst.max);
    expect(results.filter((r) => !r.ok && r.reason === "rate-limited").length).toBe(8 - FEEDBACK_LIMITS.submitBurst.max);
  });

  it(`caps a client at ${FEEDBACK_LIMITS.submitDaily.max} a day even when spread out`, async () => {
    const ip = freshIp();
    const step = FEEDBACK_LIMITS.submitBurst.windowMs + 1000;
    for (let i = 0; i < FEEDBACK_LIMITS.submitDaily.max; i++) {
      const at = after(i * step);
      ok(await submitSuggestion(request({ ip, token: issueFormToken(at.getTime()) }), after(5000, at)));
    }
    const at = after(FEEDBACK_LIMITS.submitDaily.max * step);
    const r = await submitSuggestion(request({ ip, token: issueFormToken(at.getTime()) }), after(5000, at));
    expect(r).toMatchObject({ ok: false, reason: "rate-limited", error: expect.stringMatching(/^提交过于频繁，请 \d+ 分钟后再试$/) });
  });

  it("a wrong query code (a shorter-lived limit) does not wipe the daily count", async () => {
    const ip = freshIp();
    const step = FEEDBACK_LIMITS.submitBurst.windowMs + 1000;
    for (let i = 0; i < FEEDBACK_LIMITS.submitDaily.max; i++) {
      const at = after(i * step);
      ok(await submitSuggestion(request({ ip, token: issueFormToken(at.getTime()) }), after(5000, at)));
      await lookupByCode("ZZZZZZZZZZZZ", ip, after(6000, at)); // records a miss, and cleans up its own bucket
    }
    const at = after(FEEDBACK_LIMITS.submitDaily.max * step);
    expect(await submitSuggestion(request({ ip, token: issueFormToken(at.getTime()) }), after(5000, at))).toMatchObject({ ok: false, reason: "rate-limited" });
  });
});

describe("query code and 留言查询", () => {
  it("codes are 12 characters without look-alikes, distinct, and read back however they are typed", async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) codes.add(ok(await submitSuggestion(request(), after(5000))).code);
    expect(codes.size).toBe(3);
    for (const c of codes) expect(c).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
    const code = [...codes][0];
    expect(normalizeCode(` ${formatCode(code).toLowerCase()} `)).toBe(code);
    expect(normalizeCode("ABCD-EFGH-JK0L")).toBeNull();
  });

  it("looks up status and content by code, without the name or contact", async () => {
    const { code } = ok(await submitSuggestion(request({ fields: { subject: "查询测试", contact: "0556-5551234" } }), after(5000)));
    const r = await lookupByCode(formatCode(code).toLowerCase(), freshIp(), after(6000));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.item).toMatchObject({ code, subject: "查询测试", status: "new", reply: "" });
    expect(JSON.stringify(r.item)).not.toContain("0556-5551234");
    expect(JSON.stringify(r.item)).not.toContain("张三");
  });

  it("after too many wrong codes a client is refused, even for a right code, until the window passes", async () => {
    const { code } = ok(await submitSuggestion(request(), after(5000)));
    const ip = freshIp();
    for (let i = 0; i < FEEDBACK_LIMITS.lookupMisses.max; i++) {
      const miss = await lookupByCode("ZZZZZZZZZZZ" + "ABCDEFGHJK"[i], ip, after(10_000 + i));
      expect(miss).toMatchObject({ ok: false, reason: "not-found", error: expect.stringContaining("没有找到") });
    }
    expect(await lookupByCode(code, ip, after(20_000))).toMatchObject({ ok: false, reason: "rate-limited", error: expect.stringMatching(/^查询次数过多，请 \d+ 分钟后再试$/) });
    expect((await lookupByCode(code, freshIp(), after(20_000))).ok).toBe(true);
    expect((await lookupByCode(code, ip, after(FEEDBACK_LIMITS.lookupMisses.windowMs + 20_000))).ok).toBe(true);
  });

  it("a malformed code gets its own message", async () => {
    expect(await lookupByCode("234", freshIp(), T0)).toMatchObject({ ok: false, reason: "invalid", error: expect.stringContaining("12 位（不计短横线），您输入了 3 位") });
    // Letters a code never contains (O for 0, I for 1) are named, not answered with a length rule the text already meets.
    const looksRight = await lookupByCode("ABCD-EFGH-OI23", freshIp(), T0);
    expect(looksRight).toMatchObject({ ok: false, reason: "invalid", error: expect.stringContaining("0、1、I、L、O") });
    expect(looksRight.ok ? "" : looksRight.error).toContain("“O”“I”");
    expect(looksRight.ok ? "" : looksRight.error).not.toContain("12 位");
  });
});

describe("working-day age and overdue", () => {
  const bj = (s: string) => new Date(`${s}+08:00`);
  it("counts Monday–Friday Beijing days after the day of arrival", () => {
    expect(workingDaysSince(bj("2026-11-30T09:00:00"), bj("2026-11-30T18:00:00"))).toBe(0); // same day
    expect(workingDaysSince(bj("2026-11-27T22:00:00"), bj("2026-11-30T08:00:00"))).toBe(1); // Fri night → Mon
    expect(workingDaysSince(bj("2026-11-28T10:00:00"), bj("2026-11-29T10:00:00"))).toBe(0); // Sat → Sun
    expect(workingDaysSince(bj("2026-11-30T10:00:00"), bj("2026-12-07T10:00:00"))).toBe(5); // Mon → next Mon
    expect(workingDaysSince(bj("2026-11-30T10:00:00"), bj("2026-12-12T10:00:00"))).toBe(9); // → Sat of the week after
    expect(workingDaysSince(bj("2026-01-01T10:00:00"), bj("2026-12-31T10:00:00"))).toBe(260);
    // 23:30 UTC on Sunday is already Monday in Beijing.
    expect(workingDaysSince(new Date("2026-11-27T03:00:00Z"), new Date("2026-11-29T23:30:00Z"))).toBe(1);
    expect(workingDaysSince(bj("2026-12-01T10:00:00"), bj("2026-11-30T10:00:00"))).toBe(0);
  });

  it("only unanswered messages older than the limit are overdue", () => {
    const created = bj("2026-11-30T10:00:00");
    expect(isOverdue("new", created, 5, bj("2026-12-07T10:00:00"))).toBe(false); // 5 days: on the limit
    expect(isOverdue("new", created, 5, bj("2026-12-08T10:00:00"))).toBe(true); // 6
    expect(isOverdue("replied", created, 5, bj("2026-12-30T10:00:00"))).toBe(false);
    expect(isOverdue("new", created, 10, bj("2026-12-08T10:00:00"))).toBe(false);
  });

  it("the inbox highlights the overdue ones using the limit from the settings", async () => {
    const old = await db.suggestion.create({
      data: { code: "OVERDUE23456", subject: "超期测试", content: "内容内容内容", contact: "13800138000", createdAt: new Date(Date.now() - 14 * 86_400_000) },
    });
    const inbox = await listInbox("new", 1);
    const row = inbox.items.find((i) => i.id === old.id);
    expect(row).toMatchObject({ overdue: true });
    expect(row!.ageDays).toBeGreaterThanOrEqual(9);
    expect(inbox.counts.new).toBeGreaterThanOrEqual(1);
    // A page number past the end shows the last page, not an empty inbox.
    const beyond = await listInbox("new", 9999);
    expect(beyond.page).toBe(beyond.pages);
    expect(beyond.items.length).toBeGreaterThan(0);
    const replies = await listPublicReplies(9999);
    expect(replies.page).toBe(replies.pages);
    await db.siteSettings.update({ where: { id: 1 }, data: { feedbackOverdueDays: 30 } });
    try {
      expect((await listInbox("new", 1)).items.find((i) => i.id === old.id)).toMatchObject({ overdue: false });
    } finally {
      await db.siteSettings.update({ where: { id: 1 }, data: { feedbackOverdueDays: 5 } });
    }
  });
});

describe("answering from the admin", () => {
  it("reply (public), close and reopen: status, 留言选登 without personal data, audit entries", async () => {
    const actor = await makeActor("reviewer");
    const { code } = ok(await submitSuggestion(request({ fields: { subject: "公开答复测试", name: "李四", contact: "lisi@example.com" } }), after(5000)));
    const { id } = (await db.suggestion.findUnique({ where: { code } }))!;

    await replyToSuggestion({ id, reply: "感谢您的建议，已安排每日更新。", replyPublic: true }, actor);
    expect(await getSuggestion(id)).toMatchObject({ status: "replied", replyPublic: true, repliedById: actor.id, ageDays: null });
    const looked = await lookupByCode(code, freshIp());
    expect(looked.ok && looked.item).toMatchObject({ status: "replied", reply: "感谢您的建议，已安排每日更新。" });

    const listed = (await listPublicReplies(1)).items.find((r) => r.id === id);
    expect(listed).toMatchObject({ subject: "公开答复测试", reply: "感谢您的建议，已安排每日更新。" });
    expect(JSON.stringify(listed)).not.toMatch(/李四|lisi@example\.com/);

    await changeSuggestionStatus({ id, action: "close" }, actor);
    expect(await getSuggestion(id)).toMatchObject({ status: "closed", closedAt: expect.any(Date) });
    await expect(changeSuggestionStatus({ id, action: "close" }, actor)).rejects.toThrow("已办结");
    await changeSuggestionStatus({ id, action: "reopen" }, actor);
    expect(await getSuggestion(id)).toMatchObject({ status: "replied", closedAt: null });

    // Made private again: gone from the public list, still visible to the code holder.
    await replyToSuggestion({ id, reply: "感谢您的建议。", replyPublic: false }, actor);
    expect((await listPublicReplies(1)).items.find((r) => r.id === id)).toBeUndefined();
    const again = await lookupByCode(code, freshIp());
    expect(again.ok && again.item.reply).toBe("感谢您的建议。");

    const log = await db.auditLog.findMany({ where: { actorId: actor.id, targetType: "suggestion", targetId: String(id) }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["suggestion.reply", "suggestion.close", "suggestion.reopen", "suggestion.reply"]);
  });

  it("reopening a message never answered returns it to 待处理", async () => {
    const actor = await makeActor("admin");
    const { code } = ok(await submitSuggestion(request(), after(5000)));
    const { id } = (await db.suggestion.findUnique({ where: { code } }))!;
    await changeSuggestionStatus({ id, action: "close" }, actor);
    await changeSuggestionStatus({ id, action: "reopen" }, actor);
    expect((await getSuggestion(id))?.status).toBe("new");
  });
});
