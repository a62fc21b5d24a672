import type { TargetType } from "../fingerprint/fields";

export type ItemStatus = "pass" | "warn" | "fail";

export const STATUS_LABELS: Record<ItemStatus, string> = { pass: "合格", warn: "预警", fail: "不合格" };

export interface Finding {
  /** what is wrong, in Chinese, naming the item */
  text: string;
  /** the public page concerned */
  href?: string;
  /** where in the admin to fix it */
  fixHref?: string;
  /** a page whose cached copy differs from the database: may be purged and regenerated */
  purge?: { targetType: TargetType; targetId: string };
  severity: Exclude<ItemStatus, "pass">;
}

export interface ItemResult {
  key: string;
  status: ItemStatus;
  /** one line: what was checked and the outcome */
  summary: string;
  findings: Finding[];
  checkedAt: string;
}

export interface InspectionReport {
  baseUrl: string;
  startedAt: string;
  finishedAt: string;
  items: ItemResult[];
  pagesFetched: number;
}
