import { execFile } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./admin-helpers";

// 网站健康检查 against the real pages: the demo passes, the seed page's
// footer defacement written straight into the database fails it — on the
// command line and on the health page.

const port = process.env.E2E_PORT || "3100";
const dataDir = `data/e2e${port === "3100" ? "" : `-${port}`}`;
const OWNER = "安庆市地方税务局";
const env = {
  ...process.env,
  DATABASE_URL: `file:./${dataDir}/portal.db`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "e2e-only-secret-not-for-production",
};

function checkSite(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "scripts/check-site.ts", "--url", `http://localhost:${port}`, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

/** What an intruder with database access (and nothing else) does. */
function writeOwner(owner: string): void {
  const conn = new Database(`${dataDir}/portal.db`);
  try {
    conn.prepare("UPDATE SiteSettings SET owner = ? WHERE id = 1").run(owner);
  } finally {
    conn.close();
  }
}

async function runFromHealthPage(page: Page): Promise<void> {
  await page.goto("/admin/inspection");
  // A scheduled run may be going on (the server starts one on its first tick): wait for it.
  await expect.poll(async () => (await (await page.request.get("/api/admin/inspection")).json()).run, { timeout: 90_000, intervals: [1000] }).toBeNull();
  await page.reload();
  await page.getByRole("button", { name: "立即全面检查" }).click();
  await expect(page.getByRole("button", { name: "正在检查…" })).toBeVisible();
  await expect(page.getByRole("button", { name: "立即全面检查" })).toBeVisible({ timeout: 90_000 });
}

const row = (page: Page, key: string) => page.locator(`tr[data-item="${key}"]`);

test.describe.configure({ mode: "serial" });

test("npm run check:site on the demo prints every item 合格 and exits 0; the health page shows it", async ({ page }) => {
  test.setTimeout(180_000);
  const { code, out } = await checkSite();
  // On a fresh demo every item is 合格 (`npx playwright test tests/e2e/inspection.spec.ts`). In the whole
  // suite earlier files publish their own articles (cms.spec.ts: a notice without 来源); a 预警 may only
  // name those, never a demo article (ids 1–46 on the fresh database).
  expect(out, out).not.toContain("[不合格]");
  expect(out.match(/^\[(合格|预警)\] /gm), out).toHaveLength(10);
  for (const id of out.matchAll(/修改：\/admin\/articles\/(\d+)/g)) expect(Number(id[1]), out).toBeGreaterThan(46);
  expect(out, out).not.toMatch(/^\[预警\] (?!发布日期与来源)/m);
  expect(out).toMatch(/结论：(全部合格|无单项否决问题，有预警项)/);
  expect(code).toBe(0);

  await signIn(page, ADMIN.email, ADMIN.password);
  await runFromHealthPage(page);
  await expect(page.locator(".insp-verdict .insp-status")).not.toHaveText("不合格");
  for (const key of ["reachable", "homeFresh", "sectionFresh", "emptySections", "deadLinks", "imageAlt", "feedback", "tamper", "words"]) {
    await expect(row(page, key).locator(".insp-status")).toHaveText("合格");
  }
  await page.screenshot({ path: "screenshots/inspection-pass.png", fullPage: true });
  await page.goto("/admin");
  await expect(page.getByTestId("inspection-badge")).toHaveCount(0);
});

test("the footer defacement written into the database is caught before and after the cached page changes", async ({ page }) => {
  test.setTimeout(300_000);
  try {
    for (const owner of ["365 赛 事 投 注", "３６５赛事投注", "賽事投注", "365赛事投注"]) {
      writeOwner(owner);
      const { code, out } = await checkSite("--quick");
      expect(code, out).toBe(1);
      expect(out).toContain("[不合格] 防篡改（单项否决）");
      expect(out).toContain(`网站设置（页脚）的数据库内容与发布时不一致（页脚（版权所有、备案号、联系方式））：未经本系统发布被改写；现为“版权所有：${owner.replace(/\s/g, "")}`);
      expect(out).toContain("[不合格] 违规内容与错误表述（单项否决）");
      expect(out).toMatch(/网站设置（页脚）含博彩\/赌博词“(365)?赛事投注”/);
      expect(out).toContain("结论：不合格。单项否决项不合格：违规内容与错误表述、防篡改");
    }
    // The cached pages still show the signed footer: visitors have not seen it yet.
    expect(await (await page.request.get("/")).text()).not.toContain("365赛事投注");

    await signIn(page, ADMIN.email, ADMIN.password);
    await runFromHealthPage(page);
    await expect(page.locator(".insp-verdict .insp-status")).toHaveText("不合格");
    await expect(row(page, "tamper").locator(".insp-status")).toHaveText("不合格");
    await expect(row(page, "tamper")).toContainText("现为“版权所有：365赛事投注");
    await expect(row(page, "words").locator(".insp-status")).toHaveText("不合格");
    await expect(row(page, "tamper").getByRole("link", { name: "去修改" }).first()).toHaveAttribute("href", "/admin/settings");
    await page.screenshot({ path: "screenshots/inspection-fail.png", fullPage: true });
    await page.goto("/admin");
    await expect(page.getByTestId("inspection-badge")).toContainText("项不合格");

    // After: an editor's unrelated change regenerates every page (a section save re-renders the layout) and the footer shows it.
    await page.goto("/admin/sections");
    await page.getByRole("link", { name: "编辑“工作动态”" }).click();
    await page.getByRole("button", { name: "保存栏目" }).click();
    await expect(page.getByRole("status")).toContainText("栏目已保存");
    await expect.poll(async () => (await (await page.request.get("/")).text()).includes("版权所有：365赛事投注"), { timeout: 20_000 }).toBe(true);
    const after = await checkSite("--quick");
    expect(after.code).toBe(1);
    expect(after.out).toMatch(/\d+ 个页面的页脚与发布时不一致，现为“版权所有：365赛事投注/);
    expect(after.out).toContain("（访客看到的页面）");
  } finally {
    writeOwner(OWNER);
  }
  // Repaired through the CMS: saved (and so signed) again, the site passes.
  await page.goto("/admin/settings");
  await page.getByLabel("版权所有").fill(OWNER);
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "网站设置已保存" })).toBeVisible();
  const repaired = await checkSite("--quick");
  expect(repaired.out).toContain("[合格] 防篡改");
  expect(repaired.code).toBe(0);
});

test("the monthly 自查报告 lists this month's runs per item, ready to print", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/inspection");
  await page.getByRole("link", { name: "本月自查报告" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("网站自查报告");
  await expect(page.getByRole("cell", { name: "防篡改（单项否决）" })).toBeVisible();
  await expect(page.locator("main, body").first()).toContainText("现为“版权所有：365赛事投注");
  await expect(page.getByRole("button", { name: "打印报告" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "screenshots/inspection-report-print.png", fullPage: true });
});
