import { listableSql, publicSql, workingCopySql, type Who } from "../articles/access";
import pg from "pg";
import { db } from "../db";
import { databaseUrl } from "../db/url";
import type { Prisma } from "../generated/prisma/client";
import type { AdminArticleFilter, DocKind, MatchFilter } from "./index-sqlite";
import { tsqueryExpression, type QueryTerm } from "./tokenize";
import { docTokens, type DocMeta } from "./doc-text";

/**
 * The search index on PostgreSQL, behind the same functions as
 * index-sqlite.ts (lib/search/index.ts picks one by DATABASE_URL). Debian's
 * PostgreSQL has no Chinese parser (zhparser, pg_jieba, pg_bigm), so the
 * same character-pair tokens as SQLite go into a tsvector with the 'simple'
 * configuration and a GIN index: a Chinese word is a phrase of consecutive
 * pairs (<->), a single character a prefix (:*).
 *
 * "SearchIndex" has one row per live article (rowid = id) or page (rowid =
 * minus the id); title tokens are weighted A, body tokens D, so ts_rank with
 * weights {D 0.1, A 1.0} weighs a title match ten times a body match, like
 * bm25(10, 1) on SQLite. Kept in step inside the publishing transaction.
 */

type Client = Prisma.TransactionClient | typeof db;

/** Numbers `?` placeholders as $1, $2 … so both engines' SQL can be written alike (no `?` operators used here). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
/**
 * Searches read through a small pool of their own with enable_seqscan off.
 * The planner cannot know that testing a tsvector costs a detoast per row:
 * for a word in most documents it picks a sequential scan (390 ms for
 * 20,000 articles) over the GIN bitmap scan (3 ms). work_mem keeps the
 * bitmap of 100,000 matches exact (a lossy one rechecks every row). The
 * tsvectors stay in the TOAST table (default storage): the heap stays small,
 * so a word or prefix match reads ~1,000 pages, not one page per document;
 * a phrase (<->) still re-reads the tsvector of every candidate, since GIN
 * stores no positions. Nothing else runs on these connections.
 */
let readPool: pg.Pool | null = null;
function reads(): pg.Pool {
  if (!readPool) {
    readPool = new pg.Pool({ connectionString: databaseUrl(), max: 4, options: "-c enable_seqscan=off -c work_mem=64MB" });
    readPool.on("error", (err) => console.error("[search] PostgreSQL pool:", err.message));
  }
  return readPool;
}
const run = async <T>(sql: string, ...args: unknown[]): Promise<T[]> => (await reads().query(numbered(sql), args)).rows as T[];

const TOKENS = `setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'D')`;
const UPSERT = numbered(
  `INSERT INTO "SearchIndex" ("rowid", "tokens") VALUES (?, ${TOKENS}) ON CONFLICT ("rowid") DO UPDATE SET "tokens" = excluded."tokens"`,
);

const docRowid = (kind: DocKind, id: number) => (kind === "article" ? id : -id);

const tokens = docTokens;

async function indexDoc(client: Client, kind: DocKind, id: number, title: string, bodyHtml: string, meta?: DocMeta): Promise<void> {
  await client.$executeRawUnsafe(UPSERT, docRowid(kind, id), ...tokens(title, bodyHtml, meta));
}

export async function removeDoc(client: Client, kind: DocKind, id: number): Promise<void> {
  await client.$executeRawUnsafe(`DELETE FROM "SearchIndex" WHERE "rowid" = $1`, docRowid(kind, id));
}

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

export async function indexNeedsRebuild(): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<{ has: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM "SearchIndex") AS has`);
  if (row?.has) return false;
  return (await db.article.count({ where: { isLive: true } })) + (await db.page.count()) > 0;
}

export async function clearIndex(): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "SearchIndex"`);
}

/**
 * Rebuilds the whole index in one transaction, 1,000 documents per
 * INSERT … SELECT FROM unnest(…), on its own pg connection (statement by
 * statement through the Prisma adapter, 100,000 articles took minutes).
 * The rows go into a fresh table without indexes and the GIN index is built
 * once at the end — growing a GIN index row by row was ten times slower —
 * then the tables are swapped. Searches keep reading the old index until
 * the commit; publishing waits for the rebuild (SHARE lock), as on SQLite.
 */
