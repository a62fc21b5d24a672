import { describe, expect, it } from "vitest";
import { wrapLabel } from "@/components/admin/stats/wrap-label";

describe("chart axis labels", () => {
  it("keeps short names on one line", () => {
    expect(wrapLabel("工作动态", 13)).toEqual(["工作动态"]);
  });
  it("wraps a long name onto two lines without losing characters", () => {
    expect(wrapLabel("营改增专题之政策解读与办税指南", 8)).toEqual(["营改增专题之政策", "解读与办税指南"]);
  });
  it("ends an over-long second line with an ellipsis and never exceeds the line length", () => {
    const lines = wrapLabel("关于进一步优化税收营商环境推进办税便利化改革的专题报道", 8);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    expect(lines.every((l) => Array.from(l).length <= 8)).toBe(true);
  });
});
