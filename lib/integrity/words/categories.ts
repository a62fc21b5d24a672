/**
 * Word-list categories. The four content categories block publishing (they are
 * the 政府网站检查指标 single-veto items: gambling, porn, fraud, illegal ads);
 * 错误表述 only warns and suggests the right wording.
 */
export const WORD_CATEGORIES = ["gambling", "porn", "fraud", "ads", "wording"] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<WordCategory, string> = {
  gambling: "博彩/赌博",
  porn: "色情",
  fraud: "诈骗",
  ads: "违规广告",
  wording: "错误表述",
};

export function isBlockingCategory(category: WordCategory): boolean {
  return category !== "wording";
}

export function isWordCategory(value: unknown): value is WordCategory {
  return typeof value === "string" && (WORD_CATEGORIES as readonly string[]).includes(value);
}
