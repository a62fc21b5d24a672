import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publicWhere } from "@/lib/articles/access";
import { findPublishedArticle, neighboursOf, pageOfSections, PAGE_SIZE } from "@/lib/articles/queries";
import { buildTree, listSections, subtreeIds, trailOf } from "@/lib/sections/queries";

const created: number[] = [];
afterAll(async () => {
  await db.article.deleteMany({ where: { id: { in: created } } });
});

async function section(path: string) {
  return (await listSections()).find((s) => s.path === path)!;
}

describe("public article reads", () => {
  it("lists a section newest first, 20 a page, sub-topics rolled up", async () => {
    const sections = await listSections();
    const topics = sections.find((s) => s.path === "topics")!;
    const ids = subtreeIds(topics, sections);
    expect(ids.length).toBeGreaterThan(1);
    const page1 = await pageOfSections(ids, 1);
    expect(page1.items.length).toBe(Math.min(PAGE_SIZE, page1.total));
    const dates = page1.items.map((i) => i.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(page1.items.every((i) => i.href.startsWith("/topics/"))).toBe(true);
  });

  it("paginates without overlap", async () => {
    const news = await section("news");
    const ids = [news.id];
    for (let i = 0; i < PAGE_SIZE; i++) {
      const a = await db.article.create({
        data: { sectionId: news.id, title: `分页测试 ${i}`, bodyHtml: "<p>x</p>", status: "published", isLive: true, publishedAt: new Date(Date.UTC(2016, 0, 1 + i)) },
      });
      created.push(a.id);
    }
    const p1 = await pageOfSections(ids, 1);
    const p2 = await pageOfSections(ids, 2);
    expect(p1.pageCount).toBeGreaterThanOrEqual(2);
    const seen = new Set(p1.items.map((i) => i.id));
    expect(p2.items.some((i) => seen.has(i.id))).toBe(false);
    expect(p1.total).toBe(await db.article.count({ where: { sectionId: news.id, ...publicWhere() } }));
  });

  it("hides drafts, unpublished and future-dated articles", async () => {
    const news = await section("news");
    for (const [status, isLive, publishedAt] of [
      ["draft", false, new Date()],
      ["unpublished", false, new Date()],
      ["review", false, new Date()],
      ["published", true, new Date(Date.now() + 86_400_000)],
    ] as const) {
      const a = await db.article.create({ data: { sectionId: news.id, title: `不可见 ${status}`, bodyHtml: "<p>x</p>", status, isLive, publishedAt } });
      created.push(a.id);
      expect(await findPublishedArticle(a.id), status).toBeNull();
    }
    const page = await pageOfSections([news.id], 1);
    expect(page.items.some((i) => i.title.startsWith("不可见"))).toBe(false);
  });

  it("finds the previous (older) and next (newer) article in the same section", async () => {
    const notices = await section("notices");
    const rows = await db.article.findMany({ where: { sectionId: notices.id, status: "published" }, orderBy: { publishedAt: "asc" } });
    const mid = rows[1];
    const n = await neighboursOf({ id: mid.id, sectionId: mid.sectionId, publishedAt: mid.publishedAt!.toISOString() });
    expect(n.previous?.id).toBe(rows[0].id);
    expect(n.next?.id).toBe(rows[2].id);
    const first = await neighboursOf({ id: rows[0].id, sectionId: notices.id, publishedAt: rows[0].publishedAt!.toISOString() });
    expect(first.previous).toBeNull();
  });

  it("builds the section tree and breadcrumb trail", async () => {
    const sections = await listSections();
    const tree = buildTree(sections);
    expect(tree.find((s) => s.path === "topics")!.children.map((c) => c.path)).toContain("topics/congress-19");
    expect(trailOf("topics/congress-19", sections).map((s) => s.name)).toEqual(["税收专题", "迅速掀起学习宣传贯彻落实十九大精神热潮"]);
  });
});
