import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./admin-helpers";
import { shot, watchErrors } from "./helpers";

// The form refuses submissions faster than FEEDBACK_MIN_FILL_MS (3 s by
// default); the tests wait the real minimum rather than lowering it.
const MIN_FILL_MS = 3000;

/** Each test is its own client (X-Forwarded-For, which the per-IP limits read), so their limits never mix. */
async function visitor(browser: Browser, ip: string, opts: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": ip },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: opts.width ?? 1280, height: 900 },
  });
  return context.newPage();
}

/** The states the accessibility suite does not reach (errors shown, a reply shown): no serious or critical axe findings. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

/** Opens the form and returns the moment it was shown (the signed token's clock starts then). */
async function openForm(page: Page, { js = true } = {}): Promise<number> {
  await page.goto("/feedback");
  const shownAt = Date.now();
  if (js) await expect(page.locator("form.fb-form[data-ready]")).toBeVisible();
  return shownAt;
}

/** A control of the form by its label (the page's aside also mentions 联系方式). */
const field = (page: Page, label: string) => page.locator("form.fb-form").getByLabel(label, { exact: false });

async function fill(page: Page, v: { category?: string; subject: string; content: string; name?: string; contact: string }) {
  if (v.category) await field(page, "留言类别").selectOption({ label: v.category });
  await field(page, "主题").fill(v.subject);
  await field(page, "留言内容").fill(v.content);
  if (v.name !== undefined) await field(page, "姓名").fill(v.name);
  await field(page, "联系方式").fill(v.contact);
}

async function submitAfterMinimum(page: Page, shownAt: number) {
  const wait = shownAt + MIN_FILL_MS + 200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole("button", { name: "提交留言" }).click();
}

test("visitor leaves a message, admin replies in public, visitor reads the reply by its code", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await visitor(browser, "198.51.100.10");
  const errors = watchErrors(page);
  const subject = `建议增加办税指南栏目 ${Date.now() % 100000}`;
  const shownAt = await openForm(page);
  await expect(page.getByRole("heading", { level: 1, name: "网站建议" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "其他联系方式" })).toBeVisible();
  await fill(page, { category: "网站建议", subject, content: "希望网站增加“办税指南”栏目，方便纳税人查询办税流程。", name: "王先生", contact: "0556-5551234" });
  await shot(page, "feedback-form");
  await submitAfterMinimum(page, shownAt);

  await expect(page.getByRole("heading", { name: /留言已提交/ })).toBeFocused();
  const code = await page.locator(".fb-code").getAttribute("data-code");
  expect(code).toMatch(/^[A-Z2-9]{12}$/);
  await expect(page.locator(".fb-code")).toHaveText(code!.replace(/(.{4})(?=.)/g, "$1-"));
  await shot(page, "feedback-success");

  // The link on the success panel shows the status straight away.
  await page.getByRole("link", { name: "查看办理情况" }).click();
  await expect(page).toHaveURL(`/feedback/query?code=${code}`);
  await expect(page.getByRole("heading", { level: 2, name: subject })).toBeVisible();
  await expect(page.locator(".fb-status")).toHaveText("待处理");
  await expect(page.getByText("您的留言正在办理中")).toBeVisible();

  // The admin finds it in the inbox, answers in public.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN.email, ADMIN.password);
  await admin.getByRole("navigation").getByRole("link", { name: "留言管理" }).click();
  await expect(admin).toHaveURL(/\/admin\/feedback/);
  const row = admin.getByRole("row", { name: new RegExp(subject) });
  await expect(row).toContainText("0 个工作日");
  await expect(row).toContainText("待处理");
  await shot(admin, "feedback-admin-inbox");
  await row.getByRole("link", { name: subject }).click();
  await expect(admin.getByText("0556-5551234")).toBeVisible();
  await expect(admin.locator("fieldset[data-hydrated]")).toBeVisible();
  const reply = "感谢您的建议。我局已在“办税服务”栏目下增设办税指南，欢迎查阅。";
  await admin.getByLabel("答复内容").fill(reply);
  await admin.getByLabel("公开答复").check();
  await admin.getByRole("button", { name: "提交答复" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "答复已保存" })).toBeVisible();
  await expect(admin.locator(".fb-adm-badge")).toHaveText("已回复");
  await shot(admin, "feedback-admin-detail");

  // The visitor looks the code up again, typed loosely (lower case, with dashes).
  await page.goto("/feedback/query");
  await page.getByRole("textbox", { name: "查询码" }).fill(code!.toLowerCase().replace(/(.{4})(?=.)/g, "$1-"));
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator(".fb-status")).toHaveText("已回复");
  await expect(page.getByText(reply)).toBeVisible();
  await expect(page.getByText(/答复时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
  await shot(page, "feedback-query");
  await expectAccessible(page);

  // 留言选登 on the form page: the question, the reply and the answering office, never the name or contact.
  await page.goto("/feedback");
  const published = page.locator(".fb-reply-item", { hasText: subject });
  await expect(published).toContainText(reply);
  await expect(published.locator(".fb-reply-question")).toContainText("希望网站增加“办税指南”栏目");
  await expect(published.locator(".fb-reply-body")).toContainText("安庆市地方税务局答复");
  await expect(published).toContainText("网站建议");
  await expect(page.locator(".fb-replies")).not.toContainText("王先生");
  await expect(page.locator(".fb-replies")).not.toContainText("0556-5551234");
  expect(errors).toEqual([]);
});

