import { beijingDayStart } from "@/lib/format/date";
import type { SearchParams } from "@/lib/search/search";

export type SearchField = "q" | "from" | "to";
export type SearchProblems = Partial<Record<SearchField, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with a submitted search form, per field, in words a visitor
 * can act on. The search itself tolerates anything (bad values are dropped);
 * this only tells the visitor, next to the field, instead of silently
 * searching for something else.
 */
export function searchProblems(raw: Record<string, string | undefined>, params: SearchParams): SearchProblems {
  const problems: SearchProblems = {};
  // 信息公开检索 by 发文机关 or 文号 alone needs no keyword.
  if (raw.q !== undefined && !params.q.trim() && !params.issuer && !params.doc) problems.q = "请输入要搜索的关键词。";
  for (const field of ["from", "to"] as const) {
    const value = raw[field]?.trim();
    if (value && !DAY.test(value)) problems[field] = "请按“年-月-日”填写日期，如 2017-11-20。";
    else if (value && !beijingDayStart(value)) problems[field] = "没有这一天，请检查月份和日期。";
  }
  if (!problems.from && !problems.to && params.from && params.to && params.from > params.to) {
    problems.from = "开始日期不能晚于结束日期，请修改其中一个日期。";
  }
  return problems;
}

/** The attributes that tie a field to its message (WCAG 3.3.1, 1.3.1). */
export function fieldErrorProps(problems: SearchProblems, field: SearchField) {
  return problems[field] ? { "aria-invalid": true as const, "aria-describedby": `search-${field}-error` } : {};
}
