import { describe, expect, it } from "vitest";
import { parseSiteRoute } from "@/lib/site/route";

describe("parseSiteRoute", () => {
  it.each([
    [["news"], { kind: "section", path: "news", page: 1 }],
    [["topics", "congress-19"], { kind: "section", path: "topics/congress-19", page: 1 }],
    [["news", "page", "3"], { kind: "section", path: "news", page: 3 }],
    [["topics", "congress-19", "47"], { kind: "article", sectionPath: "topics/congress-19", id: 47 }],
    [["47"], { kind: "none" }],
    [["news", "page", "0"], { kind: "none" }],
    [["News"], { kind: "none" }],
    [["news", "..", "x"], { kind: "none" }],
    [["news", "12345678901"], { kind: "none" }],
    [["新闻"], { kind: "none" }],
  ])("%j", (segments, expected) => {
    expect(parseSiteRoute(segments as string[])).toEqual(expected);
  });
});
