import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, newSignedInPage } from "./admin-helpers";
import { SEED_TITLE, seedArticleHref, shot } from "./helpers";

// 首页与置顶: 头条, 置顶 and 推荐 set in the article editor change the public pages at once;
// the 图片新闻 carousel is keyboard-operable, pausable and still under reduced motion.

const DEMO_HEADLINE = "市地税局举办学习贯彻党的十九大精神专题辅导报告会";
/** The carousel's own interval is 6 s: waiting longer than that shows whether it moved. */
const PAST_INTERVAL_MS = 7500;

const carousel = (page: Page) => page.getByRole("region", { name: "图片新闻" });
const visibleSlide = (page: Page) => carousel(page).locator(".carousel-slide:not([hidden])");

async function setFlags(editor: Page, flags: { headline: boolean; pinned: boolean; featured: boolean }) {
  const box = editor.getByRole("group", { name: "首页与置顶" });
  for (const [kind, label] of [["headline", "头条"], ["pinned", "置顶"], ["featured", "推荐"]] as const) {
    await box.getByRole("checkbox", { name: `设为${label}` }).setChecked(flags[kind]);
    if (flags[kind]) await box.getByLabel(`${label}顺序`).fill("0");
  }
  await box.getByRole("button", { name: "保存首页与置顶设置" }).click();
  await expect(box.getByRole("status")).toHaveText(/首页与置顶设置(已保存，网站已更新|没有变化)/);
}

test("头条, 置顶 and 推荐 set in the editor show on the home page and the section lists at once", async ({ browser, page }) => {
  test.setTimeout(90_000);
  const href = await seedArticleHref(page);
  const id = href.split("/").pop();
  // The visitor's pages are cached before the change: only revalidation can update them.
  await page.goto("/");
  await expect(page.getByRole("region", { name: /^头条/ })).toContainText(DEMO_HEADLINE);
  await expect(page.locator(".article-list").first()).not.toContainText(SEED_TITLE);

  const editor = await newSignedInPage(browser, ADMIN.email, ADMIN.password);
  await editor.goto(`/admin/articles/${id}`);
  await setFlags(editor, { headline: true, pinned: true, featured: true });
  try {
    await page.goto("/");
    const headline = page.getByRole("region", { name: /^头条：/ });
    await expect(headline.getByRole("heading", { level: 2 })).toHaveText(`头条：${SEED_TITLE}`);
    await expect(headline.getByRole("link", { name: SEED_TITLE })).toHaveAttribute("href", href);
    await expect(headline.locator("img")).toHaveAttribute("fetchpriority", "high");
    // 推荐 with order 0: the first slide.
    await expect(visibleSlide(page)).toContainText(SEED_TITLE);
    // The headline's picture is the page's largest: the slides wait their turn.
    await expect(page.locator('img[fetchpriority="high"]')).toHaveCount(1);
    await expect(visibleSlide(page).locator("img")).toHaveAttribute("loading", "lazy");
    await expect(carousel(page).locator(".carousel-slide[hidden] img").first()).toHaveAttribute("loading", "lazy");

    // 置顶: first in its sub-topic's list and in the parent topic's, marked in words.
    for (const list of ["/topics/congress-19", "/topics"]) {
      await page.goto(list);
      const first = page.locator(".article-list li").first();
      await expect(first, list).toContainText(SEED_TITLE);
      await expect(first.locator(".item-pinned"), list).toHaveText("置顶");
      await expect(page.locator(".item-pinned"), list).toHaveCount(1);
    }

    // 首页编排 lists it under each kind.
    await editor.goto("/admin/home-layout");
    for (const kind of ["头条", "推荐", "置顶"]) {
      await expect(editor.getByRole("region", { name: kind }).getByRole("link", { name: SEED_TITLE })).toBeVisible();
    }
  } finally {
    await editor.goto(`/admin/articles/${id}`);
    await setFlags(editor, { headline: false, pinned: false, featured: false });
  }
  await page.goto("/");
  await expect(page.getByRole("region", { name: /^头条/ })).toContainText(DEMO_HEADLINE);
  await expect(visibleSlide(page)).not.toContainText(SEED_TITLE);
  await page.goto("/topics/congress-19");
  await expect(page.locator(".item-pinned")).toHaveCount(0);
});

