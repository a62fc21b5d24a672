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