export async function rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
  const conn = new pg.Client({ connectionString: databaseUrl() });
  await conn.connect();
  const insert = `INSERT INTO "SearchIndex_build" ("rowid", "tokens")
    SELECT r, setweight(to_tsvector('simple', t), 'A') || setweight(to_tsvector('simple', b), 'D') FROM unnest($1::int[], $2::text[], $3::text[]) AS x(r, t, b)`;
  const put = (rows: ({ rowid: number; title: string; bodyHtml: string } & DocMeta)[]) => {
    const toks = rows.map((r) => tokens(r.title, r.bodyHtml, r));
    return conn.query(insert, [rows.map((r) => r.rowid), toks.map((t) => t[0]), toks.map((t) => t[1])]);
  };
  try {
    const count = async (sql: string) => Number((await conn.query<{ n: string }>(sql)).rows[0].n);
    await conn.query("BEGIN");
    await conn.query(`LOCK TABLE "SearchIndex" IN SHARE MODE`);
    const total = (await count(`SELECT count(*) AS n FROM "Article" WHERE "isLive"`)) + (await count(`SELECT count(*) AS n FROM "Page"`));
    await conn.query(`DROP TABLE IF EXISTS "SearchIndex_build"`);
    await conn.query(`CREATE TABLE "SearchIndex_build" ("rowid" INTEGER NOT NULL, "tokens" TSVECTOR NOT NULL)`);
    let done = 0;
    for (let after = 0; ; ) {
      const { rows } = await conn.query<{ rowid: number; title: string; bodyHtml: string } & DocMeta>(
        `SELECT a."id" AS rowid, a."title", a."bodyHtml", d."docNumber", d."issuer" FROM "Article" a LEFT JOIN "ArticleDisclosure" d ON d."articleId" = a."id"
         WHERE a."isLive" AND a."id" > $1 ORDER BY a."id" LIMIT 1000`,
        [after],
      );
      if (rows.length === 0) break;
      await put(rows);
      after = rows[rows.length - 1].rowid;
      done += rows.length;
      onProgress?.(done, total);
    }
    const pages = await conn.query<{ rowid: number; title: string; bodyHtml: string }>(`SELECT -"id" AS rowid, "title", "bodyHtml" FROM "Page"`);
    if (pages.rows.length) await put(pages.rows);
    // The same names as the migration creates (20261130030000_search).
    await conn.query(`DROP TABLE "SearchIndex"`);
    await conn.query(`ALTER TABLE "SearchIndex_build" RENAME TO "SearchIndex"`);
    await conn.query(`ALTER TABLE "SearchIndex" ADD CONSTRAINT "SearchIndex_pkey" PRIMARY KEY ("rowid")`);
    await conn.query(`CREATE INDEX "SearchIndex_tokens_idx" ON "SearchIndex" USING GIN ("tokens")`);
    await conn.query("COMMIT");
    await conn.query(`ANALYZE "SearchIndex"`);
    onProgress?.(total, total);
    return total;
  } catch (err) {
    await conn.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await conn.end();
  }
}

// ---- Queries -------------------------------------------------------------

export const matchExpression = (terms: QueryTerm[]): string | null => tsqueryExpression(terms);

// Prisma's PostgreSQL columns are TIMESTAMP(3) holding UTC.
const stored = (d: Date) => d.toISOString().slice(0, 23).replace("T", " ");
const MATCHING = `SELECT "rowid" FROM "SearchIndex" WHERE "tokens" @@ to_tsquery('simple', ?)`;

function rowFilters(f: MatchFilter, dateColumn: string, sectionColumn: string | null): { sql: string; args: unknown[] } {
  const sql: string[] = [];
  const args: unknown[] = [];
  if (sectionColumn && f.sectionIds) {
    sql.push(`${sectionColumn} IN (${f.sectionIds.map(() => "?::int").join(", ")})`);
    args.push(...f.sectionIds);
  }
  if (f.from) {
    sql.push(`${dateColumn} >= ?::timestamp`);
    args.push(stored(f.from));
  }
  if (f.to) {
    sql.push(`${dateColumn} < ?::timestamp`);
    args.push(stored(f.to));
  }
  return { sql: sql.map((s) => ` AND ${s}`).join(""), args };
}

