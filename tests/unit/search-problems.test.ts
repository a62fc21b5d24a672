import { describe, expect, it } from "vitest";
import { fieldErrorProps, searchProblems } from "@/components/site/search-problems";
import { searchParamsSchema } from "@/lib/search/search";

const check = (raw: Record<string, string>) => searchProblems(raw, searchParamsSchema.parse(raw));

describe("search form problems", () => {
  it("has nothing to say about a good query, or about a first visit without one", () => {
    expect(check({ q: "安庆", from: "2017-01-01", to: "2017-12-31" })).toEqual({});
    expect(check({})).toEqual({});
  });

  it("asks for a keyword when the form was sent blank", () => {
    expect(check({ q: "   " })).toEqual({ q: "请输入要搜索的关键词。" });
  });

  it("names a malformed date and a reversed range on the right field", () => {
    expect(check({ q: "安庆", to: "2017/1/1" })).toEqual({ to: expect.stringContaining("2017-11-20") });
    expect(check({ q: "安庆", from: "2017-13-01" })).toEqual({ from: "没有这一天，请检查月份和日期。" });
    expect(check({ q: "安庆", to: "2017-02-30" })).toEqual({ to: "没有这一天，请检查月份和日期。" });
    expect(check({ q: "安庆", from: "2018-01-01", to: "2017-01-01" })).toEqual({ from: expect.stringContaining("开始日期不能晚于结束日期") });
  });

  it("ties a field to its message only when there is one", () => {
    expect(fieldErrorProps({ from: "x" }, "from")).toEqual({ "aria-invalid": true, "aria-describedby": "search-from-error" });
    expect(fieldErrorProps({ from: "x" }, "to")).toEqual({});
  });
});
