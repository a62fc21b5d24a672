import { describe, expect, it } from "vitest";
import { publishSchema } from "@/lib/articles/schema";
import { addDays, beijingDayStart, formatClock, formatDate, parseBeijingDateTime } from "@/lib/format/date";

describe("Beijing time formatting", () => {
  it("uses Beijing time whatever the server's zone", () => {
    expect(formatDate("2017-11-19T16:30:00.000Z")).toBe("2017-11-20");
    expect(formatDate("2017-11-20T15:59:00.000Z")).toBe("2017-11-20");
    expect(formatDate("2017-11-20T16:00:00.000Z")).toBe("2017-11-21");
  });
  it("formats the header clock in Chinese", () => {
    expect(formatClock(new Date("2017-11-20T00:30:05Z"))).toBe("2017年11月20日 星期一 08:30:05");
  });
});

describe("one reading of typed Beijing dates", () => {
  it("parseBeijingDateTime reads wall-clock Beijing time and refuses dates that do not exist", () => {
    expect(parseBeijingDateTime("2017-11-20T08:30")?.toISOString()).toBe("2017-11-20T00:30:00.000Z");
    expect(parseBeijingDateTime("2017-11-20 08:30:05")?.toISOString()).toBe("2017-11-20T00:30:05.000Z");
    expect(parseBeijingDateTime("2017-11-20")?.toISOString()).toBe("2017-11-19T16:00:00.000Z");
    for (const bad of ["2017-02-30", "2017-02-30T08:00", "2017-13-01T00:00", "2017-11-20T24:10", "2017-11-20T08:60", "20171120", ""]) {
      expect(parseBeijingDateTime(bad), bad).toBeNull();
    }
  });

  it("the article form refuses 2017-02-30 as beijingDayStart does (it was rolled over to March 2)", () => {
    expect(beijingDayStart("2017-02-30")).toBeNull();
    const r = publishSchema.safeParse({ id: 1, at: "2017-02-30T08:00" });
    expect(r.success).toBe(false);
    expect(publishSchema.parse({ id: 1, at: "2017-02-28T08:00" }).at?.toISOString()).toBe("2017-02-28T00:00:00.000Z");
  });

  it("addDays counts calendar days across months and leap years", () => {
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2021-03-01", -1)).toBe("2021-02-28");
    expect(addDays("2017-11-20", -29)).toBe("2017-10-22");
  });
});
