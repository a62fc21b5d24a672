import { expect, test, type Page } from "@playwright/test";
import { SEED_TITLE, seedArticleHref, shot, watchErrors } from "./helpers";

const px = (page: Page, selector: string, prop: "fontSize" | "lineHeight") =>
  page.locator(selector).first().evaluate((el, p) => parseFloat(getComputedStyle(el)[p]), prop);

/** Client components have hydrated (and run their effects) once the header clock shows the time. */
async function hydrated(page: Page) {
  await expect(page.locator(".header-clock time")).not.toBeEmpty();
}

const background = (page: Page, name: string) => page.getByRole("button", { name }).evaluate((el) => getComputedStyle(el).backgroundColor);

test("关怀模式 enlarges text and targets, raises contrast, and is remembered across pages and visits", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(await seedArticleHref(page));
  await hydrated(page);
  const toggle = page.getByRole("button", { name: "关怀模式", exact: true });
  await expect(toggle).toBeVisible();
  await expect(page.locator(".care-toggle")).not.toHaveAttribute("aria-pressed"); // its label says what it does
  const normalBody = await px(page, "#article-body", "fontSize");
  expect(await px(page, "body", "fontSize")).toBe(16);

  await toggle.click();
  const exit = page.getByRole("button", { name: "退出关怀模式", exact: true });
  await expect(exit).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-care", "on");
  expect(await px(page, "body", "fontSize")).toBeGreaterThanOrEqual(20);
  const careBody = await px(page, "#article-body", "fontSize");
  expect(careBody).toBeGreaterThan(normalBody);
  expect((await px(page, "#article-body", "lineHeight")) / careBody).toBeGreaterThanOrEqual(1.9);
  expect(await page.locator("body").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(0, 0, 0)");

  // Every control and navigation link is at least 44 × 44 px.
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("header a, header button, header input, .main-nav a, .breadcrumb a, .article-meta button, .article-tools button, .neighbours a, .footer-links a")]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el: (el.textContent || el.getAttribute("aria-label") || el.tagName).trim().slice(0, 12), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);

  // Works together with the article's 字体 switch.
  await page.getByRole("button", { name: "大号字体" }).click();
  expect(await px(page, "#article-body", "fontSize")).toBeGreaterThan(careBody);

  // Another page through client navigation, then a fresh visit: on before first paint, no flash.
  await page.getByRole("navigation", { name: "栏目导航" }).getByRole("link", { name: "通知公告" }).click();
  await expect(page).toHaveURL(/\/notices$/);
  await expect(page.getByRole("button", { name: "退出关怀模式", exact: true })).toBeVisible();
  const fresh = await page.context().newPage();
  const freshErrors = watchErrors(fresh);
  await fresh.goto("/");
  // Only the root layout's inline script sets these on load (the toggle reads them), so they were there before paint.
  await expect(fresh.locator("html")).toHaveAttribute("data-care", "on");
  await expect(fresh.locator("html")).toHaveAttribute("data-article-font", "l");
  await expect(fresh.getByRole("button", { name: "退出关怀模式", exact: true })).toBeVisible();
  expect(await px(fresh, "body", "fontSize")).toBeGreaterThanOrEqual(20);

  // The CMS sign-in page has no toggle, so it never inherits the mode.
  await fresh.goto("/login");
  await expect(fresh.locator("html")).not.toHaveAttribute("data-care", "on");
  await fresh.goto("/");
  await fresh.getByRole("button", { name: "退出关怀模式", exact: true }).click();
  await expect(fresh.locator("html")).not.toHaveAttribute("data-care", "on");
  await fresh.reload();
  await expect(fresh.getByRole("button", { name: "关怀模式", exact: true })).toBeVisible();
  expect(await px(fresh, "body", "fontSize")).toBe(16);
  // No pop-ups, overlays or dialogs anywhere.
  await expect(fresh.locator("dialog, [role=dialog], [role=alertdialog]")).toHaveCount(0);
  expect([...errors, ...freshErrors]).toEqual([]);
});

const SPEECH_STUB = () => {
  type Utterance = { text: string; lang: string; voice: { name: string } | null; onend: (() => void) | null; onerror: (() => void) | null };
  const log = { spoken: [] as { text: string; lang: string; voice: string | null }[], paused: 0, resumed: 0, cancelled: 0 };
  let current: Utterance | null = null;
  class StubUtterance {
    text: string;
    lang = "";
    voice = null;
    onend = null;
    onerror = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const synth = {
    speak(u: Utterance) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
      current = u;
    },
    pause: () => log.paused++,
    resume: () => log.resumed++,
    cancel() {
      log.cancelled++;
      const u = current;
      current = null;
      u?.onerror?.(); // browsers report the interrupted utterance as an error
    },
    getVoices: () => [
      { name: "English", lang: "en-US" },
      { name: "Tingting", lang: "zh-CN" },
    ],
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: StubUtterance, configurable: true });
  Object.assign(window, {
    __speech: log,
    __finishCurrent: () => {
      const u = current;
      current = null;
      u?.onend?.();
      return !!u;
    },
  });
};

