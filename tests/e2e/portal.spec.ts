import { expect, test } from "@playwright/test";
import { liveNumber, SEED_TITLE, seedArticleHref, watchErrors } from "./helpers";

test("home → channel → article, with breadcrumb links back up", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await expect(page).toHaveTitle(/安庆市地方税务局/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // Every home list item carries its date.
  const items = page.locator(".home .article-list li");
  expect(await items.count()).toBeGreaterThan(20);
  for (const li of await items.all()) await expect(li.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  await page.getByRole("navigation", { name: "栏目导航" }).getByRole("link", { name: "工作动态" }).click();
  await expect(page).toHaveURL(/\/news$/);
  await expect(page.getByRole("heading", { level: 1, name: "工作动态" })).toBeVisible();
  const first = page.locator(".section-list .article-list li").first();
  const title = (await first.locator(".item-title").textContent())!;
  await first.locator(".item-title").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  const crumbs = page.getByRole("navigation", { name: "当前位置" });
  await expect(crumbs).toContainText("您当前的位置：首页>>工作动态>>");
  await crumbs.getByRole("link", { name: "工作动态" }).click();
  await expect(page).toHaveURL(/\/news$/);
  await page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "首页" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(errors).toEqual([]);
});

test("the seed article page reproduces every element of the original", async ({ page }) => {
  const errors = watchErrors(page);
  const href = await seedArticleHref(page);
  expect(href).toMatch(/^\/topics\/congress-19\/\d+$/);
  await page.goto(href);
  await expect(page.getByText("当前时间：")).toBeVisible();
  await expect(page.locator(".header-clock time")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 星期. \d{2}:\d{2}:\d{2}$/);
  await expect(page.getByRole("search").getByLabel("站内搜索：")).toBeVisible();

  const crumbs = page.getByRole("navigation", { name: "当前位置" });
  await expect(crumbs).toHaveText(`您当前的位置：首页>>税收专题>>迅速掀起学习宣传贯彻落实十九大精神热潮>>${SEED_TITLE}`);
  await expect(crumbs.getByRole("link", { name: "税收专题" })).toHaveAttribute("href", "/topics");
  await expect(crumbs.getByRole("link", { name: "迅速掀起学习宣传贯彻落实十九大精神热潮" })).toHaveAttribute("href", "/topics/congress-19");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  const meta = page.locator(".article-meta");
  await expect(meta).toContainText("发布日期：2017-11-20");
  await expect(meta).toContainText("来源：安庆新闻网");
  await expect(meta).toContainText(/浏览次数：\d+/);
  await expect(meta).toContainText("【 字体：大中小】");

  const figure = page.locator(".article-body figure");
  await expect(figure.locator("figcaption")).toHaveText("面貌一新的东部新城 江胜");
  const img = figure.locator("img");
  await expect(img).toHaveAttribute("alt", /东部新城/);
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  await expect(page.locator(".article-body")).toContainText("2017年11月14日，是安庆城市发展进程中");
  await expect(page.locator(".article-body")).toContainText("“携手共创全国文明城市”“安庆好故事”");

  await expect(page.getByRole("navigation", { name: "上一篇和下一篇" })).toContainText("上一篇：");
  await expect(page.locator("body")).not.toContainText("365赛事投注");
  expect(errors).toEqual([]);
});

test("footer shows the identity from site settings and a live visitor number", async ({ page }) => {
  await page.goto("/");
  const footer = page.locator("footer.site-footer");
  for (const label of ["免责声明", "联系我们", "网站地图", "帮助信息", "网站建议"]) {
    await expect(footer.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  await expect(footer).toContainText("版权所有：安庆市地方税务局");
  await expect(footer.getByRole("link", { name: "皖ICP备09009541号" })).toHaveAttribute("href", "https://beian.miit.gov.cn/");
  await expect(footer).toContainText("皖公网安备 34080302000053号");
  await expect(footer).toContainText("网站标识码：3408000031");
  await expect(footer.getByRole("link", { name: "aqdsj02@mail.hf.ah.cn" })).toHaveAttribute("href", "mailto:aqdsj02@mail.hf.ah.cn");
  await expect(footer).toContainText("地址：安庆市孝肃路251号");
  await expect(footer).toContainText("邮编：246000");
  await expect(footer).toContainText("技术支持：合肥深拓计算机系统集成有限公司");
  await expect(footer).toContainText("联系电话：0551-65301251");
  expect(await liveNumber(page, "visitors")).toBeGreaterThan(0);
  await expect(footer).toContainText(/您是第 \d+ 位访客/);

  for (const [name, heading] of [["免责声明", "免责声明"], ["联系我们", "联系我们"], ["帮助信息", "帮助信息"], ["网站地图", "网站地图"], ["网站建议", "网站建议"]]) {
    await page.goto("/");
    await page.locator("footer.site-footer").getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  await page.goto("/site-map");
  await expect(page.locator(".site-map")).toContainText("迅速掀起学习宣传贯彻落实十九大精神热潮");
});

test("a new visitor is counted once; a returning one is not counted again", async ({ browser }) => {
  const a = await browser.newContext();
  const pa = await a.newPage();
  await pa.goto("/");
  const first = await liveNumber(pa, "visitors");
  await pa.goto("/notices");
  expect(await liveNumber(pa, "visitors")).toBe(first);
  const b = await browser.newContext();
  const pb = await b.newPage();
  await pb.goto("/");
  expect(await liveNumber(pb, "visitors")).toBe(first + 1);
  await a.close();
  await b.close();
});

test("font size switch changes the body text, works by keyboard and survives reload", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(await seedArticleHref(page));
  const body = page.locator(".article-body p").first();
  const size = () => body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const medium = await size();

  await page.getByRole("button", { name: "大号字体" }).click();
  await expect(page.getByRole("button", { name: "大号字体" })).toHaveAttribute("aria-pressed", "true");
  const large = await size();
  expect(large).toBeGreaterThan(medium);

  await page.reload();
  expect(await size()).toBe(large);
  await expect(page.getByRole("button", { name: "大号字体" })).toHaveAttribute("aria-pressed", "true");

  // Keyboard: focus the 小 button and press Enter.
  await page.getByRole("button", { name: "小号字体" }).focus();
  await page.keyboard.press("Enter");
  expect(await size()).toBeLessThan(medium);

  // Remembered across pages.
  const next = page.locator(".neighbours a").first();
  const nextHref = (await next.getAttribute("href"))!;
  const nextTitle = (await next.textContent())!;
  await next.click();
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nextTitle);
  await expect(page.getByRole("button", { name: "小号字体" })).toHaveAttribute("aria-pressed", "true");
  expect(await page.locator(".article-body p").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeLessThan(medium);
  expect(errors).toEqual([]);
});

test("article HTML is served from the ISR cache (HIT on the second request)", async ({ page, request }) => {
  const href = await seedArticleHref(page);
  const first = await request.get(href);
  expect(first.status()).toBe(200);
  const html = await first.text();
  for (const part of [SEED_TITLE, "发布日期：", "2017-11-20", "来源：安庆新闻网", "浏览次数", "字体", "税收专题", "面貌一新的东部新城", "您是第", "皖ICP备09009541号"]) {
    expect(html, part).toContain(part);
  }
  expect(html).not.toContain("365赛事投注");
  const second = await request.get(href);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
});

test("section lists paginate newest first with dates", async ({ page }) => {
  await page.goto("/topics");
  await expect(page.getByRole("heading", { level: 1, name: "税收专题" })).toBeVisible();
  await expect(page.getByRole("complementary")).toContainText("迅速掀起学习宣传贯彻落实十九大精神热潮");
  const dates = await page.locator(".section-list time").allTextContents();
  expect(dates.length).toBeGreaterThan(0);
  expect([...dates].sort().reverse()).toEqual(dates);
});

test("unknown pages get a Chinese 404", async ({ page }) => {
  for (const url of ["/no-such-section", "/news/999999", "/news/page/99", "/pages/nope", "/%E6%96%B0%E9%97%BB"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("抱歉，您访问的页面不存在");
    await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
  }
});

test("an article link with an outdated section path redirects to the current one", async ({ page }) => {
  const href = await seedArticleHref(page);
  const id = href.split("/").pop();
  await page.goto(`/news/${id}`);
  await expect(page).toHaveURL(href);
});

test("search from the header box: highlighted results, the query kept, a result opens", async ({ page }) => {
  await page.goto(await seedArticleHref(page));
  await page.getByRole("banner").getByLabel("站内搜索：").fill("文明城市");
  await page.getByRole("banner").getByLabel("站内搜索：").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("status")).toContainText(/找到 \d+ 条与“文明城市”相关的信息/);
  await expect(page.getByRole("banner").getByLabel("站内搜索：")).toHaveValue("文明城市");
  const first = page.locator(".search-hits li").first();
  await expect(first.locator("mark").first()).toHaveText("文明城市");
  await page.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
});

test("search shows hostile queries as text and never fails", async ({ page }) => {
  for (const q of ["<script>alert(1)</script>", '"', "*", "NEAR(", "赛事投注", "x".repeat(1000)]) {
    const res = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(res?.status(), q).toBe(200);
    await expect(page.getByRole("status")).toBeVisible();
  }
  await page.goto(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
  await expect(page.getByRole("status")).toContainText("<script>alert(1)</script>");
});
