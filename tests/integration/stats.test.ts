import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rangeCappedMessage, resolveRange, siteSeries, statsQuerySchema, toCsv, topArticles, viewsBySection, yearTotals } from "@/lib/views/stats";

describe("statistics", () => {
  it("the demo database carries a year of daily figures", async () => {
    expect(await db.dailySiteStat.count()).toBeGreaterThanOrEqual(365);
    expect(await db.dailyArticleStat.count()).toBeGreaterThan(1000);
  });

  it("series cover every period of the range, zero where nothing was recorded", async () => {
    await db.dailySiteStat.createMany({
      data: [
        { day: "1999-01-04", views: 10, visitors: 4 },
        { day: "1999-01-06", views: 5, visitors: 2 },
        { day: "1999-02-01", views: 7, visitors: 7 },
      ],
    });
    const byDay = await siteSeries({ from: "1999-01-03", to: "1999-01-06", group: "day" });
    expect(byDay).toEqual([
      { period: "1999-01-03", views: 0, visitors: 0 },
      { period: "1999-01-04", views: 10, visitors: 4 },
      { period: "1999-01-05", views: 0, visitors: 0 },
      { period: "1999-01-06", views: 5, visitors: 2 },
    ]);
    const byWeek = await siteSeries({ from: "1999-01-03", to: "1999-01-10", group: "week" });
    expect(byWeek.map((p) => [p.period, p.views])).toEqual([
      ["1998-12-28", 0],
      ["1999-01-04", 15],
    ]);
    const byMonth = await siteSeries({ from: "1999-01-01", to: "1999-02-28", group: "month" });
    expect(byMonth.map((p) => [p.period, p.views])).toEqual([
      ["1999-01", 15],
      ["1999-02", 7],
    ]);
    expect((await yearTotals(1999)).views).toBe(22);
    expect((await yearTotals(1999)).busiestDay).toEqual({ day: "1999-01-04", views: 10 });
    await db.dailySiteStat.deleteMany({ where: { day: { startsWith: "1999-" } } });
  });

  it("ranks top articles and sums views per section over the range", async () => {
    const [a, b] = await db.article.findMany({ where: { isLive: true }, take: 2, orderBy: { id: "asc" } });
    await db.dailyArticleStat.createMany({
      data: [
        { day: "1998-06-01", articleId: a.id, views: 3, visitors: 3 },
        { day: "1998-06-02", articleId: a.id, views: 4, visitors: 2 },
        { day: "1998-06-02", articleId: b.id, views: 9, visitors: 5 },
      ],
    });
    const range = { from: "1998-06-01", to: "1998-06-30", group: "day" as const };
    const top = await topArticles(range);
    expect(top.map((t) => [t.id, t.views])).toEqual([
      [b.id, 9],
      [a.id, 7],
    ]);
    const sections = await viewsBySection(range);
    expect(sections.reduce((s, x) => s + x.views, 0)).toBe(16);
    await db.dailyArticleStat.deleteMany({ where: { day: { startsWith: "1998-" } } });
  });

  it("a reversed or missing range is repaired, bad input ignored", () => {
    const now = new Date("2017-11-20T04:00:00Z");
    expect(resolveRange(statsQuerySchema.parse({}), now)).toEqual({ from: "2017-10-22", to: "2017-11-20", group: "day" });
    expect(resolveRange(statsQuerySchema.parse({ from: "2017-12-01", to: "2017-11-01", group: "nope" }), now)).toEqual({
      from: "2017-11-01",
      to: "2017-12-01",
      group: "day",
    });
    expect(statsQuerySchema.parse({ from: "'; DROP TABLE x" }).from).toBeUndefined();
  });

  it("a span longer than a year is cut to the last 366 days, and says so", () => {
    const r = resolveRange(statsQuerySchema.parse({ from: "2000-01-01", to: "2020-12-31" }));
    expect(r).toMatchObject({ from: "2020-01-01", to: "2020-12-31", capped: { requestedFrom: "2000-01-01" } });
    expect(rangeCappedMessage(r)).toBe("统计时间跨度最长 366 天：已从 2000-01-01 调整为 2020-01-01，显示 2020-01-01 至 2020-12-31 的数据");
    expect(resolveRange(statsQuerySchema.parse({ from: "2017-01-01", to: "2018-01-01" })).capped).toBeUndefined(); // 366 days exactly
  });

  it("CSV export opens in Excel with Chinese intact and cannot smuggle formulas", () => {
    const csv = toCsv([
      ["标题", "浏览量"],
      ["上下一盘棋 共建文明城——“回眸”", 12],
      ["=HYPERLINK(\"http://evil\")", 1],
      ["a,b", 2],
      ["\t=1+1", 3],
      ["\r=1+1", 4],
    ]);
    expect(csv.startsWith("\uFEFF标题,浏览量\r\n")).toBe(true);
    expect(csv).toContain("上下一盘棋 共建文明城——“回眸”,12");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",1`);
    expect(csv).toContain(`"a,b",2`);
    // A leading tab or carriage return is read past by Excel, then the formula runs: quoted and neutralised too.
    expect(csv).toContain(`'\t=1+1,3`);
    expect(csv).toContain(`"'\r=1+1",4`);
  });
});
