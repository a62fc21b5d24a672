import { expect, test } from "@playwright/test";

test("the search page's 栏目 filter lists 税收专题's sub-topics under 税收专题", async ({ page }) => {
  await page.goto("/search");
  const options = (await page.getByLabel("栏目").locator("option").allTextContents()).map((t) => t.trimEnd());
  const parent = options.indexOf("税收专题");
  expect(parent).toBeGreaterThan(0);
  // Right after their parent, indented, and nowhere else.
  expect(options.slice(parent + 1, parent + 4)).toEqual(["　迅速掀起学习宣传贯彻落实十九大精神热潮", "　第26个全国税收宣传月", "　深化国税地税征管体制改革"]);
  expect(options.filter((o) => o.startsWith("　"))).toHaveLength(3);
});
