import { describe, expect, it } from "vitest";
import { formatClock, formatDate } from "@/lib/format/date";

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
