import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import Parser from "rss-parser";
import { ADMIN, signIn } from "./admin-helpers";
import { SEED_TITLE, seedArticleHref, shot } from "./helpers";

// The e2e server sets SITE_URL to itself (scripts/e2e-server.ts), so every
// absolute URL the site emits must point at this very server.
const ORIGIN = `http://localhost:${process.env.E2E_PORT || 3100}`;
const xml = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });

async function sitemapLocs(request: APIRequestContext): Promise<string[]> {
  const res = await request.get("/sitemap.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const doc = xml.parse(await res.text());
  // Over 50,000 URLs /sitemap.xml is an index of parts; the seed site fits in one urlset.
  expect(doc.urlset, "a urlset for a site of this size").toBeTruthy();
  return (doc.urlset.url as { loc: string }[]).map((u) => u.loc);
}

async function feed(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  return new Parser().parseString(await res.text());
}

const meta = (page: Page, name: string) => page.locator(`meta[name="${name}"]`).getAttribute("content");
const og = (page: Page, property: string) => page.locator(`meta[property="og:${property}"]`).getAttribute("content");

test("sitemap.xml lists every public page, and every URL in it answers 200", async ({ request }) => {
  test.setTimeout(90_000); // the first request of each page renders it (ISR)
  const locs = await sitemapLocs(request);
  expect(locs).toContain(`${ORIGIN}/`);
  expect(locs).toContain(`${ORIGIN}/site-map`);
  expect(locs).toContain(`${ORIGIN}/feedback`);
  expect(locs).toContain(`${ORIGIN}/topics/congress-19`);
  expect(locs.some((l) => /\/pages\/[a-z-]+$/.test(l))).toBe(true);
  expect(locs.filter((l) => /\/\d+$/.test(l)).length).toBeGreaterThanOrEqual(40);
  expect(new Set(locs).size).toBe(locs.length);

  const failures: string[] = [];
  for (let i = 0; i < locs.length; i += 6) {
    await Promise.all(
      locs.slice(i, i + 6).map(async (loc) => {
        expect(loc.startsWith(`${ORIGIN}/`)).toBe(true);
        const res = await request.get(loc, { maxRedirects: 0 });
        if (res.status() !== 200) failures.push(`${res.status()} ${loc}`);
      }),
    );
  }
  expect(failures).toEqual([]);
  expect((await request.get("/sitemap/0.xml")).status()).toBe(404); // parts exist only while the sitemap is split
});

test("robots.txt opens the site, closes the CMS and APIs, and links the sitemap", async ({ request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/User-Agent: \*/i);
  expect(text).toContain("Allow: /");
  expect(text).toContain("Disallow: /admin");
  expect(text).toContain("Disallow: /api/");
  expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
});

test("RSS feeds parse with a real feed parser: site-wide and per section", async ({ request }) => {
  const site = await feed(request, "/rss.xml");
  expect(site.title).toBe("安庆市地方税务局");
  expect(site.feedUrl).toBe(`${ORIGIN}/rss.xml`);
  expect(site.lastBuildDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
  expect(site.items.length).toBeGreaterThan(0);
  expect(site.items.length).toBeLessThanOrEqual(50);
  for (const item of site.items) {
    expect(item.title).toBeTruthy();
    expect(item.link?.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(item.pubDate).toMatch(/\+0800$/);
    expect(item.guid).toBeTruthy();
    expect(item.content ?? "").not.toMatch(/<[a-z]/i); // descriptions are plain text
  }
  const dates = site.items.map((i) => Date.parse(i.pubDate!));
  expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  expect((await request.get(site.items[0].link!)).status()).toBe(200);

  const topic = await feed(request, "/rss/topics/congress-19.xml");
  expect(topic.title).toContain("迅速掀起学习宣传贯彻落实十九大精神热潮");
  expect(topic.link).toBe(`${ORIGIN}/topics/congress-19`);
  expect(topic.items.map((i) => i.title)).toContain(SEED_TITLE);
  expect(topic.items.every((i) => i.link?.startsWith(`${ORIGIN}/topics/congress-19/`))).toBe(true);
  // A parent topic rolls its sub-topics up, as its list page does.
  expect((await feed(request, "/rss/topics.xml")).items.map((i) => i.title)).toContain(SEED_TITLE);
  expect((await request.get("/rss/no-such-section.xml")).status()).toBe(404);
});

test("an article page carries the government meta tags, canonical URL and Open Graph", async ({ page }) => {
  const href = await seedArticleHref(page);
  await page.goto(href);
  expect(await meta(page, "SiteName")).toBe("安庆市地方税务局");
  expect(await meta(page, "SiteDomain")).toBe("www.aqds.gov.cn");
  expect(await meta(page, "SiteIDCode")).toBe("3408000031");
  expect(await meta(page, "ColumnName")).toBe("迅速掀起学习宣传贯彻落实十九大精神热潮");
  expect(await meta(page, "ColumnType")).toBe("专题");
  expect(await meta(page, "ArticleTitle")).toBe(SEED_TITLE);
  expect(await meta(page, "PubDate")).toMatch(/^2017-11-20 \d{2}:\d{2}$/);
  expect(await meta(page, "ContentSource")).toBe("安庆新闻网");
  const keywords = (await meta(page, "Keywords"))!.split(",");
  expect(keywords).toContain("文明城市"); // extracted: the seed article has no editor keywords
  expect((await meta(page, "Description"))!.length).toBeGreaterThan(10);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${ORIGIN}${href}`);
  expect(await og(page, "title")).toBe(SEED_TITLE);
  expect(await og(page, "type")).toBe("article");
  expect(await og(page, "url")).toBe(`${ORIGIN}${href}`);
  expect(await og(page, "site_name")).toBe("安庆市地方税务局");
  expect(await og(page, "description")).toBe(await meta(page, "Description"));
  const feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]');
  await expect(feeds).toHaveCount(2);
  await expect(feeds.nth(1)).toHaveAttribute("href", `${ORIGIN}/rss/topics/congress-19.xml`);
  // One of each: no duplicated tags from layouts.
  await expect(page.locator('meta[name="SiteName"]')).toHaveCount(1);
  await expect(page.locator('meta[name="Description"], meta[name="description"]')).toHaveCount(1);
});

test("an article with a cover has og:image", async ({ page }) => {
  // The home page's headline is an article with a cover (whatever other specs published since).
  await page.goto("/");
  await expect(page.locator(".headline img")).toBeVisible();
  await page.locator(".headline-link").click();
  await expect(page).not.toHaveURL(/\/$/);
  const image = await og(page, "image");
  expect(image?.startsWith(`${ORIGIN}/uploads/`)).toBe(true);
  expect((await page.request.get(image!)).status()).toBe(200);
});

test("home and section pages: meta tags, canonical, feed links", async ({ page, request }) => {
  await page.goto("/");
  expect(await meta(page, "SiteName")).toBe("安庆市地方税务局");
  expect(await meta(page, "ColumnName")).toBe("首页");
  expect(await meta(page, "ColumnType")).toBe("首页");
  expect(await meta(page, "Description")).toContain("工作动态");
  expect(await meta(page, "Keywords")).toContain("安庆市地方税务局");
  expect(await page.locator('meta[name="ArticleTitle"]').count()).toBe(0);
  // Next writes the root URL without its trailing slash; both spell the same URL.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^${ORIGIN}/?$`));
  expect(await og(page, "type")).toBe("website");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", `${ORIGIN}/rss.xml`);

  await page.goto("/news");
  expect(await meta(page, "ColumnName")).toBe("工作动态");
  expect(await meta(page, "ColumnType")).toBe("栏目");
  expect(await meta(page, "Description")).toBe("全市地税系统工作动态");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${ORIGIN}/news`);
  expect(await og(page, "url")).toBe(`${ORIGIN}/news`);
  // The visible feed link of the section works.
  const rss = page.getByRole("link", { name: "工作动态 RSS 订阅" });
  await expect(rss).toHaveAttribute("href", "/rss/news.xml");
  expect((await feed(request, "/rss/news.xml")).title).toContain("工作动态");
  await shot(page, "section-rss-link");

  // Past the last page: a 404 that claims no canonical URL.
  expect((await page.goto("/news/page/9"))?.status()).toBe(404);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/); // Next's own, for every 404
});

test("publishing keywords and unpublishing reach the meta tags, feeds and sitemap at once", async ({ page, request }) => {
  const href = await seedArticleHref(page);
  const id = href.split("/").pop();
  // Warm the caches first, so the test proves revalidation rather than a cold read.
  await request.get(href);
  await request.get("/rss.xml");
  await request.get("/sitemap.xml");

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/admin/articles/${id}`);
  // Too many keywords: a Chinese message tied to the field, and the text stays as typed.
  const tooMany = Array.from({ length: 11 }, (_, i) => `关键词${i + 1}`).join("、");
  await page.getByLabel("关键词").fill(tooMany);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.locator("#keywords-error")).toHaveText("关键词最多10个");
  await expect(page.getByLabel("关键词")).toHaveAttribute("aria-describedby", /keywords-error/);
  await expect(page.getByLabel("关键词")).toHaveValue(tooMany);

  await page.getByLabel("关键词").fill("文明创建，城市精神");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "发布修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("关键词")).toHaveValue("文明创建,城市精神"); // stored normalized
  await shot(page, "editor-keywords");

  const html = await (await request.get(href)).text();
  expect(html).toContain('<meta name="Keywords" content="文明创建,城市精神"/>');

  await page.getByRole("button", { name: "撤稿" }).click();
  const unpublish = page.getByRole("dialog", { name: "撤稿" });
  await unpublish.getByLabel(/撤稿原因/).fill("测试撤稿：订阅与站点地图");
  await unpublish.getByRole("button", { name: "确定撤稿" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已撤稿" })).toBeVisible();
  expect((await feed(request, "/rss.xml")).items.map((i) => i.title)).not.toContain(SEED_TITLE);
  expect((await feed(request, "/rss/topics/congress-19.xml")).items.map((i) => i.title)).not.toContain(SEED_TITLE);
  expect(await sitemapLocs(request)).not.toContain(`${ORIGIN}${href}`);

  // Publish it again: the other spec files share this server and its seed article.
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  expect((await request.get(href)).status()).toBe(200);
  expect(await sitemapLocs(request)).toContain(`${ORIGIN}${href}`);
});
