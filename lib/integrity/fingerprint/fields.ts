import { sanitizeRichText } from "../../content/sanitize";
import { formatDate } from "../../format/date";
import type { SiteSettingsDto } from "../../settings/queries";
import { compactText, htmlText, sha256 } from "./text";

/**
 * What the public page of each kind of item must show, as plain comparable
 * values. The same functions build the fingerprint when the CMS publishes
 * and the expectation when the checker re-reads the database, and the page
 * extractor (lib/integrity/inspection/extract.ts) produces the same shapes
 * from fetched HTML.
 */

export type TargetType = "article" | "page" | "settings" | "section";

export interface ArticleFields {
  title: string;
  /** 发布日期 / 来源 / 作者 as the meta row prints them */
  meta: string[];
  bodyHash: string;
}

export interface PageFields {
  title: string;
  bodyHash: string;
}

export interface SectionFields {
  name: string;
  path: string;
}

export interface SettingsFields {
  siteName: string;
  /** The footer identity block, whitespace removed (版权所有, 备案号, 标识码, contacts). */
  footer: string;
}

export type Fields = ArticleFields | PageFields | SectionFields | SettingsFields;

/** Rendered bodies are sanitized again on output (components/site/RichText.tsx): hash that. */
export function bodyHash(bodyHtml: string): string {
  return sha256(htmlText(sanitizeRichText(bodyHtml)));
}

export function articleMeta(a: { publishedAt: Date | string | null; source: string; author: string }): string[] {
  const meta = [`发布日期：${a.publishedAt ? formatDate(a.publishedAt) : ""}`];
  if (a.source) meta.push(compactText(`来源：${a.source}`));
  if (a.author) meta.push(compactText(`作者：${a.author}`));
  return meta;
}

export function articleFields(a: { title: string; bodyHtml: string; publishedAt: Date | string | null; source: string; author: string }): ArticleFields {
  return { title: compactText(a.title), meta: articleMeta(a), bodyHash: bodyHash(a.bodyHtml) };
}

export function pageFields(p: { title: string; bodyHtml: string }): PageFields {
  return { title: compactText(p.title), bodyHash: bodyHash(p.bodyHtml) };
}

export function sectionFields(s: { name: string; path: string }): SectionFields {
  return { name: compactText(s.name), path: s.path };
}

/**
 * The footer identity text in the order components/site/SiteFooter.tsx
 * renders it (the visitor counter excluded: it is filled in by the browser).
 * Keep the two in step; the e2e check of the demo site fails when they drift.
 */
export function footerIdentity(s: SiteSettingsDto): string {
  return joinFooter([
    `版权所有：${s.owner}`,
    s.icpNumber,
    s.siteIdCode && `网站标识码：${s.siteIdCode}`,
    s.address && `地址：${s.address}`,
    s.postcode && `邮编：${s.postcode}`,
    s.phone && `联系电话：${s.phone}`,
    s.contactEmail && `联系信箱：${s.contactEmail}`,
    s.policeRecordNumber,
    s.techSupport && `技术支持：${s.techSupport}`,
  ]);
}

/**
 * The footer order before 联系电话 was moved away from 技术支持. Only used to
 * re-sign, once, a settings fingerprint that still matches today's settings
 * in that order (an upgraded site); see resignLegacyFooter.
 */
export function legacyFooterIdentity(s: SiteSettingsDto): string {
  return joinFooter([
    `版权所有：${s.owner}`,
    s.icpNumber,
    s.siteIdCode && `网站标识码：${s.siteIdCode}`,
    s.contactEmail && `联系信箱：${s.contactEmail}`,
    s.address && `地址：${s.address}`,
    s.postcode && `邮编：${s.postcode}`,
    s.techSupport && `技术支持：${s.techSupport}`,
    s.phone && `联系电话：${s.phone}`,
    s.policeRecordNumber,
  ]);
}

const joinFooter = (parts: (string | false | null | undefined)[]) => compactText(parts.filter(Boolean).join(""));

export function settingsFields(s: SiteSettingsDto): SettingsFields {
  return { siteName: compactText(s.siteName), footer: footerIdentity(s) };
}

/** Stable JSON (keys in a fixed order) so equal fields always sign the same. */
export function fieldsJson(fields: Fields): string {
  return JSON.stringify(fields, Object.keys(fields).sort());
}

export const FIELD_LABELS: Record<string, string> = {
  title: "标题",
  meta: "发布信息（日期、来源、作者）",
  bodyHash: "正文",
  name: "栏目名称",
  path: "栏目路径",
  siteName: "网站名称",
  footer: "页脚（版权所有、备案号、联系方式）",
};