test("a bad contact is refused next to the field and everything typed is kept, with and without JavaScript", async ({ browser }) => {
  test.setTimeout(60_000);
  const typed = { category: "政策咨询", subject: "个人所得税汇算咨询", content: "请问2017年度个人所得税汇算清缴的截止日期是哪天？", name: "赵女士", contact: "12345" };
  for (const js of [true, false]) {
    const page = await visitor(browser, js ? "198.51.100.20" : "198.51.100.21", { javaScriptEnabled: js, width: 390 });
    const shownAt = await openForm(page, { js });
    await fill(page, typed);
    await submitAfterMinimum(page, shownAt);

    const contact = field(page, "联系方式");
    await expect(page.locator(".fb-alert")).toHaveText("请修改以下内容后再提交：联系方式");
    await expect(page.locator("#fb-contact-error")).toHaveText(/联系方式格式不正确/);
    await expect(contact).toHaveAttribute("aria-invalid", "true");
    await expect(contact).toHaveAttribute("aria-describedby", /fb-contact-error/);
    await expect(contact).toHaveValue("12345");
    await expect(field(page, "主题")).toHaveValue(typed.subject);
    await expect(field(page, "留言内容")).toHaveValue(typed.content);
    await expect(field(page, "姓名")).toHaveValue(typed.name);
    await expect(field(page, "留言类别")).toHaveValue("policy");
    if (js) {
      await expect(contact).toBeFocused();
      await shot(page, "feedback-form-phone-error");
      await expectAccessible(page);
    }

    // Fixing the one field is enough.
    await contact.fill("13905561234");
    await page.getByRole("button", { name: "提交留言" }).click();
    await expect(page.getByRole("heading", { name: /留言已提交/ })).toBeVisible();
    await page.context().close();
  }
});

test("the flood limit refuses the 4th message from one IP in 10 minutes with a Chinese message and keeps the text", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.30" } });
  // Four tabs opened together share one wait for the minimum fill time.
  const pages = await Promise.all([0, 1, 2, 3].map(() => context.newPage()));
  let shownAt = 0;
  for (const p of pages) shownAt = await openForm(p);
  for (const [i, p] of pages.entries()) {
    await fill(p, { subject: `重复留言测试 ${i + 1}`, content: `这是第 ${i + 1} 条留言的内容。`, contact: "flood@example.com" });
    await submitAfterMinimum(p, shownAt);
    if (i < 3) await expect(p.getByRole("heading", { name: /留言已提交/ })).toBeVisible();
  }
  const last = pages[3];
  await expect(last.locator(".fb-alert")).toHaveText(/^提交过于频繁，请 \d+ 分钟后再试$/);
  await expect(field(last, "主题")).toHaveValue("重复留言测试 4");
  await expect(field(last, "留言内容")).toHaveValue("这是第 4 条留言的内容。");
  await expect(field(last, "联系方式")).toHaveValue("flood@example.com");

  // A fresh form at phone width, for the screenshot.
  const other = await visitor(browser, "198.51.100.31", { width: 390 });
  await openForm(other);
  await shot(other, "feedback-form-phone");
  await context.close();
});

test("missing fields are named before 提交过快; 姓名 and 联系方式 line up; a code with letters codes never contain is explained", async ({ browser }) => {
  const page = await visitor(browser, "198.51.100.77");
  await openForm(page);
  const top = (label: string) => field(page, label).evaluate((el) => Math.round(el.getBoundingClientRect().top));
  expect(await top("姓名")).toBe(await top("联系方式"));
  // At once, with the subject and contact missing: the fields, not the fill time.
  await field(page, "留言内容").fill("办税服务厅的排队叫号系统经常出故障，希望尽快修复。");
  await page.getByRole("button", { name: "提交留言" }).click();
  const alert = page.locator(".fb-alert");
  await expect(alert).toContainText("主题");
  await expect(alert).not.toContainText("提交过快");
  expect(await top("姓名")).toBe(await top("联系方式")); // the error under 联系方式 leaves 姓名 where it was

  await page.goto("/feedback/query");
  await page.getByRole("textbox", { name: "查询码" }).fill("ABCD-EFGH-OI23");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("0、1、I、L、O")).toBeVisible();
  await expect(page.getByText("12 位（不计短横线）")).toHaveCount(0);
});
