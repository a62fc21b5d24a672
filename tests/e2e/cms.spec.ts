import { expect, test } from "@playwright/test";
import { ADMIN, createUser, fillDisclosure, newSignedInPage, signIn } from "./admin-helpers";
import { shot } from "./helpers";

const EDITOR = { email: "editor@e2e.test", name: "王编辑", password: "editor-password-1" };
const REVIEWER = { email: "reviewer@e2e.test", name: "李审核", password: "reviewer-password-1" };


test.describe.configure({ mode: "serial" });

test("anonymous visitors of the admin are sent to sign in", async ({ page }) => {
  for (const url of ["/admin", "/admin/articles", "/admin/users", "/admin/settings"]) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/login/);
  }
  const res = await page.request.post("/api/admin/media", { multipart: { kind: "image" } });
  expect(res.status()).toBe(401);
});

test("admin creates an editor and a reviewer", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await createUser(page, EDITOR, "编辑");
  await createUser(page, REVIEWER, "审核员");
});

test("editor writes with a photo and submits; reviewer publishes; public pages are fresh at once; unpublish → 404", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `市地税局召开2017年度纳税服务工作会议${Date.now() % 100000}`;
  const editor = await newSignedInPage(browser, EDITOR.email, EDITOR.password);

  // An editor may not open admin-only pages.
  await editor.goto("/admin/users");
  await expect(editor).toHaveURL(/\/admin\/forbidden/);

  await editor.goto("/admin/articles/new");
  await editor.getByLabel("标题（必填）").fill(title);
  await editor.getByLabel("栏目（必填）").selectOption({ label: "工作动态" });
  await editor.getByLabel("来源").fill("办公室");
  const body = editor.locator("#bodyHtml");
  await body.click();
  await editor.keyboard.type("11月28日，市地税局召开“纳税服务提升年”工作会议，总结2017年11月14日以来的工作。");

  // Insert a photo with required alt text and a caption.
  await editor.getByRole("button", { name: /插入图片|图片/ }).first().click();
  const dialog = editor.getByRole("dialog");
  await dialog.locator('input[type="file"]').setInputFiles("tests/e2e/fixtures/photo.jpg");
  await dialog.getByLabel(/替代文字/).fill("会议现场");
  await dialog.getByLabel(/图片说明/).fill("会议现场 张明 摄");
  await dialog.getByRole("button", { name: /插入|确定/ }).click();
  await expect(body.locator("figure img")).toHaveAttribute("alt", "会议现场");
  await shot(editor, "admin-editor");

  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  const id = Number(editor.url().split("/").pop());
  await editor.getByRole("button", { name: "提交审核" }).click();
  await editor.getByRole("dialog", { name: "提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已提交审核" })).toBeVisible();
  // Not public yet.
  expect((await editor.request.get(`/news/${id}`)).status()).toBe(404);

  const reviewer = await newSignedInPage(browser, REVIEWER.email, REVIEWER.password);
  await reviewer.goto("/admin/articles?status=review");
  await expect(reviewer.getByRole("link", { name: title, exact: true })).toBeVisible();
  await shot(reviewer, "admin-list");
  await reviewer.getByRole("link", { name: title, exact: true }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/admin/articles/${id}$`));
  await expect(reviewer.getByRole("button", { name: "立即发布" })).toBeVisible();
  await shot(reviewer, "admin-review");

  // Warm the caches: home page cached before publishing (HIT).
  await reviewer.request.get("/");
  expect((await reviewer.request.get("/")).headers()["x-nextjs-cache"]).toBe("HIT");

  reviewer.once("dialog", (d) => d.accept());
  await reviewer.getByRole("button", { name: "立即发布" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  const publishedAt = Date.now();

  const article = await reviewer.request.get(`/news/${id}`);
  const home = await reviewer.request.get("/");
  const freshWithin = Date.now() - publishedAt;
  expect(article.status()).toBe(200);
  expect(article.headers()["x-nextjs-cache"]).toBe("MISS");
  expect(await article.text()).toContain(title);
  expect(home.headers()["x-nextjs-cache"]).toBe("MISS");
  expect(await home.text()).toContain(title);
  expect(freshWithin).toBeLessThan(1000);
  expect((await reviewer.request.get(`/news/${id}`)).headers()["x-nextjs-cache"]).toBe("HIT");
  expect((await reviewer.request.get("/news")).status()).toBe(200);
  expect(await (await reviewer.request.get("/news")).text()).toContain(title);

  // The visitor sees the photo with its alt text and caption.
  const visitor = await browser.newPage();
  await visitor.goto(`/news/${id}`);
  await expect(visitor.locator(".article-body figure img")).toHaveAttribute("alt", "会议现场");
  await expect(visitor.locator(".article-body figcaption")).toContainText("会议现场 张明 摄");
  expect(await visitor.locator(".article-body figure img").evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  await expect(visitor.locator(".article-body")).toContainText("“纳税服务提升年”");

  // Unpublish with a reason: the public URL is gone at once.
  await reviewer.getByRole("button", { name: "撤稿" }).click();
  const unpublish = reviewer.getByRole("dialog", { name: "撤稿" });
  await unpublish.getByLabel(/撤稿原因/).fill("内容需要进一步核实");
  await unpublish.getByRole("button", { name: "确定撤稿" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已撤稿" })).toBeVisible();
  expect((await reviewer.request.get(`/news/${id}`)).status()).toBe(404);
  expect(await (await reviewer.request.get("/")).text()).not.toContain(title);
});

test("a revision can be compared and restored", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/articles/new");
  await page.getByLabel("标题（必填）").fill("版本测试：第一版标题");
  await page.getByLabel("栏目（必填）").selectOption({ label: "通知公告" });
  await fillDisclosure(page);
  await page.locator("#bodyHtml").click();
  await page.keyboard.type("第一版正文。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  const id = page.url().split("/").pop();
  await page.getByLabel("标题（必填）").fill("版本测试：第二版标题");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "第2版" })).toBeVisible();

  await page.goto(`/admin/articles/${id}/revisions`);
  await expect(page.getByText("第一版标题").first()).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: /恢复/ }).last().click();
  await expect(page.getByRole("status").filter({ hasText: "已恢复" })).toBeVisible();
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByLabel("标题（必填）")).toHaveValue("版本测试：第一版标题");
});

test("validation errors are shown in Chinese next to the field and keep what was typed", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/articles/new");
  await page.getByLabel("来源").fill("安庆新闻网");
  await page.locator("#bodyHtml").click();
  await page.keyboard.type("只有正文，没有标题。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("#title-error")).toHaveText("请填写标题");
  await expect(page.getByLabel("标题（必填）")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#sectionId-error")).toHaveText("请选择栏目");
  await expect(page.getByLabel("来源")).toHaveValue("安庆新闻网");
  await expect(page.locator("#bodyHtml")).toContainText("只有正文，没有标题。");
});

test("every admin screen renders for the admin without errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await signIn(page, ADMIN.email, ADMIN.password);
  const screens: [string, string][] = [
    ["/admin", "dashboard"],
    ["/admin/articles", "articles"],
    ["/admin/sections", "sections"],
    ["/admin/pages", "pages"],
    ["/admin/pages/new", "page-new"],
    ["/admin/settings", "settings"],
    ["/admin/users", "users"],
    ["/admin/audit", "audit"],
  ];
  for (const [url, name] of screens) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await shot(page, `admin-${name}`);
  }
  // The revision history of a seeded article.
  await page.goto("/admin/articles");
  await page.locator(".adm-table a").first().click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  await page.getByRole("link", { name: "历史版本", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await shot(page, "admin-revisions");
  expect(errors).toEqual([]);
});

const beijingInput = (ms: number) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19);

test("a scheduled article goes live by itself, with its attachment listed", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/articles/new");
  await page.getByLabel("标题（必填）").fill("关于2018年度个人所得税申报的通知");
  await page.getByLabel("栏目（必填）").selectOption({ label: "通知公告" });
  await fillDisclosure(page);
  await page.locator("#bodyHtml").click();
  await page.keyboard.type("请纳税人于2018年3月31日前办理申报，详见附件。");
  await page.locator("#attachment-file").setInputFiles("tests/e2e/fixtures/notice.pdf");
  await expect(page.getByLabel("附件标题")).toHaveValue("notice");
  await page.getByLabel("附件标题").fill("申报须知");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  const id = page.url().split("/").pop();
  expect((await page.request.get(`/notices/${id}`)).status()).toBe(404);

  await page.getByRole("button", { name: "定时发布…" }).click();
  const schedule = page.getByRole("dialog", { name: "定时发布" });
  await schedule.getByLabel(/发布时间/).fill(beijingInput(Date.now() + 6000));
  await schedule.getByRole("button", { name: "设置定时发布" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已设置定时发布" })).toBeVisible();
  // No cron: the server's own ticker publishes it and regenerates its pages.
  await expect.poll(async () => (await page.request.get(`/notices/${id}`)).status(), { timeout: 30_000, intervals: [1000] }).toBe(200);

  const visitor = await page.context().browser()!.newPage();
  await visitor.goto(`/notices/${id}`);
  const attachment = visitor.locator(".attachments li");
  await expect(attachment).toContainText("申报须知");
  await expect(attachment).toContainText("PDF");
  const href = await attachment.locator("a").getAttribute("href");
  const file = await visitor.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  await expect(visitor.getByRole("navigation", { name: "上一篇和下一篇" })).toBeVisible();
  expect(await (await visitor.request.get("/notices")).text()).toContain("关于2018年度个人所得税申报的通知");
});

test("site settings and section changes reach every public page at once; old section URLs redirect", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  expect((await page.request.get("/")).status()).toBe(200);
  // Cached first (the previous test's publish schedules a second invalidation 3 s later, so allow for it).
  await expect.poll(async () => (await page.request.get("/")).headers()["x-nextjs-cache"], { timeout: 15_000 }).toBe("HIT");

  await page.goto("/admin/settings");
  await page.getByLabel("联系电话").fill("0556-5555555");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "网站设置已保存" })).toBeVisible();
  const home = await page.request.get("/");
  expect(await home.text()).toContain("联系电话：0556-5555555");

  await page.goto("/admin/sections");
  await page.getByRole("link", { name: "编辑“纳税服务”" }).click();
  await expect(page).toHaveURL(/\/admin\/sections\/\d+$/);
  await page.getByLabel("网址标识").fill("taxpayer-service");
  await page.getByRole("button", { name: "保存栏目" }).click();
  await expect(page.getByRole("status")).toContainText("栏目已保存");

  const visitor = await page.context().browser()!.newPage();
  await visitor.goto("/service");
  await expect(visitor).toHaveURL(/\/taxpayer-service$/);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("纳税服务");
  await expect(visitor.getByRole("navigation", { name: "栏目导航" }).getByRole("link", { name: "纳税服务" })).toHaveAttribute("href", "/taxpayer-service");
  // An article link under the old section path lands on its new address.
  const first = await visitor.locator(".section-list .item-title").first().getAttribute("href");
  await visitor.goto(first!.replace("/taxpayer-service/", "/service/"));
  await expect(visitor).toHaveURL(new RegExp(`${first}$`));

  // Put both back, through the same screens, for the other test files.
  await page.goto(page.url());
  await page.getByLabel("网址标识").fill("service");
  await page.getByRole("button", { name: "保存栏目" }).click();
  await expect(page.getByRole("status")).toContainText("栏目已保存");
  await page.goto("/admin/settings");
  await page.getByLabel("联系电话").fill("0551-65301251");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "网站设置已保存" })).toBeVisible();
  await visitor.goto("/taxpayer-service");
  await expect(visitor).toHaveURL(/\/service$/);
});

test("the statistics screen shows charts of the recorded views and exports CSV", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/stats?group=week");
  await expect(page.getByRole("heading", { level: 1, name: "访问统计" })).toBeVisible();
  await expect(page.locator(".stats-chart svg .recharts-line").first()).toBeVisible();
  await expect(page.locator(".stats-chart svg .recharts-bar-rectangle").first()).toBeVisible();
  // Every section name on the bar chart's axis is whole (wrapped, full text in <title>) and inside the chart.
  const bars = page.locator(".stats-chart").nth(1);
  const chartBox = (await bars.locator("svg").first().boundingBox())!;
  const ticks = bars.locator("svg text:has(title)");
  expect(await ticks.count()).toBeGreaterThan(5);
  for (const tick of await ticks.all()) {
    const box = (await tick.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(chartBox.x);
    expect((await tick.locator("title").textContent())?.length).toBeGreaterThan(0);
  }
  await expect(page.getByRole("heading", { name: "热门文章" })).toBeVisible();
  await shot(page, "admin-stats");
  const csv = await page.request.get("/api/admin/stats/export?group=month");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("热门文章排名");
});

test("the admin article list finds articles with the site search, body words included", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/articles");
  await page.getByLabel("关键词").fill("东部新城 创城");
  await page.getByLabel("关键词").press("Enter");
  await expect(page).toHaveURL(/q=/);
  const rows = page.locator("table tbody tr");
  await expect(rows.filter({ hasText: "上下一盘棋 共建文明城" })).toHaveCount(1);
  await page.getByLabel("关键词").fill("赛事投注");
  await page.getByLabel("关键词").press("Enter");
  await expect(page).toHaveURL(/%E8%B5%9B/);
  await expect(rows.filter({ hasText: "上下一盘棋" })).toHaveCount(0);
});

// The attacker comes from its own address (X-Forwarded-For, as a proxy would pass it), so the
// block does not spill over to the other spec files signing in from this machine.
test("sign-in is rate limited after 10 failures, per account and per address", async ({ browser, page }) => {
  // The editor's own browser signed in before the attack (and keeps its device cookie, not its session).
  const owner = await newSignedInPage(browser, EDITOR.email, EDITOR.password);
  await owner.context().clearCookies({ name: /session-token/ });
  const attacker = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.50" } })).newPage();
  await attacker.goto("/login");
  for (let i = 0; i < 10; i++) {
    await attacker.getByLabel("邮箱").fill(EDITOR.email);
    await attacker.getByLabel("密码").fill(`wrong-${i}`);
    await attacker.getByRole("button", { name: "登录" }).click();
    await expect(attacker.locator("#login-error")).toHaveText("邮箱或密码错误");
  }
  await attacker.getByLabel("密码").fill(EDITOR.password);
  await attacker.getByRole("button", { name: "登录" }).click();
  await expect(attacker.locator("#login-error")).toHaveText("登录失败次数过多，请15分钟后再试");
  await expect(attacker).toHaveURL(/\/login/);
  // The address is blocked for every account…
  await attacker.getByLabel("邮箱").fill(ADMIN.email);
  await attacker.getByLabel("密码").fill(ADMIN.password);
  await attacker.getByRole("button", { name: "登录" }).click();
  await expect(attacker.locator("#login-error")).toHaveText("登录失败次数过多，请15分钟后再试");
  // …the account is only slowed down for browsers that never signed in to it (seconds, not 15 minutes)…
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(EDITOR.email);
  await page.getByLabel("密码").fill(EDITOR.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#login-error")).toHaveText(/该账号登录失败次数过多，请\d+秒后再试/);
  // …the owner's own browser passes at once, and other addresses can still sign in to other accounts.
  await signIn(owner, EDITOR.email, EDITOR.password);
  await signIn(page, ADMIN.email, ADMIN.password);
});
