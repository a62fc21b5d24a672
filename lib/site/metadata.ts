import type { Metadata } from "next";
import { SITE_FEED_PATH } from "../feeds/paths";
import { formatDateTime } from "../format/date";
import type { SectionKind } from "../sections/types";
import type { SiteSettingsDto } from "../settings/queries";
import { absoluteUrl, siteOrigin } from "./origin";

/** ColumnType values for the pages that are not sections (government meta convention: the kind of column a page belongs to). */
export const COLUMN_TYPES = {
  home: "首页",
  channel: "栏目",
  topic: "专题",
  disclosure: "信息公开",
  page: "单页",
  siteMap: "网站地图",
  search: "站内搜索",
  interaction: "互动交流",
} as const;

export const columnTypeOf = (kind: SectionKind): string => COLUMN_TYPES[kind] ?? COLUMN_TYPES.channel;

export interface PageMeta {
  /** The page's own title; the site name is appended in <title>. */
  title?: string;
  description?: string;
  /** ColumnName: the section (or page) the page belongs to. */
  column?: string;
  /** ColumnType, e.g. COLUMN_TYPES.channel. */
  columnType?: string;
  /** Site path of the page ("/news", "/news/12"): canonical and og:url. */
  path?: string;
  keywords?: string[];
  /** og:image; a site path or absolute URL. */
  image?: { url: string; alt?: string } | null;
  /** A section's own RSS feed, advertised beside the site-wide one. */
  feed?: { title: string; path: string };
  article?: {
    title: string;
    /** ISO; PubDate is "YYYY-MM-DD HH:mm" Beijing time. */
    publishedAt: string;
    modifiedAt?: string;
    source: string;
  };
  noindex?: boolean;
}

/**
 * Page metadata: <title>, canonical URL, RSS autodiscovery, Open Graph and
 * the meta tags government site inspections read (SiteName, SiteDomain,
 * SiteIDCode, ColumnName, ColumnType, ArticleTitle, PubDate, ContentSource,
 * Keywords, Description — spelled as the convention spells them; HTML
 * compares meta names case-insensitively, so search engines read
 * Description and Keywords as usual).
 *
 * Absolute URLs need the site origin (lib/site/origin.ts). ISR pages have no
 * request to fall back on: without SITE_URL or 网站域名 the canonical, og:url,
 * og:image and feed links are left out rather than point at a wrong host.
 */
export function pageMetadata(s: SiteSettingsDto, page: PageMeta): Metadata {
  const origin = siteOrigin(s);
  const description = page.description?.trim() || (page.title ? `${s.siteName}：${page.title}` : s.siteName);
  const keywords = page.keywords?.length ? page.keywords : [...new Set([page.column, s.siteName].filter((k): k is string => !!k))];

  const other: Record<string, string> = { SiteName: s.siteName };
  if (s.siteDomain) other.SiteDomain = s.siteDomain;
  if (s.siteIdCode) other.SiteIDCode = s.siteIdCode;
  if (page.column) other.ColumnName = page.column;
  if (page.columnType) other.ColumnType = page.columnType;
  if (page.article) {
    other.ArticleTitle = page.article.title;
    other.PubDate = formatDateTime(page.article.publishedAt);
    if (page.article.source) other.ContentSource = page.article.source;
  }
  other.Keywords = keywords.join(",");
  other.Description = description;

  const url = origin && page.path ? absoluteUrl(origin, page.path) : undefined;
  const feeds = [{ title: `${s.siteName} 最新信息 RSS`, url: SITE_FEED_PATH }, ...(page.feed ? [{ title: page.feed.title, url: page.feed.path }] : [])];
  const ogTitle = page.title ?? s.siteName;

  return {
    title: page.title ? `${page.title} - ${s.siteName}` : s.siteName,
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    alternates: {
      ...(url ? { canonical: url } : {}),
      ...(origin ? { types: { "application/rss+xml": feeds.map((f) => ({ title: f.title, url: absoluteUrl(origin, f.url) })) } } : {}),
    },
    other,
    ...(page.noindex ? { robots: { index: false } } : {}),
    openGraph: page.article
      ? {
          type: "article",
          title: ogTitle,
          siteName: s.siteName,
          description,
          locale: "zh_CN",
          url,
          publishedTime: page.article.publishedAt,
          modifiedTime: page.article.modifiedAt,
          section: page.column,
          ...(origin && page.image ? { images: [{ url: new URL(page.image.url, origin).toString(), alt: page.image.alt || ogTitle }] } : {}),
        }
      : { type: "website", title: ogTitle, siteName: s.siteName, description, locale: "zh_CN", url },
  };
}
