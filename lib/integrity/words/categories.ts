/**
 * Word-list categories. The content categories block publishing (they are
 * the 政府网站检查指标 single-veto items: gambling, porn, fraud, illegal ads);
 * 错误表述 only warns and suggests the right wording. 违规网址 holds blocked
 * domains: links to them (and the names written out in text) block too.
 */
export const WORD_CATEGORIES = ["gambling", "porn", "fraud", "ads", "domain", "wording"] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<WordCategory, string> = {
  gambling: "博彩/赌博",
  porn: "色情",
  fraud: "诈骗",
  ads: "违规广告",
  domain: "违规网址",
  wording: "错误表述",
};

export function isBlockingCategory(category: WordCategory): boolean {
  return category !== "wording";
}

export function isWordCategory(value: unknown): value is WordCategory {
  return typeof value === "string" && (WORD_CATEGORIES as readonly string[]).includes(value);
}
