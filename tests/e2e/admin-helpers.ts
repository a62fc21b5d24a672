import { expect, type Browser, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin/);
}

export async function newSignedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** The required 政府信息公开 fields of an article in a 信息公开 section (通知公告, 政策法规). */
export async function fillDisclosure(page: Page): Promise<void> {
  await page.getByLabel("发文机关（必填）").fill("安庆市地方税务局");
  await page.getByLabel("主题分类（必填）").selectOption("税务");
}

/** Creates a user through 用户管理 as the signed-in admin. */
export async function createUser(page: Page, u: { email: string; name: string; password: string }, roleLabel: string) {
  await page.goto("/admin/users");
  const form = page.locator("form", { has: page.getByRole("button", { name: /创建|新建用户/ }) }).first();
  await form.getByLabel("邮箱").fill(u.email);
  await form.getByLabel("姓名").fill(u.name);
  await form.getByLabel("角色").selectOption({ label: roleLabel });
  await form.getByLabel(/初始密码|密码/).fill(u.password);
  await form.getByRole("button", { name: /创建|新建用户/ }).click();
  await expect(page.getByRole("cell", { name: u.email })).toBeVisible();
}
