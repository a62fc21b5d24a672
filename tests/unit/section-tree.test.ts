import { describe, expect, it } from "vitest";
import { sectionOptions } from "@/lib/sections/tree";
import type { SectionDto } from "@/lib/sections/types";

const s = (id: number, parentId: number | null, path: string, name: string, position: number): SectionDto => ({
  id,
  parentId,
  path,
  name,
  position,
  slug: path.split("/").at(-1)!,
  kind: "channel",
  description: "",
  showOnHome: true,
});

describe("section options (admin list, editor, search filter)", () => {
  it("puts sub-topics under their real parent, whatever order the rows come in", () => {
    // As the seed numbers them: roots 1–5, the sub-topics of 税收专题 1–3 among themselves.
    const rows = [
      s(1, null, "news", "工作动态", 1),
      s(6, 5, "topics/congress-19", "十九大", 1),
      s(2, null, "notices", "通知公告", 2),
      s(7, 5, "topics/publicity-month", "税收宣传月", 2),
      s(3, null, "policies", "政策法规", 3),
      s(8, 5, "topics/reform", "征管体制改革", 3),
      s(4, null, "service", "纳税服务", 4),
      s(5, null, "topics", "税收专题", 5),
    ];
    expect(sectionOptions(rows).map((o) => o.label)).toEqual(["工作动态", "通知公告", "政策法规", "纳税服务", "税收专题", "　十九大", "　税收宣传月", "　征管体制改革"]);
    expect(sectionOptions([...rows].reverse()).map((o) => o.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
