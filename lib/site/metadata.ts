import type { Metadata } from "next";
import type { SiteSettingsDto } from "../settings/queries";

/**
 * Page metadata including the meta tags government site inspections read
 * (SiteName, SiteDomain, SiteIDCode, ColumnName, ArticleTitle, PubDate,
 * ContentSource).
 */
export function pageMetadata(
  s: SiteSettingsDto,
  page: { title?: string; description?: string; column?: string; article?: { title: string; pubDate: string; source: string } },
): Metadata {
  const other: Record<string, string> = { SiteName: s.siteName };
  if (s.siteDomain) other.SiteDomain = s.siteDomain;
  if (s.siteIdCode) other.SiteIDCode = s.siteIdCode;
  if (page.column) other.ColumnName = page.column;
  if (page.article) {
    other.ArticleTitle = page.article.title;
    other.PubDate = page.article.pubDate;
    if (page.article.source) other.ContentSource = page.article.source;
  }
  return {
    title: page.title ? `${page.title} - ${s.siteName}` : s.siteName,
    description: page.description,
    other,
    openGraph: { title: page.title ?? s.siteName, siteName: s.siteName, description: page.description, locale: "zh_CN", type: page.article ? "article" : "website" },
  };
}