test("the 图片新闻 carousel: previous/next by button and arrow keys, slide x of n, auto-advance paused by hover and by the pause button", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  const region = carousel(page);
  const n = await region.locator(".carousel-slide").count();
  expect(n).toBeGreaterThanOrEqual(3);
  await expect(region.getByRole("group", { name: `第 1 张，共 ${n} 张` })).toBeVisible();
  // Every slide is in the server's HTML; one shows.
  await expect(region.locator(".carousel-slide[hidden]")).toHaveCount(n - 1);

  // Left alone (pointer and focus elsewhere) it moves on by itself; the live region stays quiet meanwhile.
  await page.mouse.move(0, 0);
  await expect(region.locator("#featured-slides")).toHaveAttribute("aria-live", "off");
  await expect(region.getByRole("group", { name: `第 2 张，共 ${n} 张` })).toBeVisible({ timeout: PAST_INTERVAL_MS + 3000 });

  // Buttons and arrow keys; with focus inside it no longer rotates and announces politely.
  await region.getByRole("button", { name: "下一张" }).click();
  await expect(region.getByRole("group", { name: `第 3 张，共 ${n} 张` })).toBeVisible();
  await expect(region.locator("#featured-slides")).toHaveAttribute("aria-live", "polite");
  await page.keyboard.press("ArrowLeft");
  await expect(region.getByRole("group", { name: `第 2 张，共 ${n} 张` })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(region.getByRole("group", { name: `第 4 张，共 ${n} 张` })).toBeVisible();
  await region.getByRole("button", { name: "上一张" }).press("Enter");
  await expect(region.getByRole("group", { name: `第 3 张，共 ${n} 张` })).toBeVisible();
  await expect(region.getByText(`3 / ${n}`)).toBeVisible();

  // Hovered: it waits.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await region.hover();
  await page.waitForTimeout(PAST_INTERVAL_MS);
  await expect(region.getByRole("group", { name: `第 3 张，共 ${n} 张` })).toBeVisible();

  // Paused by its button: it stays even with pointer and focus gone.
  await region.getByRole("button", { name: "暂停 图片新闻自动轮播" }).click();
  await expect(region.getByRole("button", { name: "播放 图片新闻自动轮播" })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await page.waitForTimeout(PAST_INTERVAL_MS);
  await expect(region.getByRole("group", { name: `第 3 张，共 ${n} 张` })).toBeVisible();
  await expect(region.locator("#featured-slides")).toHaveAttribute("aria-live", "polite");

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("under prefers-reduced-motion the carousel does not advance by itself", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto("/");
  const region = carousel(page);
  await expect(region.getByRole("button", { name: "播放 图片新闻自动轮播" })).toBeVisible();
  await expect(region.locator("#featured-slides")).toHaveAttribute("aria-live", "polite");
  await page.mouse.move(0, 0);
  await page.waitForTimeout(PAST_INTERVAL_MS);
  await expect(region.getByRole("group", { name: /^第 1 张/ })).toBeVisible();
  // The visitor may still page through it.
  await region.getByRole("button", { name: "下一张" }).click();
  await expect(region.getByRole("group", { name: /^第 2 张/ })).toBeVisible();
  await context.close();
});

test("the home page at desktop and phone width: every panel row filled, nothing wider than the screen", async ({ browser }) => {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto("/");
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
    // Panels that share a row end at the same right edge as the row: no half-empty column.
    const gaps = await page.locator(".home-lead, .home-panels").evaluateAll((rows) =>
      rows.map((row) => {
        const right = row.getBoundingClientRect().right;
        const children = [...row.children].map((c) => c.getBoundingClientRect());
        const lastRowTop = Math.max(...children.map((c) => c.top));
        return Math.round(right - Math.max(...children.filter((c) => c.top === lastRowTop).map((c) => c.right)));
      }),
    );
    expect(gaps, `${width}px`).toEqual(gaps.map(() => 0));
    await shot(page, `home-placement-${width}`);
    await context.close();
  }
});

test("on a phone the home page's pictures come as AVIF/WebP at the screen's width, the headline's first, and nothing shifts", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/");
  const images = page.locator("main img");
  expect(await images.count()).toBeGreaterThan(1);
  for (const img of await images.all()) {
    await expect(img).toHaveAttribute("width", /^\d+$/);
    await expect(img).toHaveAttribute("height", /^\d+$/);
  }
  // One picture is fetched first: the headline's, the page's largest; every other one waits until it is near.
  const headline = page.getByRole("region", { name: /^头条/ }).locator("img");
  await expect(page.locator('main img[fetchpriority="high"]')).toHaveCount(1);
  await expect(headline).toHaveAttribute("fetchpriority", "high");
  await expect(headline).toHaveAttribute("loading", "eager");
  await expect(page.locator('main img:not([fetchpriority="high"])[loading="eager"]')).toHaveCount(0);

  await expect.poll(() => headline.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const src = await headline.evaluate((el: HTMLImageElement) => el.currentSrc);
  const url = new URL(src);
  expect(url.pathname).toBe("/_next/image");
  // 390 CSS px at 2× is 780 device pixels: the next width up, not the 1200-pixel original.
  expect(Number(url.searchParams.get("w"))).toBe(828);
  const picture = await page.request.get(src, { headers: { accept: "image/avif,image/webp,*/*" } });
  expect(picture.headers()["content-type"]).toMatch(/^image\/(avif|webp)$/);
  // Smaller than the stored JPEG copy of about that width (the upload's 960-pixel variant) it replaced.
  const original = url.searchParams.get("url")!;
  const jpeg = await page.request.get(original.replace(/\.jpg$/, "-960.jpg"));
  expect(jpeg.headers()["content-type"]).toBe("image/jpeg");
  expect((await picture.body()).length).toBeLessThan((await jpeg.body()).length * 0.6);

  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThanOrEqual(0.02);
  await context.close();
});
