import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./admin-helpers";
import { shot } from "./helpers";

// 政府信息公开: an editor fills the fields of a policy document, publishes it, and a
// visitor sees the header table, finds it by its 文号 and in the section's catalogue.


async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

async function noSidewaysScroll(page: Page) {
  const w = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(w.page).toBeLessThanOrEqual(w.view);
}

/** The header table's value for a row label (th scope=row → the next cell). */
const cellOf = (page: Page, label: string) =>
  page.locator(".disclosure-table th", { hasText: new RegExp(`^${label.split("").join("\\s*")}$`) }).locator("xpath=following-sibling::td[1]");

test("an editor publishes a 信息公开 document: header table, found by 文号, listed in the catalogue, 废止 marked, readable at 390 px", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  const stamp = Date.now() % 100000;
  const title = `关于进一步规范税收票证管理的通知 ${stamp}`;
  const docNumber = `安地税发〔2026〕${stamp}号`;

  await page.goto("/admin/articles/new");
  await page.getByLabel("标题（必填）").fill(title);
  await expect(page.getByRole("group", { name: "政府信息公开" })).toHaveCount(0);
  await page.getByLabel("栏目（必填）").selectOption({ label: "政策法规" });
  const fieldset = page.getByRole("group", { name: "政府信息公开" });
  await expect(fieldset).toBeVisible();
  await expect(fieldset).toContainText("首次发布时按网站设置中的规则自动生成");
  await page.getByLabel("发文机关（必填）").fill("安庆市地方税务局");
  await page.getByLabel("文号", { exact: true }).fill(`安地税发【2026】${stamp}号`);
  await page.getByLabel("成文日期").fill("2026-03-02");
  await expect(page.getByLabel("文号", { exact: true })).toHaveValue(docNumber); // brackets normalised on leaving the field
  await page.getByLabel("主题分类（必填）").selectOption("税务");
  await page.locator("#bodyHtml").click();
  await page.keyboard.type("为加强税收票证管理，现将有关事项通知如下。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  const id = Number(/\/admin\/articles\/(\d+)$/.exec(page.url())![1]);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  await expect(page.getByRole("group", { name: "政府信息公开" })).toContainText(/索引号：3408000031\/\d{4}-\d{5}/);

  // The public page: the standard table above the title and text.
  await page.goto(`/policies/${id}`);
  const table = page.locator("table.disclosure-table");
  await expect(table).toBeVisible();
  for (const label of ["索引号", "主题分类", "发文机关", "成文日期", "标题", "文号", "发布日期", "有效性"]) await expect(cellOf(page, label)).toHaveCount(1);
  await expect(cellOf(page, "索引号")).toHaveText(/^3408000031\/\d{4}-\d{5}$/);
  await expect(cellOf(page, "文号")).toHaveText(docNumber);
  await expect(cellOf(page, "发文机关")).toHaveText("安庆市地方税务局");
  await expect(cellOf(page, "成文日期")).toHaveText("2026-03-02");
  await expect(cellOf(page, "主题分类")).toHaveText("税务");
  await expect(cellOf(page, "有效性")).toHaveText("有效");
  const indexNumber = (await cellOf(page, "索引号").textContent())!;
  expect(await table.evaluate((t) => t.compareDocumentPosition(document.querySelector(".article-body")!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.locator('meta[name="ContentSource"]')).toHaveAttribute("content", "安庆市地方税务局");

  // Found by its 文号, typed with other brackets too, and through the 文号 / 发文机关 filters.
  for (const q of [docNumber, `安地税发[2026]${stamp}号`]) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(page.locator(".search-hits li").first().getByRole("link", { name: title })).toBeVisible();
  }
  await page.goto("/search");
  const form = page.getByRole("search", { name: "搜索本站" });
  await form.getByLabel("文号").fill(`${stamp}号`);
  await form.getByLabel("发文机关").selectOption("安庆市地方税务局");
  await form.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page.locator(".search-summary")).toContainText("找到 1 条");
  await expect(page.locator(".search-hits").getByRole("link", { name: title })).toBeVisible();

  // The section page lists documents in the catalogue table.
  await page.goto("/policies");
  const catalogue = page.locator("table.disclosure-list");
  for (const h of ["索引号", "标题", "文号", "成文日期"]) await expect(catalogue.getByRole("columnheader", { name: h })).toBeVisible();
  const row = catalogue.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText(indexNumber);
  await expect(row).toContainText(docNumber);
  await expect(row).toContainText("2026-03-02");
  expect(await seriousViolations(page)).toEqual([]);

  // 废止 needs its date, then is marked on the page.
  await page.goto(`/admin/articles/${id}`);
  await page.getByLabel("有效性").selectOption("废止");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.locator("#disclosure\\.repealedOn-error")).toHaveText("废止的文件请填写废止日期");
  await page.getByLabel("废止日期（必填）").fill("2026-06-30");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "发布修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  await page.goto(`/policies/${id}`);
  await expect(cellOf(page, "有效性")).toContainText("废止");
  await expect(cellOf(page, "有效性")).toContainText("2026-06-30");
  await expect(page.getByRole("note")).toContainText("本文件已废止（2026-06-30起）");
  await expect(cellOf(page, "索引号")).toHaveText(indexNumber); // never changes
  await shot(page, "disclosure-article-1280");

  // A phone: nothing scrolls sideways, the table reads as label/value pairs.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } }); // axe needs a context of its own
  const phone = await phoneContext.newPage();
  await phone.goto(`/policies/${id}`);
  await expect(phone.locator("table.disclosure-table")).toBeVisible();
  await noSidewaysScroll(phone);
  const box = await phone.locator("table.disclosure-table").boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await seriousViolations(phone)).toEqual([]);
  await shot(phone, "disclosure-article-390");
  await phone.goto("/policies");
  await expect(phone.locator("table.disclosure-list")).toBeVisible();
  await noSidewaysScroll(phone);
  await shot(phone, "disclosure-list-390");
  await phoneContext.close();
  if (process.env.SCREENSHOTS) {
    await page.goto("/policies");
    await shot(page, "disclosure-list-1280");
  }
});
