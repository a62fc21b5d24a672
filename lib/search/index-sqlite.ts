import Database from "better-sqlite3";
import { listableSql, listedStatusSql, listOrderSql, publicSql, workingCopySql, type Who } from "../articles/access";
import { db } from "../db";
import { sqliteFilePath } from "../db/url";
import type { Prisma } from "../generated/prisma/client";
import { ftsExpression, type QueryTerm } from "./tokenize";
import { docTokens, type DocMeta } from "./doc-text";

/**
 * Keeps the FTS5 table in step with what visitors can see. Called inside
 * the same transaction as publish / edit / unpublish / delete, so an
 * unpublished item is never found and a published one is found at once.
 * With search.ts, the only code that knows the table.
 *
 * The table is contentless: it holds token lists only. A row's rowid is the
 * article id, or minus the page id; everything shown or filtered on (title,
 * body, section, date) is read from "Article" / "Page" themselves.
 */

type Client = Prisma.TransactionClient | typeof db;
export type DocKind = "article" | "page";

export const docRowid = (kind: DocKind, id: number) => (kind === "article" ? id : -id);

const INSERT = `INSERT INTO "SearchFts" ("rowid", "titleTokens", "bodyTokens") VALUES (?, ?, ?)`;
const DELETE = `DELETE FROM "SearchFts" WHERE "rowid" = ?`;

const tokens = docTokens;

async function indexDoc(client: Client, kind: DocKind, id: number, title: string, bodyHtml: string, meta?: DocMeta): Promise<void> {
  await removeDoc(client, kind, id);
  await client.$executeRawUnsafe(INSERT, docRowid(kind, id), ...tokens(title, bodyHtml, meta));
}

export async function removeDoc(client: Client, kind: DocKind, id: number): Promise<void> {
  await client.$executeRawUnsafe(DELETE, docRowid(kind, id));
}

/** Indexes a live article from its row (the public copy), or removes it when it is not live. */
export async function syncArticle(client: Client, articleId: number): Promise<void> {
  const a = await client.article.findUnique({
    where: { id: articleId },
    select: { isLive: true, title: true, bodyHtml: true, disclosure: { select: { docNumber: true, issuer: true } } },
  });
  if (!a || !a.isLive) return removeDoc(client, "article", articleId);
  await indexDoc(client, "article", articleId, a.title, a.bodyHtml, a.disclosure ?? undefined);
}

export async function syncPage(client: Client, id: number): Promise<void> {
  const p = await client.page.findUnique({ where: { id }, select: { title: true, bodyHtml: true } });
  if (!p) return removeDoc(client, "page", id);
  await indexDoc(client, "page", id, p.title, p.bodyHtml);
}

