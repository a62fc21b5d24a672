import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publicWhere } from "@/lib/articles/access";
import { articleProxyUrls, siteProxyUrls } from "@/lib/cache/proxy-urls";
import { purgeProxy } from "@/lib/cache/purge";

/** A stand-in for nginx's purge location: records paths, answers 200 for "cached" ones, 404 otherwise. */
const asked: string[] = [];
const cached = new Set(["/", "/topics"]);
const server = http.createServer((req, res) => {
  const path = req.url!.replace(/^\/purge/, "");
  asked.push(path);
  res.statusCode = path === "/boom" ? 500 : cached.has(path) ? 200 : 404;
  res.end();
});

beforeAll(() => new Promise<void>((r) => server.listen(0, "127.0.0.1", r)));
afterAll(() => {
  delete process.env.PURGE_URL;
  return new Promise<void>((r) => server.close(() => r()));
});

describe("proxy purge", () => {
  it("lists the article, its sections and ancestors (every list page), neighbours, home, feeds and sitemap", async () => {
    const sub = await db.section.findFirstOrThrow({ where: { path: "topics/congress-19" } });
    const parent = await db.section.findFirstOrThrow({ where: { path: "topics" } });
    const articles = await db.article.findMany({ where: { ...publicWhere(), sectionId: sub.id }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] });
    expect(articles.length).toBeGreaterThanOrEqual(3);
    const middle = articles[1];
    const urls = await articleProxyUrls(middle.id, [sub.id], [sub.id, parent.id]);
    expect(urls).toEqual(
      expect.arrayContaining([
        "/",
        `/topics/congress-19/${middle.id}`,
        `/topics/congress-19/${articles[0].id}`,
        `/topics/congress-19/${articles[2].id}`,
        "/topics/congress-19",
        "/topics/congress-19/page/2",
        "/topics",
        "/topics/page/2",
        "/rss/topics/congress-19.xml",
        "/rss/topics.xml",
        "/rss.xml",
        "/sitemap.xml",
      ]),
    );
    // Neighbours only: not every article of the section.
    const others = articles.slice(3).map((a) => `/topics/congress-19/${a.id}`);
    expect(urls.filter((u) => others.includes(u))).toEqual([]);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("lists every public article and section for a settings change", async () => {
    const urls = await siteProxyUrls();
    const live = await db.article.count({ where: publicWhere() });
    expect(urls.filter((u) => /\/\d+$/.test(u) && !/\/page\/\d+$/.test(u)).length).toBe(live);
    expect(urls).toEqual(expect.arrayContaining(["/", "/site-map", "/news", "/topics/congress-19", "/rss.xml"]));
  });

  it("sends nothing without PURGE_URL, and one request per URL with it, counting what was cached", async () => {
    delete process.env.PURGE_URL;
    expect(await purgeProxy(["/", "/topics"])).toEqual({ purged: 0, notCached: 0, failed: 0 });
    expect(asked).toEqual([]);
    process.env.PURGE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`;
    const result = await purgeProxy(["/", "/topics", "/news/1", "/boom"]);
    expect(result).toEqual({ purged: 2, notCached: 1, failed: 1 });
    expect(asked.sort()).toEqual(["/", "/boom", "/news/1", "/topics"]);
  });
});
