import { db } from "../db";

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
};

export async function getSiteSettings(): Promise<SiteSettingsDto> {
  const s = await db.siteSettings.findUnique({ where: { id: 1 } });
  if (!s) return FALLBACK_SETTINGS;
  const { id: _id, updatedAt: _u, ...rest } = s;
  return rest;
}