/** True when live content exists but the index is empty (fresh migration of an old database, restored backup). */
export async function indexNeedsRebuild(): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "SearchFts_docsize"`);
  if (Number(row?.n ?? 0) > 0) return false;
  return (await db.article.count({ where: { isLive: true } })) + (await db.page.count()) > 0;
}

/**
 * Rebuilds the whole index in one transaction (searches keep seeing the old
 * index until it commits); reports progress as (done, total). Runs on its
 * own better-sqlite3 connection with one prepared statement: going through
 * the Prisma adapter document by document made 100,000 articles take minutes.
 */
export async function rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
  const conn = new Database(sqliteFilePath(), { timeout: 10_000 });
  try {
    const count = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
    const total = count(`SELECT count(*) AS n FROM "Article" WHERE "isLive" = 1`) + count(`SELECT count(*) AS n FROM "Page"`);
    const insert = conn.prepare(INSERT);
    const nextArticles = conn.prepare(
      `SELECT a."id", a."title", a."bodyHtml", d."docNumber", d."issuer" FROM "Article" a LEFT JOIN "ArticleDisclosure" d ON d."articleId" = a."id"
       WHERE a."isLive" = 1 AND a."id" > ? ORDER BY a."id" LIMIT 1000`,
    );
    let done = 0;
    conn.transaction(() => {
      conn.exec(`INSERT INTO "SearchFts" ("SearchFts") VALUES ('delete-all')`);
      for (let after = 0; ; ) {
        const rows = nextArticles.all(after) as ({ id: number; title: string; bodyHtml: string } & DocMeta)[];
        if (rows.length === 0) break;
        for (const a of rows) insert.run(docRowid("article", a.id), ...tokens(a.title, a.bodyHtml, a));
        after = rows[rows.length - 1].id;
        done += rows.length;
        onProgress?.(done, total);
      }
      for (const p of conn.prepare(`SELECT "id", "title", "bodyHtml" FROM "Page"`).all() as { id: number; title: string; bodyHtml: string }[]) {
        insert.run(docRowid("page", p.id), ...tokens(p.title, p.bodyHtml));
      }
    })();
    onProgress?.(total, total);
    conn.exec(`INSERT INTO "SearchFts" ("SearchFts") VALUES ('optimize')`);
    return total;
  } finally {
    conn.close();
  }
}

/** Empties the index (tests, and before a full rebuild by hand). */
export async function clearIndex(): Promise<void> {
  await db.$executeRawUnsafe(`INSERT INTO "SearchFts" ("SearchFts") VALUES ('delete-all')`);
}

// ---- Queries -------------------------------------------------------------

/** The engine's match expression for the query terms (null: nothing searchable). */
export const matchExpression = (terms: QueryTerm[]): string | null => ftsExpression(terms);

/** What to match and keep: an FTS5 MATCH expression (from tokenize.ts), plus filters on the public rows. */
export interface MatchFilter {
  match: string;
  /** Articles in these sections only (static pages have no section, so they drop out). */
  sectionIds: number[] | null;
  /** Inclusive / exclusive instants. */
  from: Date | null;
  to: Date | null;
}

// Dates are stored by the Prisma SQLite adapter as ISO text with "+00:00".
const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");
const MATCHING = `SELECT "rowid" FROM "SearchFts" WHERE "SearchFts" MATCH ?`;

/** SQL conditions on a table's date column and (for articles) section, with their arguments. */
function rowFilters(f: MatchFilter, dateColumn: string, sectionColumn: string | null): { sql: string; args: unknown[] } {
  const sql: string[] = [];
  const args: unknown[] = [];
  if (sectionColumn && f.sectionIds) {
    sql.push(`${sectionColumn} IN (${f.sectionIds.map(() => "?").join(", ")})`);
    args.push(...f.sectionIds);
  }
  if (f.from) {
    sql.push(`${dateColumn} >= ?`);
    args.push(stored(f.from));
  }
  if (f.to) {
    sql.push(`${dateColumn} < ?`);
    args.push(stored(f.to));
  }
  return { sql: sql.map((s) => ` AND ${s}`).join(""), args };
}

const filtered = (f: MatchFilter) => !!(f.sectionIds || f.from || f.to);

type Query = { sql: string; args: unknown[] };

async function count(q: Query): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM (${q.sql})`, ...q.args);
  return Number(row?.n ?? 0);
}

/**
 * Matching live articles as (rowid, d) rows — driven from the public table,
 * so filters use its indexes and "newest first" can stop early.
 */
function matchingArticles(f: MatchFilter): Query {
  const a = rowFilters(f, `a."publishedAt"`, `a."sectionId"`);
  return {
    sql: `SELECT a."id" AS rowid, a."publishedAt" AS d FROM "Article" a WHERE ${publicSql("a", "sqlite")}${a.sql} AND a."id" IN (${MATCHING} AND "rowid" > 0)`,
    args: [...a.args, f.match],
  };
}

/** Matching static pages as (rowid, d) rows; none when a section is chosen (pages have none). */
function matchingPages(f: MatchFilter): Query | null {
  if (f.sectionIds) return null;
  const p = rowFilters(f, `p."updatedAt"`, null);
  return {
    sql: `SELECT -p."id" AS rowid, p."updatedAt" AS d FROM "Page" p WHERE 1${p.sql} AND -p."id" IN (${MATCHING} AND "rowid" < 0)`,
    args: [...p.args, f.match],
  };
}

