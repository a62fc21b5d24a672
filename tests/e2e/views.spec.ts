import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { liveNumber } from "./helpers";

const BOT = "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)";

/** The stored count, read the way a crawler would ask: crawlers are answered but never counted. */
async function storedViews(request: APIRequestContext, articleId: number): Promise<number> {
  const res = await request.post("/api/views", { data: { articleId }, headers: { "user-agent": BOT, "sec-fetch-site": "same-origin" } });
  return (await res.json()).views;
}

async function articleOf(browser: Browser, sectionPath: string, index: number) {
  const page = await browser.newPage();
  await page.goto(sectionPath);
  const href = (await page.locator(".section-list .item-title").nth(index).getAttribute("href"))!;
  await page.close();
  return { href, id: Number(href.split("/").pop()) };
}

test("a visit counts once; a reload within the window does not; another visitor does", async ({ browser, request }) => {
  const { href, id } = await articleOf(browser, "/policies", 2);
  const before = await storedViews(request, id);

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(href);
  expect(await liveNumber(page, "views")).toBe(before + 1);
  await page.reload();
  expect(await liveNumber(page, "views")).toBe(before + 1);
  // Away and back within the window: still the same view.
  await page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "政策法规" }).click();
  await expect(page).toHaveURL(/\/policies$/);
  await page.goBack();
  expect(await liveNumber(page, "views")).toBe(before + 1);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(href);
  expect(await liveNumber(page2, "views")).toBe(before + 2);
  expect(await storedViews(request, id)).toBe(before + 2);
  await visitor.close();
  await other.close();
});

test("prefetches of the article (hover, viewport, router) do not count a view", async ({ browser, request }) => {
  const { href, id } = await articleOf(browser, "/service", 1);
  const before = await storedViews(request, id);
  const page = await browser.newPage();
  // Every beacon this page sends, in order: the only one must be the real view's, sent after the click.
  const beacons: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/views") && r.method() === "POST") beacons.push(r.postData() ?? "");
  });
  await page.goto("/service");
  const listBeacons = beacons.length; // the list page's own (not an article view)
  await page.locator(`.section-list a[href="${href}"]`).hover();
  // What the Next.js router sends when it prefetches a page, whatever triggered it:
  const prefetch = await page.request.get(`${href}?_rsc=prefetch`, { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
  expect(prefetch.status()).toBe(200);
  expect(await prefetch.text()).toContain(String(id));
  // Opening it for real counts once, and its beacon is the first one naming the article.
  const realView = page.waitForResponse((r) => r.url().endsWith("/api/views") && (r.request().postData() ?? "").includes(`"articleId":${id}`));
  await page.locator(`.section-list a[href="${href}"]`).click();
  await realView;
  expect(await liveNumber(page, "views")).toBe(before + 1);
  expect(beacons.slice(listBeacons).filter((b) => b.includes(`"articleId":${id}`))).toHaveLength(1);
  expect(await storedViews(request, id)).toBe(before + 1);
  await page.close();
});

test("a crawler reading the article is not counted", async ({ browser, request }) => {
  const { href, id } = await articleOf(browser, "/notices", 1);
  const before = await storedViews(request, id);
  const bot = await browser.newContext({ userAgent: BOT });
  const page = await bot.newPage();
  await page.goto(href);
  await expect(page.locator('[data-live="views"]')).toHaveText(String(before));
  expect(await storedViews(request, id)).toBe(before);
  await bot.close();
});

test("a 404 page counts no view but still shows the visitor number", async ({ page }) => {
  const beacon = page.waitForRequest((r) => r.url().endsWith("/api/views") && r.method() === "POST");
  const res = await page.goto("/no-such-page-for-views");
  expect(res?.status()).toBe(404);
  expect((await beacon).postDataJSON()).toEqual({ path: "/no-such-page-for-views", notFound: true });
  expect(await liveNumber(page, "visitors")).toBeGreaterThan(0);
});
