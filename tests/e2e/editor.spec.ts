import { expect, test, type Page } from "@playwright/test";
import { ADMIN, newSignedInPage, signIn } from "./admin-helpers";

/** A new draft written through the editor; returns its id. */
async function newDraft(page: Page, title: string, writeBody: () => Promise<void>): Promise<number> {
  await page.goto("/admin/articles/new");
  await page.getByLabel("标题（必填）").fill(title);
  await page.getByLabel("栏目（必填）").selectOption({ label: "工作动态" });
  await page.locator("#bodyHtml").click();
  await writeBody();
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  return Number(/\/admin\/articles\/(\d+)$/.exec(page.url())![1]);
}

test("a table and lists written in the editor: no first-line indent in cells or items, the table scrolls in its own box at 390 px", async ({ page, browser }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const title = `办税服务厅时间表 ${Date.now()}`;
  const id = await newDraft(page, title, async () => {
    await page.keyboard.type("以下为各办税服务厅的办公时间和地址，请纳税人合理安排时间。");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "无序列表" }).click();
    await page.keyboard.type("携带身份证件原件");
    await page.keyboard.press("Enter");
    await page.keyboard.type("提前通过电子税务局预约");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter"); // leaves the list
    await page.getByRole("button", { name: "有序列表" }).click();
    await page.keyboard.type("取号");
    await page.keyboard.press("Enter");
    await page.keyboard.type("办理");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "插入表格" }).click();
    for (const cell of ["办税服务厅", "办公时间", "地址", "市区办税服务厅", "8:00-17:30（法定节假日除外）", "安庆市迎江区人民路一百二十八号税务大楼一楼大厅"]) {
      await page.keyboard.type(cell);
      await page.keyboard.press("Tab");
    }
  });
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`/news/${id}`);
  const body = phone.locator(".article-body");
  await expect(body.locator("table td").first()).toBeVisible();
  const indent = (sel: string) => body.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).textIndent));
  expect(await indent(":scope > p")).toBeGreaterThan(20); // body paragraphs keep their two characters
  expect(await indent("td p, td")).toBe(0);
  expect(await indent("th p, th")).toBe(0);
  expect(await indent("ul li p, ul li")).toBe(0);
  expect(await indent("ol li p, ol li")).toBe(0);
  // A cell's time stays on one line instead of breaking at every character.
  await expect(body.locator("td", { hasText: "8:00-17:30" })).toBeVisible();
  const cellWidth = await body.locator("td", { hasText: "8:00-17:30" }).evaluate((el) => el.getBoundingClientRect().width);
  expect(cellWidth).toBeGreaterThan(60);
  // The page never scrolls sideways; a wide table scrolls inside its own box.
  const widths = await phone.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const table = await body.locator("table").evaluate((el) => ({ overflow: getComputedStyle(el).overflowX, right: el.getBoundingClientRect().right }));
  expect(table.overflow).toBe("auto");
  expect(table.right).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: "/tmp/editor-table-390.png", fullPage: true });
  await phone.setViewportSize({ width: 1280, height: 900 });
  await phone.screenshot({ path: "/tmp/editor-table-1280.png", fullPage: true });
  await phone.close();
});

test("the save bar with its status stays in view at the bottom of a long article", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await newDraft(page, `长文章 ${Date.now()}`, async () => {
    for (let i = 1; i <= 40; i++) {
      await page.keyboard.insertText(`第${i}段：为进一步优化税收营商环境，切实减轻纳税人办税负担，现将有关事项通知如下。`);
      await page.keyboard.press("Enter");
    }
  });
  const bar = page.getByRole("group", { name: "保存与审核" });
  await page.keyboard.press("End");
  await page.locator("#bodyHtml p").last().click();
  await page.keyboard.type("补充最后一段。");
  await page.mouse.wheel(0, 20000);
  await expect.poll(() => page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2)).toBe(true);
  await expect(bar.getByText("有未保存的修改")).toBeInViewport();
  await bar.getByRole("button", { name: "保存", exact: true }).click();
  const saved = bar.getByRole("status");
  await expect(saved).toContainText(/已保存（第2版） · \d{2}:\d{2}:\d{2}/);
  await expect(saved).toBeInViewport();
  await expect(bar.getByText("草稿", { exact: true })).toBeInViewport();
  await page.screenshot({ path: "/tmp/editor-savebar-1280.png" });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(saved).toBeInViewport();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.mouse.wheel(0, 3000);
  await expect(saved).toBeInViewport();
  // The bar's button row scrolls inside the bar; it never widens the form past the phone's width.
  expect(await page.locator("#bodyHtml").evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/editor-savebar-390.png" });
});

