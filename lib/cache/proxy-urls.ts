import { db } from "../db";
import { publicWhere } from "../articles/access";
import { neighboursOf, PAGE_SIZE } from "../articles/queries";
import { articleHref } from "../articles/types";
import { SITE_FEED_PATH, sectionFeedPath } from "../feeds/paths";
import { sectionHref } from "../sections/types";
import { countSitemapEntries, sitemapPartCount, sitemapSlice } from "../sitemap/entries";
import { sitemapPartPath } from "../sitemap/xml";

/**
 * The public URLs behind the cache tags that lib/cache/revalidate.ts expires:
 * a caching proxy keys by URL (Next strips its tags from responses), so it is
 * purged URL by URL (lib/cache/purge.ts). Same reach as the tags: the
 * article, its sections' list pages and ancestors' (every page number, plus
 * one for a list that just grew), their feeds, the neighbours whose
 * previous/next links change, the home page, the site feed and the sitemap.
 */

const feedsAndSitemap = async (): Promise<string[]> => {
  const parts = sitemapPartCount(await countSitemapEntries());
  return [SITE_FEED_PATH, "/sitemap.xml", ...Array.from({ length: parts }, (_, i) => sitemapPartPath(i))];
};

/** List pages 1…n+1 of each section (n counted over its subtree) and its feed. */
async function sectionUrls(sectionIds: number[]): Promise<string[]> {
  if (sectionIds.length === 0) return [];
  const all = await db.section.findMany({ select: { id: true, path: true } });
  const out: string[] = [];
  for (const s of all.filter((x) => sectionIds.includes(x.id))) {
    const subtree = all.filter((x) => x.path === s.path || x.path.startsWith(`${s.path}/`)).map((x) => x.id);
    const total = await db.article.count({ where: { ...publicWhere(), sectionId: { in: subtree } } });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE)) + 1;
    for (let p = 1; p <= pages; p++) out.push(sectionHref(s.path, p));
    out.push(sectionFeedPath(s.path));
  }
  return out;
}

/** An article published, edited, unpublished or deleted; `sectionIds` include the ancestors. */
export async function articleProxyUrls(articleId: number, articleSectionIds: number[], sectionIds: number[]): Promise<string[]> {
  const homes = await db.section.findMany({ where: { id: { in: articleSectionIds } }, select: { path: true } });
  const own = homes.map((s) => articleHref(s.path, articleId));
  // The neighbours around its date, whether or not it is itself public now: they link to it, or did.
  const row = await db.article.findUnique({ where: { id: articleId }, select: { id: true, sectionId: true, publishedAt: true } });
  const around = row?.publishedAt ? await neighboursOf({ id: row.id, sectionId: row.sectionId, publishedAt: row.publishedAt.toISOString() }) : null;
  const neighbours = [around?.previous?.href, around?.next?.href].filter((h): h is string => !!h);
  return unique(["/", ...own, ...neighbours, ...(await sectionUrls(sectionIds)), ...(await feedsAndSitemap())]);
}

/** 头条/推荐/置顶 changed: the home page and the list pages of the sections (with ancestors) whose order changed. */
export async function placementProxyUrls(sectionIds: number[]): Promise<string[]> {
  return unique(["/", ...(await sectionUrls(sectionIds))]);
}

/**
 * Settings and the section tree show on every page: every public URL (the
 * sitemap's list, every list page, every feed).
 */
export async function siteProxyUrls(): Promise<string[]> {
  const entries = await sitemapSlice(0, await countSitemapEntries());
  const sections = await db.section.findMany({ select: { id: true } });
  return unique([...entries.map((e) => e.path), ...(await sectionUrls(sections.map((s) => s.id))), ...(await feedsAndSitemap())]);
}

/** A static page: its own URL, the site map that lists it. */
export function pageProxyUrls(slug: string): string[] {
  return [`/pages/${slug}`, "/site-map"];
}

const unique = (urls: string[]) => [...new Set(urls)];
