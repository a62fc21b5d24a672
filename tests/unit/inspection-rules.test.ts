import { describe, expect, it } from "vitest";
import { resolveUpdateRule } from "@/lib/sections/update-rules";
import { demoDayShift, shiftDays } from "@/lib/seed/demo-dates";
import { verdictOf } from "@/lib/integrity/inspection/run";
import { result } from "@/lib/integrity/inspection/result";

const section = (over: Partial<Parameters<typeof resolveUpdateRule>[0]>) => ({ name: "栏目", kind: "channel", updateRule: "auto", staleDays: null, closed: false, ...over });

describe("section update rules", () => {
  it("reads the kind of column from its name: 动态/要闻 2 weeks, 通知公告/政策 6 months, others a year", () => {
    expect(resolveUpdateRule(section({ name: "工作动态" })).limitDays).toBe(14);
    expect(resolveUpdateRule(section({ name: "要闻" })).limitDays).toBe(14);
    expect(resolveUpdateRule(section({ name: "通知公告" })).limitDays).toBe(183);
    expect(resolveUpdateRule(section({ name: "政策法规" })).limitDays).toBe(183);
    expect(resolveUpdateRule(section({ name: "纳税服务" })).limitDays).toBe(365);
  });

  it("lets a section pick its rule and limit; a closed 专题 and 不检查 are exempt", () => {
    expect(resolveUpdateRule(section({ name: "纳税服务", updateRule: "news" })).limitDays).toBe(14);
    expect(resolveUpdateRule(section({ name: "工作动态", staleDays: 30 })).limitDays).toBe(30);
    expect(resolveUpdateRule(section({ name: "十九大专题", kind: "topic", closed: true })).limitDays).toBeNull();
    expect(resolveUpdateRule(section({ name: "工作动态", updateRule: "exempt" })).limitDays).toBeNull();
  });
});

describe("demo dates", () => {
  it("moves the newest demo article to yesterday (Beijing) and keeps the time of day", () => {
    const today = new Date("2026-12-03T07:00:00Z"); // 15:00 Beijing
    const days = demoDayShift("2017-12-04 16:20", today);
    const moved = shiftDays(new Date("2017-12-04T16:20:00+08:00"), days);
    expect(moved.toISOString()).toBe("2026-12-02T08:20:00.000Z");
    // Just after midnight Beijing the calendar day has already moved on.
    expect(demoDayShift("2017-12-04 16:20", new Date("2026-12-03T16:30:00Z"))).toBe(days + 1);
  });
});

describe("verdict", () => {
  it("fails the site on a single-veto item and only warns on the others", () => {
    const warnOnly = [result("imageAlt", [{ text: "x", severity: "warn" }], ""), result("tamper", [], "")];
    expect(verdictOf(warnOnly)).toEqual({ verdict: "warn", vetoFailures: [] });
    const veto = [...warnOnly, result("homeFresh", [{ text: "old", severity: "fail" }], "")];
    expect(verdictOf(veto)).toEqual({ verdict: "fail", vetoFailures: ["homeFresh"] });
  });
});