test("朗读全文 reads the whole article in zh-CN chunks, pauses, continues and stops", async ({ page }) => {
  await page.addInitScript(SPEECH_STUB);
  const errors = watchErrors(page);
  await page.goto(await seedArticleHref(page));
  const read = page.getByRole("button", { name: "朗读全文" });
  await read.click();
  const log = () => page.evaluate(() => (window as unknown as { __speech: { spoken: { text: string; lang: string; voice: string | null }[]; paused: number; resumed: number; cancelled: number } }).__speech);
  const finish = () => page.evaluate(() => (window as unknown as { __finishCurrent: () => boolean }).__finishCurrent());

  expect((await log()).spoken).toEqual([expect.objectContaining({ lang: "zh-CN", voice: "Tingting" })]);
  expect((await log()).spoken[0].text.startsWith(SEED_TITLE)).toBe(true);

  await page.getByRole("button", { name: "暂停朗读" }).click();
  expect((await log()).paused).toBe(1);
  await page.getByRole("button", { name: "继续朗读" }).click();
  expect((await log()).resumed).toBe(1);
  await expect(page.getByRole("button", { name: "暂停朗读" })).toBeFocused();

  // Chunks are spoken one after another until the article ends.
  for (let i = 0; i < 200 && (await finish()); i++);
  const { spoken } = await log();
  expect(spoken.length).toBeGreaterThan(5);
  expect(spoken.every((s) => s.lang === "zh-CN" && s.text.length <= 120)).toBe(true);
  const whole = spoken.map((s) => s.text).join("");
  expect(whole).toContain("2017年11月14日，是安庆城市发展进程中");
  const lastParagraph = (await page.locator("#article-body p").last().innerText()).trim();
  expect(whole.replace(/\s/g, "")).toContain(lastParagraph.replace(/\s/g, "").slice(-20));
  await expect(read).toBeVisible();

  // Stop cancels the speech, and the interrupted chunk does not start the next one.
  await read.click();
  await page.getByRole("button", { name: "停止朗读" }).click();
  await expect(read).toBeVisible();
  const after = await log();
  expect(after.cancelled).toBeGreaterThan(0);
  expect(await finish()).toBe(false);
  expect((await log()).spoken.length).toBe(after.spoken.length);
  expect(errors).toEqual([]);
});

test("without speech synthesis the read-aloud button is not shown, and nothing breaks", async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });
  const errors = watchErrors(page);
  await page.goto(await seedArticleHref(page));
  await hydrated(page);
  expect(await page.evaluate(() => "speechSynthesis" in window)).toBe(false);
  await expect(page.getByRole("button", { name: "朗读全文" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "打印本页" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("the print view shows only the article, with its address and dates", async ({ page }) => {
  const errors = watchErrors(page);
  const href = await seedArticleHref(page);
  await page.goto(href);
  await hydrated(page);
  await expect(page.locator(".print-source")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  for (const hidden of ["header.site-header", "footer.site-footer", "nav", "form", "button", ".skip-link"]) {
    for (const el of await page.locator(hidden).all()) await expect(el, hidden).toBeHidden();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  await expect(page.locator("#article-body")).toBeVisible();
  const source = page.locator(".print-source");
  await expect(source).toBeVisible();
  await expect(source).toContainText(`本文地址：${new URL(href, page.url()).href}`);
  await expect(source).toContainText("发布日期：2017-11-20");
  await expect(source).toContainText(/打印时间：\d{4}年\d{1,2}月\d{1,2}日/);
  await shot(page, "article-print");
  expect(errors).toEqual([]);
});

test("attachments are listed with their file type and a readable size, and download", async ({ page }) => {
  await page.goto("/notices");
  await page.getByRole("link", { name: "关于做好2016年度企业所得税汇算清缴工作的通知" }).click();
  const list = page.getByRole("region", { name: /附件/ });
  await expect(list.getByRole("heading", { level: 2 })).toHaveText("附件（1）");
  const link = list.getByRole("link", { name: "2016年度企业所得税汇算清缴办理指引" });
  const meta = (await list.locator(".file-meta").textContent())!;
  expect(meta).toMatch(/^（PDF 文件，\d+(\.\d)? KB）$/);
  await expect(link).toHaveAccessibleDescription(meta);
  await shot(list, "article-attachments");

  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const bytes = await res.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const shown = Number(/(\d+(?:\.\d)?) KB/.exec(meta)![1]);
  expect(Math.abs(shown - bytes.length / 1024)).toBeLessThan(0.051);
});

test("the chosen font size is highlighted from first paint, before the page's scripts run; aria-pressed follows after hydration", async ({ page }) => {
  await page.goto(await seedArticleHref(page));
  await hydrated(page);
  await expect(page.getByRole("button", { name: "中号字体" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "大号字体" }).click();
  await expect(page.getByRole("button", { name: "大号字体" })).toHaveAttribute("aria-pressed", "true");
  const pressed = await background(page, "大号字体");
  const plain = await background(page, "中号字体");
  expect(pressed).not.toBe(plain);

  // Without the page's scripts (only the inline one in <head> that restores the choice): as it first paints.
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, (route) => route.abort());
  await page.reload();
  expect(await background(page, "大号字体")).toBe(pressed);
  expect(await background(page, "中号字体")).toBe(plain);
  await page.unroute(/\/_next\/static\/chunks\/.*\.js$/);
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("button", { name: "大号字体" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "中号字体" })).toHaveAttribute("aria-pressed", "false");
  expect(await background(page, "大号字体")).toBe(pressed);
  await page.getByRole("button", { name: "中号字体" }).click();
});
