import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedArticleHref } from "./helpers";

// GB/T 37668 maps onto WCAG 2.1 AA; axe checks what a machine can check.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

async function pagesToCheck(page: Page): Promise<[string, string][]> {
  return [
    ["home", "/"],
    ["section list", "/news"],
    ["信息公开 catalogue", "/policies"],
    ["article", await seedArticleHref(page)],
    ["search", "/search?q=安庆"],
    ["feedback", "/feedback"],
    ["feedback query", "/feedback/query"],
    ["site map", "/site-map"],
    ["static page", "/pages/contact"],
    ["404", "/no-such-page-here"],
  ];
}

test("axe finds no serious or critical WCAG 2.1 AA violations; one h1 and the landmarks on every page", async ({ page }) => {
  test.setTimeout(90_000);
  const failures: Record<string, unknown> = {};
  for (const [name, url] of await pagesToCheck(page)) {
    await page.goto(url);
    await expect(page.locator("h1"), `${name}: exactly one h1`).toHaveCount(1);
    await expect(page.getByRole("banner"), name).toHaveCount(1);
    await expect(page.getByRole("main"), name).toHaveCount(1);
    await expect(page.getByRole("contentinfo"), name).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "栏目导航" }), name).toHaveCount(1);
    await expect(page.getByRole("search", { name: "站内搜索" }), name).toHaveCount(1);
    const found = await seriousViolations(page);
    if (found.length > 0) failures[`${name} (${url})`] = found;
  }
  expect(failures).toEqual({});
});

test("care mode keeps the article and home free of serious axe violations", async ({ page }) => {
  const article = await seedArticleHref(page);
  await page.goto(article);
  await page.getByRole("button", { name: "关怀模式" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-care", "on");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the skip link is the first tab stop, visible on focus, and moves focus to the main content", async ({ page }) => {
  await page.goto("/news");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box && box.y >= 0 && box.height > 10, "skip link is on screen when focused").toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // The next Tab lands inside <main>, not back in the header.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});

test("every interactive element in the header, article and footer shows a visible focus ring", async ({ page }) => {
  await page.goto(await seedArticleHref(page));
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const unstyled: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
      return { ring, label: `${el.tagName.toLowerCase()} “${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 20)}”` };
    });
    if (!info) break;
    if (!info.ring) unstyled.push(info.label);
  }
  expect(unstyled).toEqual([]);
});

test("images carry alt text and the search form labels its fields", async ({ page }) => {
  for (const url of ["/", await seedArticleHref(page)]) {
    await page.goto(url);
    const missing = await page.locator("img:not([alt])").count();
    expect(missing, `${url}: images without alt`).toBe(0);
  }
  await page.goto("/search?q=安庆");
  const form = page.getByRole("search", { name: "搜索本站" });
  await expect(form.getByLabel("关键词")).toHaveValue("安庆");
  await expect(form.getByLabel("栏目")).toBeVisible();
  await expect(form.getByLabel("排序")).toBeVisible();
});

test("the search form tells what is wrong next to the field and keeps the input", async ({ page }) => {
  await page.goto("/search?q=安庆&from=2018-01-01&to=2017-01-01");
  const from = page.getByLabel("发布日期 从");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await from.getAttribute("aria-describedby"))!;
  await expect(page.locator(`#${describedBy}`)).toContainText("开始日期");
  await expect(from).toHaveValue("2018-01-01");
  await expect(page.getByLabel("关键词")).toHaveValue("安庆");
});

for (const width of [320, 640]) {
  test(`no horizontal scrolling and nothing cut off at ${width} px (200% zoom of 1280 is 640)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const article = await seedArticleHref(page);
    for (const url of ["/", "/news", article, "/search?q=安庆"]) {
      for (const care of [false, true]) {
        await page.goto(url);
        if (care) {
          await page.evaluate(() => localStorage.setItem("care-mode", "on"));
          await page.reload();
          await expect(page.locator("html")).toHaveAttribute("data-care", "on");
        } else {
          await page.evaluate(() => localStorage.removeItem("care-mode"));
          await page.reload();
        }
        const overflow = await page.evaluate(() => {
          const doc = document.documentElement;
          const wide = [...document.querySelectorAll<HTMLElement>("header *, main *, footer *")]
            .filter((el) => el.getClientRects().length > 0 && !el.closest("table, .visually-hidden"))
            .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
            .slice(0, 5);
          return { scroll: doc.scrollWidth - doc.clientWidth, wide };
        });
        expect(overflow, `${url} at ${width}px${care ? " in care mode" : ""}`).toEqual({ scroll: 0, wide: [] });
      }
    }
  });
}
