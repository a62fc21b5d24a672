import { db } from "../db";
import { z } from "../validation/zod";
import { ftsExpression, queryTerms, type QueryTerm } from "./tokenize";

export const SEARCH_PAGE_SIZE = 10;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every parameter optional and forgiving: bad values are dropped, never an error page. */
export const searchParamsSchema = z.object({
  q: z.string().max(1000).default("").catch(""),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  from: z.string().regex(DAY).optional().catch(undefined),
  to: z.string().regex(DAY).optional().catch(undefined),
  sort: z.enum(["relevance", "date"]).default("relevance").catch("relevance"),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
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
}

/**
 * Ranked by bm25 (a title match weighs ten times a body match), newest first
 * among equals; or newest first outright. Section filter includes the
 * section's sub-sections (pass their ids).
 */
export async function search(p: SearchParams, sectionIds: number[] | null): Promise<SearchResult> {
  const started = performance.now();
  const terms = queryTerms(p.q);
  const match = ftsExpression(terms);
  if (!match) return { terms, hits: [], total: 0, page: 1, pageCount: 1, ms: 0 };

  const where: string[] = [`"SearchFts" MATCH ?`];
  const args: unknown[] = [match];
  if (sectionIds) {
    where.push(`"sectionId" IN (${sectionIds.map(() => "?").join(", ")})`);
    args.push(...sectionIds);
  }
  // Dates are Beijing days; publishedAt is stored as ISO UTC.
  if (p.from) {
    where.push(`"publishedAt" >= ?`);
    args.push(new Date(`${p.from}T00:00:00+08:00`).toISOString());
  }
  if (p.to) {
    where.push(`"publishedAt" < ?`);
    args.push(new Date(Date.parse(`${p.to}T00:00:00+08:00`) + 86_400_000).toISOString());
  }
  const whereSql = where.join(" AND ");
  const order = p.sort === "date" ? `"publishedAt" DESC, rank` : `rank, "publishedAt" DESC`;
  const [countRow] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "SearchFts" WHERE ${whereSql}`, ...args);
  const total = Number(countRow?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const page = Math.min(p.page, pageCount);
  const rows = await db.$queryRawUnsafe<{ kind: string; refId: string; title: string; body: string; sectionId: number | bigint | null; publishedAt: string | null }[]>(
    `SELECT "kind", "refId", "title", "body", "sectionId", "publishedAt" FROM "SearchFts"
     WHERE ${whereSql} AND rank MATCH 'bm25(0, 0, 0, 0, 0, 0, 0, 10.0, 1.0)'
     ORDER BY ${order} LIMIT ? OFFSET ?`,
    ...args,
    SEARCH_PAGE_SIZE,
    (page - 1) * SEARCH_PAGE_SIZE,
  );
  return {
    terms,
    total,
    page,
    pageCount,
    ms: performance.now() - started,
    hits: rows.map((r) => ({
      kind: r.kind === "page" ? "page" : "article",
      refId: String(r.refId),
      title: r.title,
      body: r.body,
      sectionId: r.sectionId === null ? null : Number(r.sectionId),
      publishedAt: r.publishedAt,
    })),
  };
}