const filtered = (f: MatchFilter) => !!(f.sectionIds || f.from || f.to);

type Query = { sql: string; args: unknown[] };

async function count(q: Query): Promise<number> {
  const [row] = await run<{ n: number | bigint }>(`SELECT count(*) AS n FROM (${q.sql}) AS m`, ...q.args);
  return Number(row?.n ?? 0);
}

function matchingArticles(f: MatchFilter): Query {
  const a = rowFilters(f, `a."publishedAt"`, `a."sectionId"`);
  return {
    sql: `SELECT a."id" AS rowid, a."publishedAt" AS d FROM "Article" a WHERE ${publicSql("a", "postgresql")}${a.sql} AND a."id" IN (${MATCHING} AND "rowid" > 0)`,
    args: [...a.args, f.match],
  };
}

function matchingPages(f: MatchFilter): Query | null {
  if (f.sectionIds) return null;
  const p = rowFilters(f, `p."updatedAt"`, null);
  return {
    sql: `SELECT -p."id" AS rowid, p."updatedAt" AS d FROM "Page" p WHERE true${p.sql} AND -p."id" IN (${MATCHING} AND "rowid" < 0)`,
    args: [...p.args, f.match],
  };
}

function matchingRows(f: MatchFilter): Query {
  const a = matchingArticles(f);
  const p = matchingPages(f);
  return p ? { sql: `${a.sql} UNION ALL ${p.sql}`, args: [...a.args, ...p.args] } : a;
}

export async function countMatches(f: MatchFilter): Promise<number> {
  // Unfiltered, the index alone answers (it only ever holds live content).
  return count(filtered(f) ? matchingRows(f) : { sql: MATCHING, args: [f.match] });
}

export async function newestMatches(f: MatchFilter, limit: number, offset: number): Promise<number[]> {
  const q = matchingRows(f);
  const rows = await run<{ rowid: number }>(`${q.sql} ORDER BY d DESC, rowid DESC LIMIT ?::int OFFSET ?::int`, ...q.args, limit, offset);
  return rows.map((r) => Number(r.rowid));
}

/** See index-sqlite.ts: the `size`-th most recently added matching article bounds the ranking window. */
export async function rankWindowStart(f: MatchFilter, size: number): Promise<number | null> {
  const q = filtered(f) ? matchingArticles(f) : { sql: `${MATCHING} AND "rowid" > 0`, args: [f.match] };
  const rows = await run<{ rowid: number }>(`${q.sql} ORDER BY rowid DESC LIMIT 1 OFFSET ?::int`, ...q.args, size - 1);
  return rows.length ? Number(rows[0].rowid) : null;
}

export async function rankedMatches(f: MatchFilter, windowStart: number | null, limit: number, offset: number): Promise<number[]> {
  const a = rowFilters(f, `a."publishedAt"`, `a."sectionId"`);
  const p = rowFilters(f, `p."updatedAt"`, null);
  const window = windowStart === null ? "" : ` AND (s."rowid" >= ?::int OR s."rowid" < 0)`;
  const visible = f.sectionIds ? `(${publicSql("a", "postgresql")}${a.sql})` : `((${publicSql("a", "postgresql")}${a.sql}) OR (p."id" IS NOT NULL${p.sql}))`;
  const rows = await run<{ rowid: number }>(
    `SELECT s."rowid" AS rowid, ts_rank('{0.1, 0.2, 0.4, 1.0}', s."tokens", q.q) AS score, coalesce(a."publishedAt", p."updatedAt") AS d
     FROM (SELECT to_tsquery('simple', ?) AS q) q
     JOIN "SearchIndex" s ON s."tokens" @@ q.q
     LEFT JOIN "Article" a ON a."id" = s."rowid" LEFT JOIN "Page" p ON p."id" = -s."rowid"
     WHERE true${window} AND ${visible}
     ORDER BY score DESC, d DESC, rowid DESC LIMIT ?::int OFFSET ?::int`,
    f.match,
    ...(windowStart === null ? [] : [windowStart]),
    ...a.args,
    ...(f.sectionIds ? [] : p.args),
    limit,
    offset,
  );
  return rows.map((r) => Number(r.rowid));
}

