import { test } from "@playwright/test";
import { seedArticleHref } from "./helpers";

// Not assertions: pictures for a person to look at (screenshots/ is git-ignored).
for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`screenshots at ${label} width have no horizontal overflow`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const article = await seedArticleHref(page);
    for (const [name, url] of [["home", "/"], ["list", "/topics"], ["article", article]] as const) {
      await page.goto(url);
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-live="visitors"]')?.textContent ?? ""));
      await page.screenshot({ path: `screenshots/${name}-${label}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) throw new Error(`${name} overflows horizontally by ${overflow}px at ${label} width`);
    }
  });
}

test("screenshots of 关怀模式 and the narrowest phone have no horizontal overflow", async ({ page }) => {
  const article = await seedArticleHref(page);
  const shots: [string, string, { width: number; height: number }, boolean][] = [
    ["article-care-desktop", article, { width: 1280, height: 900 }, true],
    ["home-care-phone", "/", { width: 390, height: 844 }, true],
    ["home-320", "/", { width: 320, height: 700 }, false],
    ["article-320", article, { width: 320, height: 700 }, false],
    ["article-care-640", article, { width: 640, height: 800 }, true],
    ["search-error", "/search?q=安庆&from=2018-01-01&to=2017-01-01", { width: 1280, height: 900 }, false],
    ["not-found", "/no-such-page", { width: 1280, height: 900 }, false],
    ["search-care-phone", "/search?q=安庆", { width: 390, height: 844 }, true],
    ["feedback-care-phone", "/feedback", { width: 390, height: 844 }, true],
  ];
  for (const [name, url, viewport, care] of shots) {
    await page.setViewportSize(viewport);
    await page.goto(url);
    await page.evaluate((on) => (on ? localStorage.setItem("care-mode", "on") : localStorage.removeItem("care-mode")), care);
    await page.reload();
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-live="visitors"]')?.textContent ?? ""));
    await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) throw new Error(`${name} overflows horizontally by ${overflow}px`);
  }
});
