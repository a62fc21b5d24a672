/** The fixed 留言类别 list; stored as the key, shown as the label. */
export const CATEGORIES = [
  { key: "site", label: "网站建议" },
  { key: "policy", label: "政策咨询" },
  { key: "complaint", label: "投诉举报" },
  { key: "other", label: "其他" },
] as const;
export type CategoryKey = (typeof CATEGORIES)[number]["key"];
export const CATEGORY_KEYS = CATEGORIES.map((c) => c.key) as [CategoryKey, ...CategoryKey[]];

export function categoryLabel(key: string): string {
  return CATEGORIES.find((c) => c.key === key)?.label ?? "其他";
}

export const STATUSES = ["new", "replied", "closed"] as const;
export type SuggestionStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<SuggestionStatus, string> = { new: "待处理", replied: "已回复", closed: "已办结" };

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as SuggestionStatus] ?? status;
}
