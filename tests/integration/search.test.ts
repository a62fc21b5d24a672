import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { search, searchParamsSchema } from "@/lib/search/search";
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
    const r = await find("文明城市");
    const firstBodyOnly = r.hits.findIndex((h) => !h.title.includes("文明城市"));
    const lastTitle = r.hits.map((h) => h.title.includes("文明城市")).lastIndexOf(true);
    expect(lastTitle).toBeGreaterThanOrEqual(0);
    if (firstBodyOnly >= 0) expect(lastTitle).toBeLessThan(firstBodyOnly);
  });

  it("finds static pages, numbers and Latin text", async () => {
    expect((await find("免责声明")).hits.some((h) => h.kind === "page")).toBe(true);
    expect((await find("2017")).total).toBeGreaterThan(0);
    expect((await find("246000")).total).toBeGreaterThan(0);
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
    const p2 = await find("安庆", { page: 2 });
    if (byDate.total > 10) expect(p2.hits.length).toBeGreaterThan(0);
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
