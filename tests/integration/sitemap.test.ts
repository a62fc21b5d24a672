import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { countSitemapEntries, SITEMAP_URL_LIMIT, sitemapPartCount, sitemapSlice, type SitemapEntry } from "@/lib/sitemap/entries";
import { parseSitemapPart, sitemapIndexXml, sitemapPartPath, urlsetXml } from "@/lib/sitemap/xml";
import { makeActor } from "../support/actors";

const ORIGIN = "https://www.example.gov.cn";
const parser = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });
const created: number[] = [];
afterAll(async () => {
  await db.article.deleteMany({ where: { id: { in: created } } });
});

async function everything(): Promise<SitemapEntry[]> {
  return sitemapSlice(0, await countSitemapEntries());
}

describe("sitemap entries", () => {
  it("lists home, site map, feedback, every section and static page, and every live article with lastmod", async () => {
    const entries = await everything();
    const paths = entries.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.slice(0, 3)).toEqual(["/", "/site-map", "/feedback"]);
    for (const s of await db.section.findMany()) expect(paths).toContain(`/${s.path}`);
    for (const p of await db.page.findMany()) expect(paths).toContain(`/pages/${p.slug}`);
    const live = await db.article.findMany({ where: { isLive: true, publishedAt: { lte: new Date() } }, select: { id: true, section: { select: { path: true } } } });
    for (const a of live) expect(paths).toContain(`/${a.section.path}/${a.id}`);
    expect(paths.filter((p) => /\/\d+$/.test(p))).toHaveLength(live.length);
    expect(entries.filter((e) => e.path !== "/feedback").every((e) => e.lastmod && !Number.isNaN(Date.parse(e.lastmod)))).toBe(true);
  });

  it("a section's lastmod follows the newest change of an article below it", async () => {
    const entries = await everything();
    const congress = await db.section.findFirstOrThrow({ where: { path: "topics/congress-19" } });
    const newest = await db.article.findFirstOrThrow({ where: { sectionId: congress.id, isLive: true }, orderBy: { updatedAt: "desc" } });
    const lastmod = (path: string) => Date.parse(entries.find((e) => e.path === path)!.lastmod!);
    expect(lastmod("/topics/congress-19")).toBeGreaterThanOrEqual(newest.updatedAt.getTime());
    expect(lastmod("/topics")).toBeGreaterThanOrEqual(lastmod("/topics/congress-19"));
  });

  it("drafts and future-dated articles are not listed; an unpublished article is gone at once", async () => {
    const news = await db.section.findFirstOrThrow({ where: { path: "news" } });
    const admin = await makeActor("admin");
    const draft = await db.article.create({ data: { sectionId: news.id, title: "地图草稿", bodyHtml: "<p>x</p>", status: "draft", isLive: false } });
    const future = await db.article.create({
      data: { sectionId: news.id, title: "地图未来", bodyHtml: "<p>x</p>", status: "published", isLive: true, publishedAt: new Date(Date.now() + 86_400_000) },
    });
    created.push(draft.id, future.id);
    const { id } = await wf.createArticle(articleInputSchema.parse({ title: "地图将撤稿", sectionId: news.id, bodyHtml: "<p>正文</p>" }), admin);
    created.push(id);
    await wf.publishArticle(id, null, admin);

    let paths = (await everything()).map((e) => e.path);
    expect(paths).toContain(`/news/${id}`);
    expect(paths).not.toContain(`/news/${draft.id}`);
    expect(paths).not.toContain(`/news/${future.id}`);

    await wf.unpublishArticle(id, "测试撤稿", admin);
    paths = (await everything()).map((e) => e.path);
    expect(paths).not.toContain(`/news/${id}`);
  });
});

describe("sitemap split", () => {
  it("keeps one urlset up to the limit and splits into an index above it", () => {
    expect(SITEMAP_URL_LIMIT).toBe(50_000);
    expect(sitemapPartCount(50_000)).toBe(0);
    expect(sitemapPartCount(50_001)).toBe(2);
    expect(sitemapPartCount(7, 3)).toBe(3);
  });

  it("with the limit lowered, the parts cover every entry exactly once, in order", async () => {
    const total = await countSitemapEntries();
    const limit = 7; // lower than the seed site's number of URLs, so the head and the articles both span parts
    const parts = sitemapPartCount(total, limit);
    expect(parts).toBe(Math.ceil(total / limit));
    const sliced: SitemapEntry[] = [];
    for (let i = 0; i < parts; i++) {
      const part = await sitemapSlice(i * limit, limit);
      expect(part.length).toBeLessThanOrEqual(limit);
      expect(part.length).toBeGreaterThan(0);
      sliced.push(...part);
    }
    expect(sliced).toEqual(await everything());
    expect(await sitemapSlice(parts * limit, limit)).toEqual([]);
  });

  it("writes a valid index pointing at the parts, and valid parts", async () => {
    const index = sitemapIndexXml(ORIGIN, 3);
    expect(XMLValidator.validate(index)).toBe(true);
    const doc = parser.parse(index);
    expect(doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([0, 1, 2].map((i) => `${ORIGIN}/sitemap/${i}.xml`));
    expect([0, 1, 2].map((i) => parseSitemapPart(sitemapPartPath(i).split("/").pop()!))).toEqual([0, 1, 2]);
    expect(parseSitemapPart("01.xml")).toBeNull();
    expect(parseSitemapPart("1.xml.gz")).toBeNull();

    const part = urlsetXml(ORIGIN, await sitemapSlice(0, 5));
    expect(XMLValidator.validate(part)).toBe(true);
    const urls = parser.parse(part).urlset.url as { loc: string; lastmod?: string }[];
    expect(urls).toHaveLength(5);
    expect(urls[0].loc).toBe(`${ORIGIN}/`);
    expect(urls.every((u) => u.loc.startsWith(`${ORIGIN}/`))).toBe(true);
  });

  it("escapes URLs", () => {
    const xml = urlsetXml(ORIGIN, [{ path: "/pages/a?x=1&y=<2>", lastmod: null }]);
    expect(xml).toContain("<loc>https://www.example.gov.cn/pages/a?x=1&amp;y=&lt;2&gt;</loc>");
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
