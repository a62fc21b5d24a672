import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleViews, visitorTotal } from "@/lib/views/counters";
import { handleBeacon } from "@/lib/views/beacon";

const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

async function someArticle() {
  return db.article.findFirstOrThrow({ where: { status: "published" }, orderBy: { id: "asc" } });
}

describe("view beacon", () => {
  it("counts a browser's view of an article and gives a new visitor a cookie id", async () => {
    const a = await someArticle();
    const before = await articleViews(a.id);
    const visitorsBefore = await visitorTotal();
    const r = await handleBeacon({ input: { articleId: a.id }, userAgent: BROWSER, purpose: null, visitorCookie: null });
    expect(r.counted).toBe(true);
    expect(r.views).toBe(before + 1);
    expect(r.visitors).toBe(visitorsBefore + 1);
    expect(r.newVisitorCookie).toMatch(/^[0-9a-f-]{36}$/);
    // The same visitor again: the article counts (dedup windows come later), the visitor does not.
    const again = await handleBeacon({ input: { articleId: a.id }, userAgent: BROWSER, purpose: null, visitorCookie: r.newVisitorCookie! });
    expect(again.views).toBe(before + 2);
    expect(again.visitors).toBe(visitorsBefore + 1);
    expect(again.newVisitorCookie).toBeUndefined();
  });

  it("does not count bots, prefetches or requests without a user agent", async () => {
    const a = await someArticle();
    const before = await articleViews(a.id);
    for (const req of [
      { userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", purpose: null },
      { userAgent: "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", purpose: null },
      { userAgent: BROWSER, purpose: "prefetch" },
      { userAgent: null, purpose: null },
    ]) {
      const r = await handleBeacon({ input: { articleId: a.id }, visitorCookie: null, ...req });
      expect(r.counted).toBe(false);
      expect(r.views).toBe(before);
    }
  });

  it("never counts views of unknown or unpublished articles", async () => {
    const draft = await db.article.create({
      data: { sectionId: (await someArticle()).sectionId, title: "草稿", bodyHtml: "<p>x</p>", status: "draft" },
    });
    for (const articleId of [draft.id, 99_999_999]) {
      const r = await handleBeacon({ input: { articleId }, userAgent: BROWSER, purpose: null, visitorCookie: null });
      expect(r.views).toBeUndefined();
      expect(r.visitors).toBeGreaterThan(0);
    }
    expect(await db.articleViewCount.count({ where: { articleId: { in: [draft.id, 99_999_999] } } })).toBe(0);
    expect(await articleViews(draft.id)).toBe(0);
    await db.article.delete({ where: { id: draft.id } });
  });

  it("counts 200 concurrent views of distinct visitors exactly", async () => {
    const a = await someArticle();
    const before = await articleViews(a.id);
    const visitorsBefore = await visitorTotal();
    await Promise.all(
      Array.from({ length: 200 }, () => handleBeacon({ input: { articleId: a.id }, userAgent: BROWSER, purpose: null, visitorCookie: null })),
    );
    expect(await articleViews(a.id)).toBe(before + 200);
    expect(await visitorTotal()).toBe(visitorsBefore + 200);
    expect(await db.visitor.count()).toBe(await visitorTotal());
  });
});
