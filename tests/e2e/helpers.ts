import type { Locator, Page } from "@playwright/test";

export const SEED_TITLE = "上下一盘棋 共建文明城——安庆创建全国文明城市回眸之一";

/** Opens the seed article the way a visitor does: home → 税收专题 → sub-topic → article. */
export async function seedArticleHref(page: Page): Promise<string> {
  await page.goto("/topics/congress-19");
  const href = await page.getByRole("link", { name: SEED_TITLE }).getAttribute("href");
  if (!href) throw new Error("seed article link not found");
  return href;
}

/** Collects console errors, page errors (hydration mismatches surface here) and failed requests. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

export async function liveNumber(page: Page, name: "views" | "visitors"): Promise<number> {
  const el = page.locator(`[data-live="${name}"]`).first();
  await page.waitForFunction((n) => /\d/.test(document.querySelector(`[data-live="${n}"]`)?.textContent ?? ""), name);
  return Number(await el.textContent());
}

/**
 * A picture for a person to look at (screenshots/<name>.png), taken only under
 * `npm run screenshots` (SCREENSHOTS=1): the default test run asserts, it does not photograph.
 */
export async function shot(target: Page | Locator, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  const path = `screenshots/${name}.png`;
  if ("goto" in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}
