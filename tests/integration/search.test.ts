import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { adminListFilterSchema, listArticlesForAdmin } from "@/lib/articles/admin-queries";
import { clearIndex, indexNeedsRebuild, rebuildIndex } from "@/lib/search/index";
import { RANK_WINDOW, search, searchParamsSchema, totalText } from "@/lib/search/search";
import { makeActor } from "../support/actors";

const SEED_TITLE = "上下一盘棋 共建文明城——安庆创建全国文明城市回眸之一";
const find = (q: string, extra: Record<string, unknown> = {}) => search(searchParamsSchema.parse({ q, ...extra }), null);

describe("site search on the seeded site", () => {
  it.each(["文明城市", "创城", "安庆", "十九大", "公益广告", "东部新城", "文明", "安庆 创城", "全国文明城市"])("%s finds the seed article on the first page", async (q) => {
    const r = await find(q);
    expect(r.hits.map((h) => h.title)).toContain(SEED_TITLE);
  });

  it("finds nothing for the defacer's words", async () => {
    expect((await find("赛事投注")).total).toBe(0);
    expect((await find("365赛事")).total).toBe(0);
  });

  it("ranks title matches above body-only matches", async () => {
    // Every page of the results, in rank order.
    const first = await find("十九大");
    const r = { hits: [...first.hits] };
    for (let page = 2; page <= first.pageCount; page++) r.hits.push(...(await find("十九大", { page })).hits);
    const firstBodyOnly = r.hits.findIndex((h) => !h.title.includes("十九大"));
    const lastTitle = r.hits.map((h) => h.title.includes("十九大")).lastIndexOf(true);
    expect(lastTitle).toBeGreaterThanOrEqual(0);
    // The seed has body-only matches too, so the order is really tested.
    expect(firstBodyOnly).toBeGreaterThan(0);
    expect(lastTitle).toBeLessThan(firstBodyOnly);
  });

  it("finds static pages, numbers and Latin text", async () => {
    expect((await find("免责声明")).hits.some((h) => h.kind === "page")).toBe(true);
    expect((await find("2017")).total).toBeGreaterThan(0);
    expect((await find("246000")).total).toBeGreaterThan(0);
  });

  it("drops impossible dates instead of failing", async () => {
    for (const day of ["2017-13-01", "2017-02-30", "0000-00-00", "9999-99-99"]) {
      const r = await find("安庆", { from: day, to: day });
      expect(r.total).toBe((await find("安庆")).total);
    }
  });

  it("never answers bad input with an error", async () => {
    for (const q of ["", " ", "x".repeat(1000), "字".repeat(1000), "，。！？", `"`, "*", "NEAR", "OR", "(", ")", `"安庆" OR "*"`, "'; DROP TABLE Article; --", "<script>alert(1)</script>"]) {
      const r = await find(q);
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
  });

  it("filters by section (with sub-sections) and date, sorts by date, paginates", async () => {
    const topic = await db.section.findFirstOrThrow({ where: { path: "topics/congress-19" } });
    const inTopic = await search(searchParamsSchema.parse({ q: "十九大" }), [topic.id]);
    expect(inTopic.total).toBeGreaterThan(0);
    expect(inTopic.hits.every((h) => h.sectionId === topic.id)).toBe(true);
    const before = await find("安庆", { to: "2017-06-30" });
    expect(before.hits.every((h) => h.publishedAt! < "2017-06-30T16:00:00.000Z")).toBe(true);
    const byDate = await find("安庆", { sort: "date" });
    const dates = byDate.hits.map((h) => h.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
    // The seed has more than one page of 安庆: page 2 holds the rest, none of page 1's.
    expect(byDate.total).toBeGreaterThan(10);
    const p1 = await find("安庆", { page: 1 });
    const p2 = await find("安庆", { page: 2 });
    expect(p2.hits.length).toBe(Math.min(10, byDate.total - 10));
    expect(p2.hits.filter((h) => p1.hits.some((x) => x.refId === h.refId && x.kind === h.kind))).toEqual([]);
  });

  it("an article is findable the moment it is published and gone the moment it is unpublished", async () => {
    const reviewer = await makeActor("reviewer");
    const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
    const { id } = await wf.createArticle(articleInputSchema.parse({ title: "独有词测试：璎珞琥珀", sectionId: section.id, bodyHtml: "<p>正文含有独有词翡翠玛瑙。</p>" }), reviewer);
    expect((await find("翡翠玛瑙")).total).toBe(0); // a draft is never found
    await wf.publishArticle(id, null, reviewer);
    expect((await find("翡翠玛瑙")).hits.map((h) => h.refId)).toEqual([String(id)]);
    expect((await find("璎珞")).total).toBe(1);
    await wf.unpublishArticle(id, "测试撤稿", reviewer);
    expect((await find("翡翠玛瑙")).total).toBe(0);
  });
});

describe("ranking window for very common words", () => {
  it("ranks only the newest matches when too many match, and date order still reaches all", async () => {
    const all = await find("安庆", { sort: "date" });
    expect(all.total).toBeGreaterThan(3);
    expect(all.windowed).toBe(false);
    const windowed = await search(searchParamsSchema.parse({ q: "安庆" }), null, 3);
    expect(windowed.windowed).toBe(true);
    // Relevance reaches the window only, and counts that far.
    expect(windowed).toMatchObject({ total: 3, capped: true });
    const articleHits = windowed.hits.filter((h) => h.kind === "article");
    expect(articleHits).toHaveLength(3);
    // The three most recently added matching articles, whatever their rank among themselves.
    const matchingIds: number[] = [];
    for (let page = 1; page <= all.pageCount; page++) {
      const r = await find("安庆", { sort: "date", page });
      matchingIds.push(...r.hits.filter((h) => h.kind === "article").map((h) => Number(h.refId)));
    }
    const newestIds = matchingIds.sort((x, y) => y - x).slice(0, 3).map(String);
    expect(articleHits.map((h) => h.refId).sort()).toEqual(newestIds.sort());
    const unwindowed = await search(searchParamsSchema.parse({ q: "安庆" }), null, 100_000);
    expect(unwindowed.windowed).toBe(false);
    expect(unwindowed.pageCount).toBe(all.pageCount);
  });
});

describe("count cap", () => {
  it("counts matches up to the cap and says that there are more", async () => {
    const all = await find("安庆", { sort: "date" });
    expect(all.capped).toBe(false);
    expect(totalText(all)).toBe(String(all.total));
    expect(all.total).toBeGreaterThan(3);
    const atCap = await search(searchParamsSchema.parse({ q: "安庆", sort: "date" }), null, RANK_WINDOW, all.total);
    expect(atCap).toMatchObject({ total: all.total, capped: false });
    const capped = await search(searchParamsSchema.parse({ q: "安庆", sort: "date", page: 2 }), null, RANK_WINDOW, 3);
    expect(capped).toMatchObject({ total: 3, capped: true, page: 1, pageCount: 1 });
    expect(totalText(capped)).toBe("超过 3");
    expect(capped.hits.map((h) => h.refId)).toEqual(all.hits.map((h) => h.refId));
  });

  it("by relevance, counts as far as the window and ranks its newest matches", async () => {
    /** The ids of the n most recently added articles that match, from the date-sorted pages. */
    const newestMatching = async (q: string, n: number) => {
      const all = await find(q, { sort: "date" });
      const ids: number[] = [];
      for (let page = 1; page <= all.pageCount; page++) ids.push(...(await find(q, { sort: "date", page })).hits.filter((h) => h.kind === "article").map((h) => Number(h.refId)));
      return ids.sort((x, y) => y - x).slice(0, n).map(String).sort();
    };
    const articleIds = (r: { hits: { kind: string; refId: string }[] }) => r.hits.filter((h) => h.kind === "article").map((h) => h.refId).sort();
    for (const q of ["安庆", "十九大", "办税服务厅", "纳税人 个人所得税", "城", "2017"]) {
      const r = await search(searchParamsSchema.parse({ q }), null, 2);
      expect(r, q).toMatchObject({ windowed: true, capped: true, total: 2 });
      expect(totalText(r)).toBe("超过 2");
      expect(articleIds(r), q).toEqual(await newestMatching(q, 2));
    }
  });
});

describe("index maintenance", () => {
  it("a rebuild reproduces the same results, and an emptied index is detected", async () => {
    const before = await find("文明城市");
    await clearIndex();
    expect(await indexNeedsRebuild()).toBe(true);
    expect((await find("文明城市")).total).toBe(0);
    const n = await rebuildIndex();
    expect(n).toBe((await db.article.count({ where: { isLive: true } })) + (await db.page.count()));
    expect(await indexNeedsRebuild()).toBe(false);
    const after = await find("文明城市");
    expect(after.total).toBe(before.total);
    expect(after.hits.map((h) => h.refId)).toEqual(before.hits.map((h) => h.refId));
  });
});

describe("admin article list search", () => {
  it("uses the public search for live articles and substrings for drafts, with the list's filters", async () => {
    const editor = await makeActor("editor");
    const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
    const { id: draftId } = await wf.createArticle(
      articleInputSchema.parse({ title: "草稿检索测试", sectionId: section.id, bodyHtml: "<p>只在草稿里的词：Kiwi玉兰花开。</p>" }),
      editor,
    );
    const list = (q: string, extra: Record<string, unknown> = {}, who = editor) => listArticlesForAdmin(adminListFilterSchema.parse({ q, ...extra }), who);
    expect((await list("玉兰花")).items.map((i) => i.id)).toEqual([draftId]);
    expect((await list("kiwi 玉兰")).items.map((i) => i.id)).toEqual([draftId]); // case-insensitive, every term
    expect((await list("玉兰花", { status: "published" })).total).toBe(0);
    const seed = await list("东部新城");
    expect(seed.items.map((i) => i.title)).toContain(SEED_TITLE);
    expect((await list("东部新城", { status: "live" })).items.map((i) => i.title)).toContain(SEED_TITLE);
    expect((await list("东部新城", { status: "draft" })).items.map((i) => i.title)).not.toContain(SEED_TITLE);
    // An unpublished edit of a live article is found too (its public text is unchanged).
    const reviewer = await makeActor("reviewer");
    const { id: liveId } = await wf.createArticle(articleInputSchema.parse({ title: "已发布文章的待发布修改", sectionId: section.id, bodyHtml: "<p>原来的正文。</p>" }), reviewer);
    await wf.publishArticle(liveId, null, reviewer);
    await wf.saveArticle(liveId, articleInputSchema.parse({ title: "已发布文章的待发布修改", sectionId: section.id, bodyHtml: "<p>原来的正文。待发布的修改：紫藤长廊。</p>" }), reviewer);
    expect((await list("紫藤长廊", {}, reviewer)).items.map((i) => i.id)).toEqual([liveId]);
    // …by those who may read it: another editor finds only the public text (lib/articles/access.ts).
    expect((await list("紫藤长廊")).total).toBe(0);
    expect((await list("原来的正文")).items.map((i) => i.id)).toEqual([liveId]);
    expect((await find("紫藤长廊")).total).toBe(0); // visitors still see the published text
    expect((await list("，。！？")).total).toBe(0);
    expect((await list(`" OR *`)).total).toBe(0);
  });
});
