import { spawn } from "node:child_process";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { beijingDay } from "@/lib/format/date";
import { handleBeacon, recentViews, type BeaconInput } from "@/lib/views/beacon";
import { viewRecorder } from "@/lib/views/recorder";

vi.mock("next/cache", () => ({ revalidateTag: () => undefined, revalidatePath: () => undefined, unstable_cache: (fn: () => unknown) => fn }));

const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

async function liveArticle(offset = 0) {
  return db.article.findFirstOrThrow({ where: { isLive: true }, orderBy: { id: "asc" }, skip: offset });
}
const dbViews = async (articleId: number) => (await db.articleViewCount.findUnique({ where: { articleId } }))?.views ?? 0;
const dbVisitors = async () => (await db.siteCounter.findUnique({ where: { key: "visitors" } }))?.value ?? 0;
const beacon = (input: BeaconInput, visitorCookie: string | null = null, extra: Partial<Parameters<typeof handleBeacon>[0]> = {}) =>
  handleBeacon({ input, userAgent: BROWSER, purpose: null, visitorCookie, ...extra });

describe("view beacon", () => {
  it("counts a browser's view at once (live) and writes it on flush; a new visitor gets a cookie id", async () => {
    const a = await liveArticle();
    await viewRecorder().flush();
    const before = await dbViews(a.id);
    const visitorsBefore = await dbVisitors();
    const r = await beacon({ articleId: a.id });
    expect(r.counted).toBe(true);
    expect(r.views).toBe(before + 1); // shown immediately, before any write
    expect(r.visitors).toBe(visitorsBefore + 1);
    expect(r.newVisitorCookie).toMatch(/^[0-9a-f-]{36}$/);
    await viewRecorder().flush();
    expect(await dbViews(a.id)).toBe(before + 1);
    expect(await dbVisitors()).toBe(visitorsBefore + 1);
    // The cookie is stored only as a hash.
    expect(await db.visitor.findUnique({ where: { id: r.newVisitorCookie! } })).toBeNull();
  });

  it("does not count the same visitor's repeat view within the window, counts it after", async () => {
    const a = await liveArticle(1);
    const cookie = "0123456789abcdef0123";
    const t0 = new Date("2030-01-01T01:00:00Z");
    await viewRecorder().flush();
    const before = await dbViews(a.id);
    expect((await beacon({ articleId: a.id }, cookie, { now: t0 })).counted).toBe(true);
    expect((await beacon({ articleId: a.id }, cookie, { now: new Date(t0.getTime() + 60_000) })).counted).toBe(false);
    expect((await beacon({ articleId: a.id }, cookie, { now: new Date(t0.getTime() + 31 * 60_000) })).counted).toBe(true);
    await viewRecorder().flush();
    expect(await dbViews(a.id)).toBe(before + 2);
  });

  it("a 404 page's beacon gets the visitor number but counts nothing", async () => {
    await viewRecorder().flush();
    const visitors = await dbVisitors();
    const r = await beacon({ path: "/no-such-page", notFound: true });
    expect(r.counted).toBe(false);
    expect(r.visitors).toBe(visitors);
    expect(r.newVisitorCookie).toBeUndefined();
  });

  it("does not count bots, prefetches or requests without a user agent", async () => {
    const a = await liveArticle(2);
    await viewRecorder().flush();
    const before = await dbViews(a.id);
    for (const extra of [
      { userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" },
      { userAgent: "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)" },
      { purpose: "prefetch" },
      { userAgent: null },
    ]) {
      const r = await beacon({ articleId: a.id }, null, extra);
      expect(r.counted).toBe(false);
      expect(r.views).toBe(before);
    }
    await viewRecorder().flush();
    expect(await dbViews(a.id)).toBe(before);
  });

  it("never counts views of unknown or unpublished articles", async () => {
    const draft = await db.article.create({
      data: { sectionId: (await liveArticle()).sectionId, title: "草稿", bodyHtml: "<p>x</p>", status: "draft" },
    });
    for (const articleId of [draft.id, 99_999_999]) {
      const r = await beacon({ articleId });
      expect(r.views).toBeUndefined();
    }
    await viewRecorder().flush();
    expect(await db.articleViewCount.count({ where: { articleId: { in: [draft.id, 99_999_999] } } })).toBe(0);
    await db.article.delete({ where: { id: draft.id } });
  });

  it("500 concurrent beacons of distinct visitors at the route handler count exactly 500, with daily aggregates", async () => {
    const { POST } = await import("@/app/api/views/route");
    const a = await liveArticle(3);
    await viewRecorder().flush();
    recentViews.clear();
    const day = beijingDay(new Date());
    const before = {
      views: await dbViews(a.id),
      visitors: await dbVisitors(),
      day: await db.dailyArticleStat.findUnique({ where: { day_articleId: { day, articleId: a.id } } }),
      site: await db.dailySiteStat.findUnique({ where: { day } }),
    };
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        POST(
          new NextRequest("http://localhost/api/views", {
            method: "POST",
            // Distinct visitors from distinct addresses (one address would meet the per-IP cap).
            headers: { "content-type": "application/json", "user-agent": BROWSER, "sec-fetch-site": "same-origin", "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` },
            body: JSON.stringify({ articleId: a.id, path: `/x/${a.id}` }),
          }),
        ),
      ),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => r.headers.get("set-cookie"))).size).toBe(500);
    await viewRecorder().flush();
    expect(await dbViews(a.id)).toBe(before.views + 500);
    expect(await dbVisitors()).toBe(before.visitors + 500);
    const dayRow = await db.dailyArticleStat.findUniqueOrThrow({ where: { day_articleId: { day, articleId: a.id } } });
    expect(dayRow.views).toBe((before.day?.views ?? 0) + 500);
    expect(dayRow.visitors).toBe((before.day?.visitors ?? 0) + 500);
    const site = await db.dailySiteStat.findUniqueOrThrow({ where: { day } });
    expect(site.views).toBe((before.site?.views ?? 0) + 500);
    expect(site.visitors).toBe((before.site?.visitors ?? 0) + 500);
  });

  it("a shutdown signal writes the buffer (nothing pending is lost on SIGTERM)", async () => {
    const a = await liveArticle(4);
    await viewRecorder().flush();
    const before = await dbViews(a.id);
    // node itself (not npx) so the signal reaches the process that holds the buffer.
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/view-buffer-child.ts", String(a.id), "37"], {
      env: { ...process.env, VIEW_FLUSH_MS: "3600000" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => d.toString().includes("buffered") && resolve()));
    expect(await dbViews(a.id)).toBe(before); // still only in memory
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c, sig) => resolve(c ?? (sig ? 143 : null))));
    expect(code).toBe(143);
    expect(await dbViews(a.id)).toBe(before + 37);
  }, 60_000);

  it("one IP address adds at most VIEW_IP_LIMIT views per window, whatever visitor ids it invents; a spoofed first hop does not help", async () => {
    const { POST } = await import("@/app/api/views/route");
    const a = await liveArticle(5);
    await viewRecorder().flush();
    recentViews.clear();
    const before = await dbViews(a.id);
    const send = (forwardedFor: string) =>
      POST(
        new NextRequest("http://localhost/api/views", {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": BROWSER, "sec-fetch-site": "same-origin", "x-forwarded-for": forwardedFor },
          body: JSON.stringify({ articleId: a.id }),
        }),
      );
    // A script from 203.0.113.9 with a new visitor every time, half of them claiming to come from elsewhere.
    const flood = await Promise.all(Array.from({ length: 300 }, (_, i) => send(i % 2 ? `198.51.100.${i % 250}, 203.0.113.9` : "203.0.113.9")));
    expect(flood.every((r) => r.status === 200)).toBe(true);
    await send("192.0.2.1"); // another address still counts
    await viewRecorder().flush();
    expect(await dbViews(a.id)).toBe(before + 240 + 1);
  });

  it("the cap groups an IPv6 /64, and a capped view does not use up the visitor's real view", async () => {
    const a = await liveArticle(6);
    const t0 = new Date("2031-06-01T00:00:00Z");
    await viewRecorder().flush();
    const before = await dbViews(a.id);
    // A script rotating through addresses of one /64.
    let counted = 0;
    for (let i = 0; i < 260; i++) counted += (await beacon({ articleId: a.id }, null, { ip: `2001:db8:77:1::${i.toString(16)}`, now: t0 })).counted ? 1 : 0;
    expect(counted).toBe(240);
    // A person on the same network, refused by the cap now…
    const cookie = "person-on-that-network-01";
    expect((await beacon({ articleId: a.id }, cookie, { ip: "2001:db8:77:1::beef", now: t0 })).counted).toBe(false);
    // …counts once the cap's window has passed, though still inside the 30-minute duplicate window.
    expect((await beacon({ articleId: a.id }, cookie, { ip: "2001:db8:77:1::beef", now: new Date(t0.getTime() + 11 * 60_000) })).counted).toBe(true);
    await viewRecorder().flush();
    expect(await dbViews(a.id)).toBe(before + 241);
  });
});