function matchingRows(f: MatchFilter): Query {
  const a = matchingArticles(f);
  const p = matchingPages(f);
  return p ? { sql: `${a.sql} UNION ALL ${p.sql}`, args: [...a.args, ...p.args] } : a;
}

/** How many rows match; with a cap, counting stops at cap + 1 (enough to tell that there are more). */
export async function countMatches(f: MatchFilter, cap?: number): Promise<number> {
  // Unfiltered, the index alone answers (it only ever holds live content): no row lookups.
  const q = filtered(f) ? matchingRows(f) : { sql: MATCHING, args: [f.match] };
  return cap === undefined ? count(q) : count({ sql: `${q.sql} LIMIT ?`, args: [...q.args, cap + 1] });
}

/** Newest first: a page of matching rowids. */
export async function newestMatches(f: MatchFilter, limit: number, offset: number): Promise<number[]> {
  const q = matchingRows(f);
  const rows = await db.$queryRawUnsafe<{ rowid: number | bigint }[]>(`${q.sql} ORDER BY d DESC, rowid DESC LIMIT ? OFFSET ?`, ...q.args, limit, offset);
  return rows.map((r) => Number(r.rowid));
}

/**
 * The rowid of the `size`-th most recently added matching article, or null
 * when fewer match. Ranking is then confined to articles from there on:
 * bm25 over every one of 80,000 matches of 安庆 costs hundreds of ms, and no
 * visitor pages that deep.
 */
export async function rankWindowStart(f: MatchFilter, size: number): Promise<number | null> {
  // Unfiltered, the index walks its own rowids backwards: no row lookups.
  const q = filtered(f) ? matchingArticles(f) : { sql: `${MATCHING} AND "rowid" > 0`, args: [f.match] };
  const rows = await db.$queryRawUnsafe<{ rowid: number | bigint }[]>(`${q.sql} ORDER BY rowid DESC LIMIT 1 OFFSET ?`, ...q.args, size - 1);
  return rows.length ? Number(rows[0].rowid) : null;
}

/**
 * By bm25 (a title match weighs ten times a body match), newest first among
 * equals: a page of matching rowids, from the window's start on when given (static
 * pages always take part).
 */
export async function rankedMatches(f: MatchFilter, window: RankWindow | null, limit: number, offset: number): Promise<number[]> {
  const windowStart = window?.start ?? null;
  const a = rowFilters(f, `a."publishedAt"`, `a."sectionId"`);
  const p = rowFilters(f, `p."updatedAt"`, null);
  const range = windowStart === null ? "" : ` AND ("SearchFts"."rowid" >= ? OR "SearchFts"."rowid" < 0)`;
  const visible = f.sectionIds ? `(${publicSql("a", "sqlite")}${a.sql})` : `((${publicSql("a", "sqlite")}${a.sql}) OR (p."id" IS NOT NULL${p.sql}))`;
  const rows = await db.$queryRawUnsafe<{ rowid: number | bigint }[]>(
    `SELECT "SearchFts"."rowid" AS rowid, bm25("SearchFts", 10.0, 1.0) AS score, coalesce(a."publishedAt", p."updatedAt") AS d
     FROM "SearchFts" LEFT JOIN "Article" a ON a."id" = "SearchFts"."rowid" LEFT JOIN "Page" p ON p."id" = -"SearchFts"."rowid"
     WHERE "SearchFts" MATCH ?${range} AND ${visible}
     ORDER BY score, d DESC LIMIT ? OFFSET ?`,
    f.match,
    ...(windowStart === null ? [] : [windowStart]),
    ...a.args,
    ...(f.sectionIds ? [] : p.args),
    limit,
    offset,
  );
  return rows.map((r) => Number(r.rowid));
}

/** Where relevance ranking starts: the `size`-th newest matching article (see rankWindowStart). */
export interface RankWindow {
  start: number;
  /** Most rows from `start` on match (PostgreSQL then reads them in rowid order rather than through its index). */
  dense: boolean;
}

