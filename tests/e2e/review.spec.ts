import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createUser, newSignedInPage, signIn } from "./admin-helpers";
import { seedArticleHref, shot, watchErrors } from "./helpers";

// Issue 14 item 10: review as a record. Dialogs (never the browser's prompt box) for every
// note, comment, reason and time; a read-only review view; every step in the article's history.
const EDITOR = { email: "review-editor@e2e.test", name: "周编辑", password: "review-editor-pass-1" };
const REVIEWER = { email: "review-reviewer@e2e.test", name: "赵审核", password: "review-reviewer-pass-1" };


/** Serious and critical WCAG A/AA findings (as tests/e2e/accessibility.spec.ts counts them). */
async function axeProblems(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("submit with a note → review view (preview, diff, note) → 退回 with a comment → 已退回 on 工作台 and list → resubmit → publish; the history lists every step", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  await createUser(page, EDITOR, "编辑");
  await createUser(page, REVIEWER, "审核员");

  // ---- The editor writes, links through the link dialog, and submits with a note.
  const editor = await newSignedInPage(browser, EDITOR.email, EDITOR.password);
  const errors = watchErrors(editor);
  let prompted = 0;
  editor.on("dialog", (d) => {
    if (d.type() === "prompt") prompted++;
  });
  const title = `审核流程测试：办税服务厅延时服务 ${Date.now()}`;
  await editor.goto("/admin/articles/new");
  await editor.getByLabel("标题（必填）").fill(title);
  await editor.getByLabel("栏目（必填）").selectOption({ label: "工作动态" });
  await editor.locator("#bodyHtml").click();
  await editor.keyboard.type("即日起，市区办税服务厅工作日延时至19:00。详见");

  const linkButton = editor.getByRole("button", { name: "链接" });
  await linkButton.click();
  const link = editor.getByRole("dialog", { name: "插入链接" });
  await expect(link).toBeVisible();
  await expect(link.getByLabel(/链接地址/)).toBeFocused();
  await editor.keyboard.press("Escape"); // Esc closes it; the caret is back in the text
  await expect(link).toHaveCount(0);
  await expect(editor.locator("#bodyHtml")).toBeFocused();
  await linkButton.click();
  await link.getByLabel(/链接地址/).fill("javascript:alert(1)");
  await link.getByRole("button", { name: "确定" }).click();
  await expect(link.getByRole("alert")).toContainText("链接地址无效");
  await expect(link.getByLabel(/链接地址/)).toHaveValue("javascript:alert(1)"); // kept as typed
  await link.getByLabel(/链接地址/).fill("www.chinatax.gov.cn");
  await link.getByLabel(/链接地址/).press("Enter");
  await expect(link).toHaveCount(0);
  await expect(editor.locator("#bodyHtml a[href='https://www.chinatax.gov.cn']")).toHaveText("https://www.chinatax.gov.cn");

  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  const id = Number(/\/admin\/articles\/(\d+)$/.exec(editor.url())![1]);
  await editor.getByRole("button", { name: "提交审核" }).click();
  const submit = editor.getByRole("dialog", { name: "提交审核" });
  await submit.getByLabel(/提交说明/).fill("请核对延时服务的截止时间");
  await submit.getByRole("button", { name: "提交审核" }).click();
  await expect(submit).toHaveCount(0);
  await expect(editor.getByRole("status").filter({ hasText: "已提交审核" })).toBeVisible();

  // An editor opens the review view of their own article only.
  await editor.goto(`/admin/articles/${id}/review`);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`审核：${title}`);
  await expect(editor.getByRole("button", { name: "退回修改…" })).toHaveCount(0);
  const seedHref = await seedArticleHref(editor);
  const seedId = seedHref.split("/").pop();
  await editor.goto(`/admin/articles/${seedId}/review`);
  await expect(editor).toHaveURL(/\/admin\/forbidden$/);

  // ---- The reviewer opens it from 工作台 and reads preview, note and (no live version yet) the hint.
  const reviewer = await newSignedInPage(browser, REVIEWER.email, REVIEWER.password);
  await reviewer.goto("/admin");
  await reviewer.getByRole("region", { name: /待我审核/ }).getByRole("link", { name: title, exact: true }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/admin/articles/${id}/review$`));
  await expect(reviewer.getByRole("region", { name: "提交说明" })).toContainText("请核对延时服务的截止时间");
  await expect(reviewer.getByRole("region", { name: "提交说明" })).toContainText(EDITOR.name);
  const preview = reviewer.frameLocator(`iframe[title="预览：${title}"]`);
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(preview.getByRole("note")).toContainText("预览");
  await expect(reviewer.getByRole("region", { name: "与线上版本对比" })).toContainText("尚未发布过");

  // 退回修改 in a dialog: required, Chinese message, then the comment.
  await reviewer.getByRole("button", { name: "退回修改…" }).click();
  const back = reviewer.getByRole("dialog", { name: "退回修改" });
  await expect(back.getByLabel(/退回意见/)).toBeFocused();
  expect(await axeProblems(reviewer)).toEqual([]);
  await back.getByRole("button", { name: "退回修改" }).click();
  await expect(back.getByRole("alert")).toHaveText("请填写退回意见，说明需要修改的地方");
  await expect(back.getByLabel(/退回意见/)).toHaveAttribute("aria-invalid", "true");
  await back.getByLabel(/退回意见/).fill("请补充各办税服务厅的地址");
  await shot(reviewer, "review-return-dialog");
  await back.getByRole("button", { name: "退回修改" }).click();
  await expect(back).toHaveCount(0);
  await expect(reviewer.getByRole("status").filter({ hasText: "已退回修改" })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "发布" })).toHaveCount(0);

  // ---- The editor sees 已退回 with the comment on 工作台 and in the list, until resubmitting.
  await editor.goto("/admin");
  const returned = editor.getByRole("region", { name: /退回给我修改/ });
  await expect(returned.getByRole("listitem").filter({ hasText: title })).toContainText("已退回");
  await expect(returned.getByRole("listitem").filter({ hasText: title })).toContainText("审核意见：请补充各办税服务厅的地址");
  await shot(editor, "review-dashboard-returned");
  await editor.goto("/admin/articles");
  const row = editor.getByRole("row").filter({ has: editor.getByRole("link", { name: `编辑“${title}”`, exact: true }) });
  await expect(row.locator(".adm-badge")).toHaveText("已退回");
  await expect(row).toContainText("审核意见：请补充各办税服务厅的地址");
  await shot(editor, "review-list-returned");
  // Someone else's article (the seeded one) is listed as its public copy: no 编辑 (its editor page is not the
  // editor's to open), and its title opens the public page.
  await editor.goto(`/admin/articles?q=${encodeURIComponent("上下一盘棋")}`);
  const seeded = editor.getByRole("row").filter({ hasText: "上下一盘棋 共建文明城" });
  await expect(seeded).toHaveCount(1);
  await expect(seeded.getByRole("link", { name: /^(编辑|查看)“/ })).toHaveCount(0);
  await expect(seeded.getByRole("link", { name: /^上下一盘棋 共建文明城/ })).toHaveAttribute("href", /^\/topics\/[a-z0-9/-]+\/\d+$/);
  await editor.goto("/admin/articles");

  await row.getByRole("link", { name: `编辑“${title}”`, exact: true }).click();
  await expect(editor.getByText("审核意见：请补充各办税服务厅的地址")).toBeVisible();
  await editor.locator("#bodyHtml").click();
  await editor.keyboard.press("ControlOrMeta+End");
  await editor.keyboard.press("Enter");
  await editor.keyboard.type("地址：迎江区人民路1号。");
  await editor.getByRole("button", { name: "提交审核" }).click(); // saves, then asks for the note
  const resubmit = editor.getByRole("dialog", { name: "提交审核" });
  await resubmit.getByLabel(/提交说明/).fill("已补充地址");
  await resubmit.getByRole("button", { name: "提交审核" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已提交审核" })).toBeVisible();
  await editor.goto("/admin/articles");
  await expect(editor.getByRole("row").filter({ hasText: title }).locator(".adm-badge").first()).toHaveText("待审核");

  // ---- The reviewer opens it from the list's row action: the note, and the change since the 退回.
  await reviewer.goto("/admin/articles?status=review");
  await reviewer.getByRole("link", { name: `审核“${title}”`, exact: true }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/admin/articles/${id}/review$`));
  await expect(reviewer.getByRole("region", { name: "提交说明" })).toContainText("已补充地址");
  const diff = reviewer.locator("#diff");
  await expect(diff.getByRole("heading", { name: "与退回时的版本对比" })).toBeVisible();
  await expect(diff.locator(".adm-diff-body ins")).toContainText("地址：迎江区人民路1号。");
  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await reviewer.setViewportSize(viewport);
    await expect(preview.getByRole("heading", { level: 1 })).toHaveText(title);
    await shot(reviewer, `review-view-${label}`);
    const overflow = await reviewer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `review view overflows at ${label} width`).toBeLessThanOrEqual(0);
  }
  await reviewer.setViewportSize({ width: 1280, height: 900 });

  reviewer.once("dialog", (d) => void d.accept()); // 确定立即发布…？ (a yes/no question, nothing typed)
  await reviewer.getByRole("button", { name: "发布", exact: true }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  expect((await reviewer.request.get(`/news/${id}`)).status()).toBe(200);

  // ---- The history: each step with its actor and words, between the revisions, newest first.
  await reviewer.goto(`/admin/articles/${id}/revisions`);
  const steps = reviewer.locator("tr.adm-rev-event");
  await expect(steps.locator(".adm-badge")).toHaveText(["发布", "重新提交审核", "退回修改", "提交审核"]);
  await expect(steps.nth(1)).toContainText(EDITOR.name);
  await expect(steps.nth(1)).toContainText("提交说明：已补充地址");
  await expect(steps.nth(2)).toContainText(REVIEWER.name);
  await expect(steps.nth(2)).toContainText("退回意见：请补充各办税服务厅的地址");
  await expect(steps.nth(3)).toContainText("提交说明：请核对延时服务的截止时间");
  const kinds = await reviewer.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event") ?? "revision"));
  // (An idle autosave may add a second revision beside the save: count runs of revisions once.)
  const compact = kinds.filter((k, i) => k !== "revision" || kinds[i - 1] !== "revision");
  expect(compact.slice(0, 5)).toEqual(["publish", "resubmit", "revision", "return", "submit"]);
  await expect(steps.first().locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await shot(reviewer, "review-history");

  // The audit log reads the submission in Chinese.
  await page.goto("/admin/audit");
  await expect(page.getByText(`${title}（提交说明：已补充地址）`)).toBeVisible();

  expect(prompted).toBe(0);
  expect(errors).toEqual([]);
});
