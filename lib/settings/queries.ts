import { db } from "../db";
import { DEFAULT_INDEX_PATTERN } from "../disclosure/index-number";

export interface SiteSettingsDto {
  siteName: string;
  siteDomain: string;
  owner: string;
  icpNumber: string;
  policeRecordNumber: string;
  policeRecordCode: string;
  siteIdCode: string;
  contactEmail: string;
  address: string;
  postcode: string;
  phone: string;
  techSupport: string;
  /** 网站建议: unanswered messages older than this many working days are highlighted as overdue. */
  feedbackOverdueDays: number;
  /** 政府信息公开 索引号 pattern (lib/disclosure/index-number.ts). */
  indexNumberPattern: string;
}

/** Shown until an admin saves settings, so a fresh database still renders. */
export const FALLBACK_SETTINGS: SiteSettingsDto = {
  siteName: "政务门户网站",
  siteDomain: "",
  owner: "",
  icpNumber: "",
  policeRecordNumber: "",
  policeRecordCode: "",
  siteIdCode: "",
  contactEmail: "",
  address: "",
  postcode: "",
  phone: "",
  techSupport: "",
  feedbackOverdueDays: 5,
  indexNumberPattern: DEFAULT_INDEX_PATTERN,
};

export async function getSiteSettings(): Promise<SiteSettingsDto> {
  const s = await db.siteSettings.findUnique({ where: { id: 1 } });
  if (!s) return FALLBACK_SETTINGS;
  const { id: _id, updatedAt: _u, ...rest } = s;
  return rest;
}
