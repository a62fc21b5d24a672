import { describe, expect, it } from "vitest";
import { pageSlice } from "@/lib/pagination";

describe("pageSlice (every list's page arithmetic)", () => {
  it("clamps to a real page and says what to skip", () => {
    expect(pageSlice(1, 0, 10)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 10 });
    expect(pageSlice(2, 25, 10)).toEqual({ page: 2, pageCount: 3, skip: 10, take: 10 });
    expect(pageSlice(99, 25, 10)).toEqual({ page: 3, pageCount: 3, skip: 20, take: 10 });
    expect(pageSlice(0, 25, 10).page).toBe(1);
    expect(pageSlice(Number.NaN, 25, 10).page).toBe(1);
    expect(pageSlice(2.7, 25, 10).page).toBe(2);
  });
});