test("leaving with unsaved changes asks first; an idle draft saves itself as a revision marked 自动保存", async ({ page }) => {
  // Waits out a real idle period and visits five pages: on a loaded CI machine that can pass 30 s.
  test.setTimeout(60_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  const id = await newDraft(page, `自动保存测试 ${Date.now()}`, () => page.keyboard.type("第一版正文。"));
  const bar = page.getByRole("group", { name: "保存与审核" });
  await page.getByLabel("标题（必填）").fill("自动保存测试 改过的标题");

  // In-app navigation (the sidebar) asks; staying keeps what was typed.
  const asked = page.waitForEvent("dialog");
  void page.getByRole("navigation", { name: "管理菜单" }).getByRole("link", { name: "文章管理", exact: true }).click();
  const dialog = await asked;
  expect(dialog.type()).toBe("confirm");
  expect(dialog.message()).toContain("未保存的修改");
  await dialog.dismiss();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}$`));
  await expect(page.getByLabel("标题（必填）")).toHaveValue("自动保存测试 改过的标题");

  // Idle: the draft saves itself (AUTOSAVE_IDLE_MS, 4 s in the e2e server) and the warning goes away.
  await expect(bar.getByRole("status")).toContainText("已自动保存（第2版）", { timeout: 15_000 });
  await expect(bar.getByText("有未保存的修改")).toHaveCount(0);
  await page.getByRole("navigation", { name: "管理菜单" }).getByRole("link", { name: "文章管理", exact: true }).click(); // no question now
  await expect(page).toHaveURL(/\/admin\/articles$/);
  await page.goto(`/admin/articles/${id}/revisions`);
  await expect(page.getByRole("cell", { name: "自动保存", exact: true })).toHaveCount(1);
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByLabel("标题（必填）")).toHaveValue("自动保存测试 改过的标题");
  // Nothing was published by the autosave.
  expect((await page.request.get(`/news/${id}`)).status()).toBe(404);

  // Reload / closing the tab asks through beforeunload.
  await page.getByLabel("标题（必填）").fill("自动保存测试 第三次修改");
  const before = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const unload = await before;
  expect(unload.type()).toBe("beforeunload");
  await unload.dismiss();
  // Staying keeps the page; close it here (no second question) rather than leave a page with a pending
  // beforeunload handler to the fixture's teardown.
  await expect(page.getByLabel("标题（必填）")).toHaveValue("自动保存测试 第三次修改");
  await page.close({ runBeforeUnload: false });
});

async function createEditor(admin: Page, email: string, password: string) {
  await admin.goto("/admin/users");
  const form = admin.locator("form", { has: admin.getByRole("button", { name: /创建|新建用户/ }) }).first();
  await form.getByLabel("邮箱").fill(email);
  await form.getByLabel("姓名").fill("预览编辑");
  await form.getByLabel("角色").selectOption({ label: "编辑" });
  await form.getByLabel(/初始密码|密码/).fill(password);
  await form.getByRole("button", { name: /创建|新建用户/ }).click();
  await expect(admin.getByRole("cell", { name: email })).toBeVisible();
}

/** What the page is built of: header, navigation, the article's parts, footer, font switch. */
const layoutShape = (page: Page) =>
  page.evaluate(() => ({
    header: document.querySelector("header")?.className ?? null,
    nav: Array.from(document.querySelectorAll("nav[aria-label]"), (n) => n.getAttribute("aria-label")),
    article: Array.from(document.querySelectorAll("main article > *, main .article-paper > *"), (e) => e.tagName + "." + e.className),
    footer: document.querySelector("footer")?.className ?? null,
    fontSwitch: document.querySelectorAll(".font-switch button").length,
  }));

test("预览 shows a draft exactly as the public page, marked, uncached, uncounted, noindex; only for those who may read it", async ({ page, browser }) => {
  const stamp = Date.now();
  const author = { email: `preview-a-${stamp}@e2e.test`, password: "preview-password-a" };
  const other = { email: `preview-b-${stamp}@e2e.test`, password: "preview-password-b" };
  await signIn(page, ADMIN.email, ADMIN.password);
  await createEditor(page, author.email, author.password);
  await createEditor(page, other.email, other.password);

  const editor = await newSignedInPage(browser, author.email, author.password);
  const secret = `预览正文${stamp}`;
  const id = await newDraft(editor, `预览测试 ${stamp}`, () => editor.keyboard.type(`${secret}，尚未发布。`));
  const views: string[] = [];
  editor.on("request", (r) => {
    if (r.url().includes("/api/views")) views.push(r.url());
  });
  const popup = editor.waitForEvent("popup");
  await editor.getByRole("link", { name: "预览", exact: true }).click();
  const preview = await popup;
  views.length = 0;
  preview.on("request", (r) => {
    if (r.url().includes("/api/views")) views.push(r.url());
  });
  const res = await preview.reload();
  expect(res!.status()).toBe(200);
  expect(res!.headers()["cache-control"]).toContain("no-store");
  expect(res!.headers()["x-nextjs-cache"]).toBeUndefined();
  await expect(preview.getByRole("note")).toContainText("预览");
  await expect(preview.locator(".article-body")).toContainText(secret);
  await expect(preview.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  // The same page parts as a published article of the site.
  const visitor = await browser.newPage();
  await visitor.goto("/news");
  const published = await visitor.evaluate(() => Array.from(document.querySelectorAll("a"), (a) => a.getAttribute("href") ?? "").find((h) => /^\/news\/\d+$/.test(h)));
  await visitor.goto(published!);
  await expect(visitor.locator(".article-body")).toBeVisible();
  expect(await layoutShape(preview)).toEqual(await layoutShape(visitor));
  await preview.screenshot({ path: "/tmp/editor-preview-1280.png", fullPage: true });
  await preview.setViewportSize({ width: 390, height: 844 });
  await preview.screenshot({ path: "/tmp/editor-preview-390.png" });
  await preview.waitForTimeout(1000);
  expect(views).toEqual([]); // never counted

  // Visitors still get nothing; nor do other editors, nor anonymous readers of the preview URL.
  expect((await visitor.request.get(`/news/${id}`)).status()).toBe(404);
  await visitor.goto(`/preview/articles/${id}`);
  await expect(visitor).toHaveURL(/\/login/);
  const stranger = await newSignedInPage(browser, other.email, other.password);
  await stranger.goto(`/preview/articles/${id}`);
  await expect(stranger).toHaveURL(/\/admin\/forbidden/);
  expect(await stranger.content()).not.toContain(secret);
});

test("the main navigation marks the current channel", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "栏目导航" });
  await page.goto("/news");
  await expect(nav.getByRole("link", { name: "工作动态" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "首页" })).not.toHaveAttribute("aria-current", /.+/);
  const bg = await nav.getByRole("link", { name: "工作动态" }).evaluate((el) => getComputedStyle(el).boxShadow);
  expect(bg).not.toBe("none");
  const article = await page.evaluate(() => Array.from(document.querySelectorAll("main a"), (a) => a.getAttribute("href") ?? "").find((h) => /^\/news\/\d+$/.test(h)));
  await page.goto(article!);
  await expect(nav.getByRole("link", { name: "工作动态" })).toHaveAttribute("aria-current", "location");
  await page.goto("/");
  await expect(nav.getByRole("link", { name: "首页" })).toHaveAttribute("aria-current", "page");
});

test("the printed article is headed by the agency name", async ({ page }) => {
  await page.goto("/news");
  const article = await page.evaluate(() => Array.from(document.querySelectorAll("main a"), (a) => a.getAttribute("href") ?? "").find((h) => /^\/news\/\d+$/.test(h)));
  await page.goto(article!);
  await expect(page.locator(".print-agency")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  const agency = page.locator(".print-agency");
  await expect(agency).toBeVisible();
  await expect(agency).toHaveText("安庆市地方税务局");
  const y = (l: ReturnType<Page["locator"]>) => l.evaluate((el) => el.getBoundingClientRect().top);
  expect(await y(agency)).toBeLessThan(await y(page.getByRole("heading", { level: 1 })));
});

test("admin lists: article rows keep dates and authors on one line and carry row actions; 用户管理 says 修改", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/articles");
  const row = page.getByRole("row").nth(1);
  for (const name of ["编辑", "预览", "历史"]) await expect(row.getByRole("link", { name, exact: false }).first()).toBeVisible();
  const cells = row.getByRole("cell");
  for (const i of [3, 4, 5]) expect(await cells.nth(i).evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");
  await page.goto("/admin/users");
  await expect(page.getByRole("link", { name: /^修改“.+”的账号$/ }).first()).toHaveText("修改");
});
