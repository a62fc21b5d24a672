import { htmlToText } from "../content/sanitize";
import { db } from "../db";
import { beijingDayEnd, beijingDayStart } from "../format/date";
import { z } from "../validation/zod";
import { matchExpression, matchStats, countMatchingPages, newestMatches, rankedMatches, type MatchFilter } from "./index";
import { queryTerms, type QueryTerm } from "./tokenize";
import { isPubliclyVisible } from "../articles/access";
import { pageSlice } from "../pagination";
import { searchDisclosure } from "./disclosure-filter";

export const SEARCH_PAGE_SIZE = 10;
export const SEARCH_MAX_PAGE = 1000;

/** Every parameter optional and forgiving: bad values are dropped, never an error page. */
export const searchParamsSchema = z.object({
  q: z.string().max(1000).default("").catch(""),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  // A real calendar day (2017-13-01 and 2017-02-30 are dropped like any other bad value).
  from: z.string().refine((d) => beijingDayStart(d) !== null).optional().catch(undefined),
  to: z.string().refine((d) => beijingDayStart(d) !== null).optional().catch(undefined),
  sort: z.enum(["relevance", "date"]).default("relevance").catch("relevance"),
  // 信息公开检索: 发文机关 (one of the listed ones) and 文号 (a part of it).
  issuer: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  doc: z.string().trim().max(60).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).default(1).catch(1),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

export interface SearchHit {
  kind: "article" | "page";
  refId: string;
  title: string;
  body: string;
  sectionId: number | null;
  publishedAt: string | null;
}

export interface SearchResult {
  terms: QueryTerm[];
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  ms: number;
  /** Relevance ranking covered only the newest RANK_WINDOW matches. */
  windowed: boolean;
  /** More than `total` (= the count cap) match: shown as "超过 N 条". */
  capped: boolean;
}

/** Relevance ranking looks at the newest this-many matching articles (see rankWindowStart). */
export const RANK_WINDOW = 1000;

/**
 * Matches are counted only as far as a visitor can page: by date, up to this
 * many (page 1000 of 10 hits); by relevance, up to RANK_WINDOW (the pages
 * past the window are not ranked). More are reported as "超过 N 条":
 * counting all 80,000 matches of a common word cost more than the rest of
 * the search.
 */
export const COUNT_CAP = SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE;

/**
 * Ranked by relevance with recency as tie-breaker, or newest first. Section
 * filter includes the section's sub-sections (pass their ids). When more
 * than RANK_WINDOW articles match, relevance ranks the newest RANK_WINDOW of
 * them (`windowed`); sorting by date still reaches every match.
 */
export async function search(p: SearchParams, sectionIds: number[] | null, rankWindow = RANK_WINDOW, countCap = COUNT_CAP): Promise<SearchResult> {
  const started = performance.now();
  const terms = queryTerms(p.q);
  if (p.issuer || p.doc) {
    const f = { issuer: p.issuer ?? null, docNumber: p.doc ?? null, sectionIds, from: p.from ? beijingDayStart(p.from) : null, to: p.to ? beijingDayEnd(p.to) : null };
    const found = await searchDisclosure(f, terms, p.page, SEARCH_PAGE_SIZE);
    const hits: SearchHit[] = found.hits.map((h) => ({ kind: "article", refId: String(h.id), title: h.title, body: h.body, sectionId: h.sectionId, publishedAt: h.publishedAt }));
    return { terms, hits, total: found.total, page: found.page, pageCount: found.pageCount, ms: performance.now() - started, windowed: false, capped: false };
  }
  const match = matchExpression(terms);
  if (!match) return { terms, hits: [], total: 0, page: 1, pageCount: 1, ms: 0, windowed: false, capped: false };
  // Dates are Beijing days.
  const f: MatchFilter = {
    match,
    sectionIds,
    from: p.from ? beijingDayStart(p.from) : null,
    to: p.to ? beijingDayEnd(p.to) : null,
  };
  const relevance = p.sort === "relevance";
  // Relevance reaches the window and the pages only: counted that far.
  const { total, capped, window } = await matchStats(f, relevance ? rankWindow : null, relevance ? Math.min(rankWindow, countCap) : countCap);
  const reachable = window === null ? total : rankWindow + (await countMatchingPages(f));
  const { page, pageCount, skip: offset } = pageSlice(p.page, reachable, SEARCH_PAGE_SIZE);
  const rowids =
    total === 0
      ? []
      : p.sort === "date"
        ? await newestMatches(f, SEARCH_PAGE_SIZE, offset)
        : await rankedMatches(f, window, SEARCH_PAGE_SIZE, offset);
  const hits = await loadHits(rowids);
  return { terms, total, capped, page, pageCount, ms: performance.now() - started, hits, windowed: window !== null };
}

/** The count as the results page states it: "超过 10000" when counting stopped at the cap. */
export const totalText = (r: Pick<SearchResult, "total" | "capped">): string => (r.capped ? `超过 ${r.total}` : String(r.total));

/** The shown hits, in rank order, from the public rows. */
async function loadHits(rowids: number[]): Promise<SearchHit[]> {
  const articleIds = rowids.filter((r) => r > 0);
  const pageIds = rowids.filter((r) => r < 0).map((r) => -r);
  const [articles, pages] = await Promise.all([
    articleIds.length
      ? // isLive is checked below, not in SQL: with it there SQLite scans the (isLive, publishedAt) index instead of ten rowid lookups (13 ms vs 0.5 ms at 100,000 articles).
        db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, isLive: true, title: true, bodyHtml: true, sectionId: true, publishedAt: true } })
      : [],
    pageIds.length ? db.page.findMany({ where: { id: { in: pageIds } }, select: { id: true, slug: true, title: true, bodyHtml: true, updatedAt: true } }) : [],
  ]);
  const byRowid = new Map<number, SearchHit>();
  for (const a of articles) {
    if (!isPubliclyVisible(a)) continue;
    byRowid.set(a.id, { kind: "article", refId: String(a.id), title: a.title, body: htmlToText(a.bodyHtml), sectionId: a.sectionId, publishedAt: a.publishedAt?.toISOString() ?? null });
  }
  for (const pg of pages) {
    byRowid.set(-pg.id, { kind: "page", refId: pg.slug, title: pg.title, body: htmlToText(pg.bodyHtml), sectionId: null, publishedAt: pg.updatedAt.toISOString() });
  }
  return rowids.flatMap((r) => byRowid.get(r) ?? []);
}
