import Parser from "rss-parser";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { FEED_SIZE, latestFeedItems } from "@/lib/feeds/queries";
import { buildRss } from "@/lib/feeds/rss";
import { listSections, subtreeIds } from "@/lib/sections/queries";
import { makeActor } from "../support/actors";

const created: number[] = [];
afterAll(async () => {
  await db.article.deleteMany({ where: { id: { in: created } } });
});

async function sectionId(path: string) {
  return (await db.section.findFirstOrThrow({ where: { path } })).id;
}

describe("feed items", () => {
  it("site-wide: the latest 50 live articles, newest first", async () => {
    const news = await sectionId("news");
    // Enough brand-new articles that the seed alone could not fill the list: 60 > 50.
    for (let i = 0; i < 60; i++) {
      const a = await db.article.create({
        data: { sectionId: news, title: `订阅测试 ${i}`, bodyHtml: "<p>x</p>", status: "published", isLive: true, publishedAt: new Date(Date.UTC(2020, 0, 1, 0, i)) },
      });
      created.push(a.id);
    }
    const items = await latestFeedItems(null);
    expect(items).toHaveLength(FEED_SIZE);
    const dates = items.map((i) => i.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const live = await db.article.findMany({ where: { isLive: true, publishedAt: { lte: new Date() } }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: 50, select: { id: true } });
    expect(items.map((i) => i.id)).toEqual(live.map((a) => a.id));
  });

  it("leaves out drafts, future-dated and unpublished articles; an unpublished article is gone at once", async () => {
    const news = await sectionId("news");
    const admin = await makeActor("admin");
    const draft = await db.article.create({ data: { sectionId: news, title: "订阅草稿", bodyHtml: "<p>x</p>", status: "draft", isLive: false, publishedAt: new Date() } });
    const future = await db.article.create({
      data: { sectionId: news, title: "订阅未来", bodyHtml: "<p>x</p>", status: "published", isLive: true, publishedAt: new Date(Date.now() + 86_400_000) },
    });
    created.push(draft.id, future.id);
    const { id } = await wf.createArticle(articleInputSchema.parse({ title: "订阅将撤稿", sectionId: news, bodyHtml: "<p>正文</p>" }), admin);
    created.push(id);
    await wf.publishArticle(id, null, admin);

    const before = (await latestFeedItems([news])).map((i) => i.id);
    expect(before[0]).toBe(id);
    expect(before).not.toContain(draft.id);
    expect(before).not.toContain(future.id);

    await wf.unpublishArticle(id, "测试撤稿", admin);
    expect((await latestFeedItems([news])).map((i) => i.id)).not.toContain(id);
    expect((await latestFeedItems(null)).map((i) => i.id)).not.toContain(id);
  });

  it("a section's feed rolls its sub-sections up and stays inside them", async () => {
    const sections = await listSections();
    const topics = sections.find((s) => s.path === "topics")!;
    const items = await latestFeedItems(subtreeIds(topics, sections));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.href.startsWith("/topics/"))).toBe(true);
    expect(items.some((i) => i.href.startsWith("/topics/congress-19/"))).toBe(true);
  });

  it("the seed site's feed parses with a real feed parser", async () => {
    const xml = buildRss("https://www.aqds.gov.cn", { title: "安庆市地方税务局", path: "/", selfPath: "/rss.xml", description: "最新信息" }, await latestFeedItems(null));
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toHaveLength(FEED_SIZE);
    expect(feed.items.every((i) => i.link?.startsWith("https://www.aqds.gov.cn/") && /\+0800$/.test(i.pubDate ?? ""))).toBe(true);
  });
});
