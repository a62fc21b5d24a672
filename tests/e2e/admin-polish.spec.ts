import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./admin-helpers";

// Issue 14's small defects that are about reading, not workflow: who a phone
// number belongs to, a login button, and an audit log a Chinese office can read.

test("the footer keeps the bureau's 联系电话 with its address, apart from the 技术支持 vendor line", async ({ page }) => {
  await page.goto("/");
  const identity = page.locator(".footer-identity");
  const phoneLine = identity.locator("p").filter({ hasText: "联系电话：" });
  await expect(phoneLine).toHaveCount(1);
  await expect(phoneLine).toContainText("地址：");
  await expect(phoneLine).not.toContainText("技术支持");
  const vendorLine = identity.locator("p.footer-vendor");
  await expect(vendorLine).toContainText("技术支持：");
  await expect(vendorLine).not.toContainText("联系电话");
  // The vendor line is the last line of the footer, below the 公安备案 number.
  const lines = await identity.locator("p").allTextContents();
  expect(lines.at(-1)).toContain("技术支持");
});

test("the 登录 button's text sits in the middle of the button", async ({ page }) => {
  await page.goto("/login");
  const offset = await page.getByRole("button", { name: "登录" }).evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    const text = range.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    return { x: text.left + text.width / 2 - (box.left + box.width / 2), y: text.top + text.height / 2 - (box.top + box.height / 2) };
  });
  expect(Math.abs(offset.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(offset.y)).toBeLessThanOrEqual(2);
});

test("the audit log reads in Chinese: field names as labels, Beijing times, a 留言 filter", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/settings");
  const phone = page.getByLabel("联系电话");
  const before = await phone.inputValue();
  await phone.fill("0556-1234567");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "网站设置已保存" })).toBeVisible();
  await phone.fill(before);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "网站设置已保存" })).toBeVisible();

  await page.goto("/admin/audit?targetType=settings");
  const rows = page.locator(".adm-audit-table tbody tr");
  await expect(rows.first()).toContainText("联系电话");
  const text = (await rows.allTextContents()).join("\n");
  // No raw field names or English phrases from the code.
  expect(text).not.toMatch(/\b(phone|siteName|owner|icpNumber|rate limited|suggestion #)\b/);
  for (const time of await page.locator(".adm-audit-table tbody time").allTextContents()) {
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(time).not.toMatch(/[TZ]/);
  }
  await expect(page.getByText("（时间为北京时间）")).toBeVisible();

  // The 对象 filter offers 留言 and keeps to it.
  await page.goto("/admin/audit");
  await page.getByLabel("对象").selectOption({ label: "留言" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/targetType=suggestion/);
  const targets = await page.locator(".adm-audit-table tbody tr td:nth-child(4)").allTextContents();
  expect(targets.every((t) => t.startsWith("留言"))).toBe(true);
});