/**
 * Total and ranking-window start from ONE pass over the matches: a phrase
 * match re-reads every candidate's tsvector (GIN keeps no positions), so
 * counting and then finding the window separately cost that twice.
 */
export async function matchStats(f: MatchFilter, windowSize: number | null): Promise<{ total: number; windowStart: number | null }> {
  const q = filtered(f) ? matchingRows(f) : { sql: MATCHING, args: [f.match] };
  const window = windowSize === null ? "NULL::int" : `(array_agg(m."rowid" ORDER BY m."rowid" DESC) FILTER (WHERE m."rowid" > 0))[?::int]`;
  const [row] = await run<{ n: string | number; start: number | null }>(
    `SELECT count(*) AS n, ${window} AS start FROM (${q.sql}) AS m`,
    ...(windowSize === null ? [] : [windowSize]),
    ...q.args,
  );
  const total = Number(row?.n ?? 0);
  return { total, windowStart: windowSize !== null && total > windowSize && row?.start != null ? Number(row.start) : null };
}

export async function countMatchingPages(f: MatchFilter): Promise<number> {
  const p = matchingPages(f);
  return p ? count(p) : 0;
}

/** See index-sqlite.ts: live articles through the index, everything visitors cannot see by substring. */
export async function adminArticleSearch(
  match: string,
  substrings: string[],
  filter: AdminArticleFilter,
  who: Who,
  limit: number,
  offset: number,
): Promise<{ ids: number[]; total: number }> {
  const listable = listableSql(who, "a", "postgresql");
  const working = workingCopySql(who, "a", "postgresql");
  const cond: string[] = [listable.sql];
  const args: unknown[] = [...listable.args];
  const filterBy = (sql: string, arg: unknown) => {
    cond.push(sql);
    args.push(arg);
  };
  if (filter.status) filterBy(`a."status" = ?`, filter.status);
  if (filter.isLive !== undefined) filterBy(`a."isLive" = ?::boolean`, filter.isLive);
  if (filter.sectionId) filterBy(`a."sectionId" = ?::int`, filter.sectionId);
  if (filter.createdById) filterBy(`a."createdById" = ?::int`, filter.createdById);
  const notLive = substrings.map(() => `strpos(lower(a."title" || ' ' || a."bodyHtml"), lower(?)) > 0`).join(" AND ");
  const pendingEdit = substrings
    .map(() => `strpos(lower(coalesce(r."snapshot"::jsonb ->> 'title', '') || ' ' || coalesce(r."snapshot"::jsonb ->> 'bodyHtml', '')), lower(?)) > 0`)
    .join(" AND ");
  cond.push(
    `((a."isLive" AND a."id" IN (${MATCHING} AND "rowid" > 0)) OR (${working.sql} AND NOT a."isLive" AND ${notLive})` +
      ` OR (${working.sql} AND a."isLive" AND a."headRevisionId" <> a."liveRevisionId" AND EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."id" = a."headRevisionId" AND ${pendingEdit})))`,
  );
  args.push(match, ...working.args, ...substrings, ...working.args, ...substrings);
  const where = cond.join(" AND ");
  const [countRow] = await run<{ n: number | bigint }>(`SELECT count(*) AS n FROM "Article" a WHERE ${where}`, ...args);
  const rows = await run<{ id: number }>(
    `SELECT a."id" AS id FROM "Article" a WHERE ${where} ORDER BY a."updatedAt" DESC, a."id" DESC LIMIT ?::int OFFSET ?::int`,
    ...args,
    limit,
    offset,
  );
  return { ids: rows.map((r) => Number(r.id)), total: Number(countRow?.n ?? 0) };
}