export interface MatchStats {
  /** Matches counted up to the cap… */
  total: number;
  /** …and whether more than that match. */
  capped: boolean;
  /** Set when ranking is asked for and more than the window's size match. */
  window: RankWindow | null;
}

/**
 * The total, counted up to `cap`, and, when ranking needs a window
 * (`windowSize` given and more than that many matches), its start — in one
 * call, so an engine can pick how to find both.
 */
export async function matchStats(f: MatchFilter, windowSize: number | null, cap: number): Promise<MatchStats> {
  const n = await countMatches(f, cap);
  const start = windowSize !== null && n > windowSize ? await rankWindowStart(f, windowSize) : null;
  return { total: Math.min(n, cap), capped: n > cap, window: start === null ? null : { start, dense: false } };
}

/** How many static pages match (they are ranked in addition to the article window). */
export async function countMatchingPages(f: MatchFilter): Promise<number> {
  const p = matchingPages(f);
  return p ? count(p) : 0;
}

/** Column filters of the admin article list. */
export interface AdminArticleFilter {
  status?: string;
  isLive?: boolean;
  sectionId?: number;
  createdById?: number;
}

/**
 * The admin list's text search: the same terms and matching as the public
 * search for live articles (through the index), and for text visitors cannot
 * see — drafts, review, scheduled, unpublished articles, and a live article's
 * pending edit (not indexed, and few) — every term as a case-insensitive
 * substring of the title or body. Newest edits first. Returns a page of ids
 * and the total. Only rows `who` may list are searched, and working copies
 * (drafts, pending edits) only where `who` may read them (lib/articles/access.ts),
 * so the count is no oracle for text one may not read.
 */
export async function adminArticleSearch(
  match: string,
  substrings: string[],
  filter: AdminArticleFilter,
  who: Who,
  limit: number,
  offset: number,
): Promise<{ ids: number[]; total: number }> {
  const listable = listableSql(who, "a", "sqlite");
  const working = workingCopySql(who, "a", "sqlite");
  const cond: string[] = [listable.sql];
  const args: unknown[] = [...listable.args];
  const filterBy = (sql: string, ...arg: unknown[]) => {
    cond.push(sql);
    args.push(...arg);
  };
  if (filter.status) {
    const byStatus = listedStatusSql(who, filter.status, "a", "sqlite");
    filterBy(byStatus.sql, ...byStatus.args);
  }
  if (filter.isLive !== undefined) filterBy(`a."isLive" = ?`, filter.isLive ? 1 : 0);
  if (filter.sectionId) filterBy(`a."sectionId" = ?`, filter.sectionId);
  if (filter.createdById) filterBy(`a."createdById" = ?`, filter.createdById);
  const notLive = substrings.map(() => `instr(lower(a."title" || ' ' || a."bodyHtml"), lower(?)) > 0`).join(" AND ");
  // A live article's unpublished edit lives only in its head revision's snapshot (JSON of title, body…).
  const pendingEdit = substrings.map(() => `instr(lower(json_extract(r."snapshot", '$.title') || ' ' || json_extract(r."snapshot", '$.bodyHtml')), lower(?)) > 0`).join(" AND ");
  cond.push(
    `((a."isLive" = 1 AND a."id" IN (${MATCHING} AND "rowid" > 0)) OR (${working.sql} AND a."isLive" = 0 AND ${notLive})` +
      ` OR (${working.sql} AND a."isLive" = 1 AND a."headRevisionId" <> a."liveRevisionId" AND EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."id" = a."headRevisionId" AND ${pendingEdit})))`,
  );
  args.push(match, ...working.args, ...substrings, ...working.args, ...substrings);
  const where = cond.join(" AND ");
  const [countRow] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "Article" a WHERE ${where}`, ...args);
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT a."id" AS id FROM "Article" a WHERE ${where} ORDER BY ${listOrderSql(who, "a")} LIMIT ? OFFSET ?`,
    ...args,
    limit,
    offset,
  );
  return { ids: rows.map((r) => Number(r.id)), total: Number(countRow?.n ?? 0) };
}
