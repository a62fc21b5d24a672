import { db } from "../db";
import { publicWhere } from "../articles/access";
import { articleHref } from "../articles/types";
import { sectionHref } from "../sections/types";

/** The sitemaps.org limit per file; above it /sitemap.xml becomes an index of parts. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapEntry {
  /** Site path, e.g. "/news/12". */
  path: string;
  /** ISO; null when the page has no meaningful modification date. */
  lastmod: string | null;
}

const latest = (...dates: (Date | string | null | undefined)[]): string | null => {
  const times = dates.filter((d): d is Date | string => !!d).map((d) => new Date(d).getTime());
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
};

/**
 * The fixed pages, every section and every static page: few, so computed
 * whole. A section changes when an article in it (or below it) does.
 */
async function headEntries(): Promise<SitemapEntry[]> {
  const [sections, pages, perSection] = await Promise.all([
    db.section.findMany({ orderBy: [{ path: "asc" }], select: { id: true, path: true, updatedAt: true } }),
    db.page.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { slug: true, updatedAt: true } }),
    db.article.groupBy({ by: ["sectionId"], where: publicWhere(), _max: { updatedAt: true, publishedAt: true } }),
  ]);
  const articleChange = new Map(perSection.map((g) => [g.sectionId, latest(g._max.updatedAt, g._max.publishedAt)]));
  const sectionEntries = sections.map((s) => {
    const subtree = sections.filter((x) => x.path === s.path || x.path.startsWith(`${s.path}/`));
    return { path: sectionHref(s.path), lastmod: latest(s.updatedAt, ...subtree.map((x) => articleChange.get(x.id))) };
  });
  return [
    { path: "/", lastmod: latest(...articleChange.values()) },
    { path: "/site-map", lastmod: latest(...sections.map((s) => s.updatedAt), ...pages.map((p) => p.updatedAt)) },
    { path: "/feedback", lastmod: null },
    ...sectionEntries,
    ...pages.map((p) => ({ path: `/pages/${p.slug}`, lastmod: p.updatedAt.toISOString() })),
  ];
}

export async function countSitemapEntries(): Promise<number> {
  const [head, articles] = await Promise.all([headEntries(), db.article.count({ where: publicWhere() })]);
  return head.length + articles;
}

/** Entries [offset, offset + limit) of the whole list: the head first, then live articles by id. */
export async function sitemapSlice(offset: number, limit: number): Promise<SitemapEntry[]> {
  const head = await headEntries();
  const fromHead = head.slice(offset, offset + limit);
  const take = limit - fromHead.length;
  if (take <= 0) return fromHead;
  const articles = await db.article.findMany({
    where: publicWhere(),
    orderBy: { id: "asc" },
    skip: Math.max(0, offset - head.length),
    take,
    select: { id: true, updatedAt: true, publishedAt: true, section: { select: { path: true } } },
  });
  return [...fromHead, ...articles.map((a) => ({ path: articleHref(a.section.path, a.id), lastmod: latest(a.updatedAt, a.publishedAt) }))];
}

/** 0: everything fits in /sitemap.xml itself; otherwise the number of parts the index lists. */
export function sitemapPartCount(total: number, limit = SITEMAP_URL_LIMIT): number {
  return total <= limit ? 0 : Math.ceil(total / limit);
}
