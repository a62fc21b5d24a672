import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { htmlToText } from "@/lib/content/sanitize";
import { seedDemoContent } from "@/lib/seed/seed";
import { storage } from "@/lib/media/storage";

const SEED_TITLE = "上下一盘棋 共建文明城——安庆创建全国文明城市回眸之一";

describe("demo content", () => {
  it("has the channels, the topic with sub-topics and at least 40 published articles", async () => {
    const sections = await db.section.findMany();
    expect(sections.map((s) => s.name)).toEqual(expect.arrayContaining(["工作动态", "通知公告", "政策法规", "税收专题"]));
    const topic = sections.find((s) => s.name === "税收专题")!;
    expect(sections.filter((s) => s.parentId === topic.id).length).toBeGreaterThanOrEqual(2);
    expect(await db.article.count({ where: { status: "published" } })).toBeGreaterThanOrEqual(40);
    for (const s of sections.filter((x) => x.kind === "channel")) {
      expect(await db.article.count({ where: { sectionId: s.id } }), s.name).toBeGreaterThan(0);
    }
  });

  it("restores the seed article with its punctuation, dates, photo and caption", async () => {
    const a = await db.article.findFirstOrThrow({ where: { title: SEED_TITLE }, include: { section: true, cover: true } });
    expect(a.source).toBe("安庆新闻网");
    expect(a.publishedAt!.toISOString()).toBe("2017-11-20T00:30:00.000Z"); // 08:30 Beijing
    expect(a.section.name).toBe("迅速掀起学习宣传贯彻落实十九大精神热潮");
    expect(a.section.path).toBe("topics/congress-19");
    expect(a.bodyHtml).toContain("<figcaption>面貌一新的东部新城");
    expect(a.bodyHtml).toContain("江胜");
    expect(a.bodyHtml).toContain("2017年11月14日");
    expect(a.bodyHtml).toContain("4月24日");
    expect(a.bodyHtml).toMatch(/“一把手”/);
    expect(a.bodyHtml).toMatch(/“携手共创全国文明城市”“安庆好故事”/);
    expect(htmlToText(a.bodyHtml)).not.toContain('"'); // quotes restored as “”, none left as ASCII
    expect(a.bodyHtml.length).toBeGreaterThan(3000);
    expect(a.cover?.alt).toBeTruthy();
    expect(await storage.get(a.cover!.storageKey)).not.toBeNull();
  });

  it("carries no gambling name anywhere and a real footer identity", async () => {
    const s = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(JSON.stringify(s)).not.toMatch(/赛事|投注|365/);
    expect(s.icpNumber).toBe("皖ICP备09009541号");
    expect(s.owner).toBeTruthy();
    const hits = await db.article.count({ where: { OR: [{ bodyHtml: { contains: "投注" } }, { title: { contains: "投注" } }] } });
    expect(hits).toBe(0);
  });

  it("has the static pages and does not seed twice", async () => {
    const pages = await db.page.findMany();
    expect(pages.map((p) => p.slug).sort()).toEqual(["contact", "disclaimer", "help"]);
    const before = await db.article.count();
    expect((await seedDemoContent()).seeded).toBe(false);
    expect(await db.article.count()).toBe(before);
  });
});
