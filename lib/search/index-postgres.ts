import { listableSql, listedStatusSql, listOrderSql, publicSql, workingCopySql, type Who } from "../articles/access";
import pg from "pg";
import { db } from "../db";
import { databaseUrl } from "../db/url";
import type { Prisma } from "../generated/prisma/client";
import type { AdminArticleFilter, DocKind, MatchFilter, MatchStats, RankWindow } from "./index-sqlite";
import { indexPieces, indexTokens, pgMatch, type PgMatch, type QueryTerm } from "./tokenize";
import { docText, type DocMeta } from "./doc-text";

/**
 * The search index on PostgreSQL, behind the same functions as
 * index-sqlite.ts (lib/search/index.ts picks one by DATABASE_URL). Debian's
 * PostgreSQL has no Chinese parser (zhparser, pg_jieba, pg_bigm), so the
 * same character-pair tokens as SQLite go into a tsvector with the 'simple'
 * configuration and a GIN index.
 *
 * Two tables, one row each per live article (rowid = id) or page (rowid =
 * minus the id), kept in step inside the publishing transaction:
 * - "SearchIndex"."tokens": title tokens weighted A, body tokens D, so
 *   ts_rank with weights {D 0.1, A 1.0} weighs a title match ten times a body
 *   match, like bm25(10, 1) on SQLite. Its GIN index finds candidates by
 *   exact pairs and prefixes only (pgMatch in tokenize.ts): no phrase (<->),
 *   which made PostgreSQL re-read every candidate's tsvector (GIN keeps no
 *   positions). The tsvector goes to TOAST (toast_tuple_target 128): the
 *   heap keeps ~60 bytes a row, so sorting every candidate by rowid is cheap.
 * - "SearchText"."plain": the text as pieces (indexPieces), in the row and
 *   uncompressed up to 8 kB, on which a candidate of a word of 3+ characters
 *   is checked (strpos), and which alone matches the newest rows when they
 *   are walked in rowid order.
 */

type Client = Prisma.TransactionClient | typeof db;

/** Numbers `?` placeholders as $1, $2 … so both engines' SQL can be written alike (no `?` operators used here). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
/**
 * Searches read through a small pool of their own. enable_seqscan off: the
 * planner cannot know that testing a row costs a TOAST read, and for a word
 * in most documents it picks a sequential scan over the index. work_mem keeps
 * the bitmap of 100,000 matches exact (a lossy one rechecks every row). No
 * JIT and no parallel workers: both cost more to start than these queries
 * take. Nothing else runs on these connections.
 */
let readPool: pg.Pool | null = null;
function reads(): pg.Pool {
  if (!readPool) {
    readPool = new pg.Pool({
      connectionString: databaseUrl(),
      max: 4,
      options: "-c enable_seqscan=off -c work_mem=64MB -c jit=off -c max_parallel_workers_per_gather=0",
    });
    readPool.on("error", (err) => console.error("[search] PostgreSQL pool:", err.message));
  }
  return readPool;
}
const run = async <T>(sql: string, ...args: unknown[]): Promise<T[]> => (await reads().query(numbered(sql), args)).rows as T[];

const TOKENS = `setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'D')`;
const UPSERT_TOKENS = numbered(
  `INSERT INTO "SearchIndex" ("rowid", "tokens") VALUES (?, ${TOKENS}) ON CONFLICT ("rowid") DO UPDATE SET "tokens" = excluded."tokens"`,
);
const UPSERT_TEXT = numbered(`INSERT INTO "SearchText" ("rowid", "plain") VALUES (?, ?) ON CONFLICT ("rowid") DO UPDATE SET "plain" = excluded."plain"`);

const docRowid = (kind: DocKind, id: number) => (kind === "article" ? id : -id);

/** [title tokens, body tokens, plain text] of a document. */
function docRow(title: string, bodyHtml: string, meta?: DocMeta): [string, string, string] {
  const [t, b] = docText(title, bodyHtml, meta);
  return [indexTokens(t), indexTokens(b), indexPieces(t) + indexPieces(b)];
}

async function indexDoc(client: Client, kind: DocKind, id: number, title: string, bodyHtml: string, meta?: DocMeta): Promise<void> {
  const [t, b, plain] = docRow(title, bodyHtml, meta);
  await client.$executeRawUnsafe(UPSERT_TOKENS, docRowid(kind, id), t, b);
  await client.$executeRawUnsafe(UPSERT_TEXT, docRowid(kind, id), plain);
}

export async function removeDoc(client: Client, kind: DocKind, id: number): Promise<void> {
  await client.$executeRawUnsafe(`DELETE FROM "SearchIndex" WHERE "rowid" = $1`, docRowid(kind, id));
  await client.$executeRawUnsafe(`DELETE FROM "SearchText" WHERE "rowid" = $1`, docRowid(kind, id));
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
  await db.$executeRawUnsafe(`DELETE FROM "SearchText"`);
}

/** The tables as the migration 20261205010000_search_plain creates them, for the rebuild's fresh copies. */
const createTables = (suffix: string) => [
  `CREATE TABLE "SearchIndex${suffix}" ("rowid" INTEGER NOT NULL, "tokens" TSVECTOR NOT NULL) WITH (toast_tuple_target = 128)`,
  `ALTER TABLE "SearchIndex${suffix}" ALTER COLUMN "tokens" SET STORAGE EXTERNAL`,
  `CREATE TABLE "SearchText${suffix}" ("rowid" INTEGER NOT NULL, "plain" TEXT NOT NULL) WITH (toast_tuple_target = 8160)`,
  `ALTER TABLE "SearchText${suffix}" ALTER COLUMN "plain" SET STORAGE EXTERNAL`,
];
const createIndexes = [
  `ALTER TABLE "SearchIndex" ADD CONSTRAINT "SearchIndex_pkey" PRIMARY KEY ("rowid")`,
  `ALTER TABLE "SearchText" ADD CONSTRAINT "SearchText_pkey" PRIMARY KEY ("rowid")`,
  `CREATE INDEX "SearchIndex_tokens_idx" ON "SearchIndex" USING GIN ("tokens") WITH (fastupdate = off)`,
];

/**
 * Rebuilds the whole index in one transaction, 1,000 documents per
 * INSERT … SELECT FROM unnest(…), on its own pg connection (statement by
 * statement through the Prisma adapter, 100,000 articles took minutes).
 * The rows go into a fresh table without indexes and the GIN index is built
 * once at the end — growing a GIN index row by row was ten times slower —
 * then the tables are swapped. Node tokenizes the next 1,000 documents while
 * PostgreSQL stores the last.
 * Searches keep reading the old index until the commit; publishing waits
 * for the rebuild (SHARE lock), as on SQLite.
 */
export async function rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
  const conn = new pg.Client({ connectionString: databaseUrl() });
  await conn.connect();
  const insert = `WITH x AS (SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS x(r, t, b, p)),
    i AS (INSERT INTO "SearchIndex_build" ("rowid", "tokens") SELECT r, setweight(to_tsvector('simple', t), 'A') || setweight(to_tsvector('simple', b), 'D') FROM x)
    INSERT INTO "SearchText_build" ("rowid", "plain") SELECT r, p FROM x`;
  type Doc = { rowid: number; title: string; bodyHtml: string } & DocMeta;
  const tokenized = async (rows: Doc[]) => {
    const docs: [string, string, string][] = [];
    for (const r of rows) {
      docs.push(docRow(r.title, r.bodyHtml, r));
      // Lets the socket send the INSERT that is under way (a megabyte or two) meanwhile.
      if (docs.length % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return [rows.map((r) => r.rowid), ...[0, 1, 2].map((i) => docs.map((d) => d[i]))];
  };
  const articlesAfter = async (after: number) =>
    (
      await conn.query<Doc>(
        `SELECT a."id" AS rowid, a."title", a."bodyHtml", d."docNumber", d."issuer" FROM "Article" a LEFT JOIN "ArticleDisclosure" d ON d."articleId" = a."id"
         WHERE a."isLive" AND a."id" > $1 ORDER BY a."id" LIMIT 1000`,
        [after],
      )
    ).rows;
  try {
    const count = async (sql: string) => Number((await conn.query<{ n: string }>(sql)).rows[0].n);
    await conn.query("BEGIN");
    await conn.query(`LOCK TABLE "SearchIndex" IN SHARE MODE`);
    const total = (await count(`SELECT count(*) AS n FROM "Article" WHERE "isLive"`)) + (await count(`SELECT count(*) AS n FROM "Page"`));
    await conn.query(`DROP TABLE IF EXISTS "SearchIndex_build", "SearchText_build"`);
    for (const sql of createTables("_build")) await conn.query(sql);
    let done = 0;
    let rows = await articlesAfter(0);
    let batch = await tokenized(rows);
    while (rows.length > 0) {
      const next = await articlesAfter(rows[rows.length - 1].rowid);
      // One query at a time on the connection; Node tokenizes the next batch while PostgreSQL stores this one.
      const storing = conn.query(insert, batch);
      storing.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      const nextBatch = await tokenized(next);
      await storing;
      done += rows.length;
      onProgress?.(done, total);
      [rows, batch] = [next, nextBatch];
    }
    const pages = await conn.query<Doc>(`SELECT -"id" AS rowid, "title", "bodyHtml" FROM "Page"`);
    if (pages.rows.length) await conn.query(insert, await tokenized(pages.rows));
    await conn.query(`DROP TABLE "SearchIndex", "SearchText"`);
    await conn.query(`ALTER TABLE "SearchIndex_build" RENAME TO "SearchIndex"`);
    await conn.query(`ALTER TABLE "SearchText_build" RENAME TO "SearchText"`);
    // The GIN index of 100,000 documents builds in memory rather than in 64 MB runs.
    await conn.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const sql of createIndexes) await conn.query(sql);
    await conn.query("COMMIT");
    await conn.query(`ANALYZE "SearchIndex", "SearchText"`);
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

/** The match travels as JSON of pgMatch's parts (MatchFilter.match is a string on both engines). */
export const matchExpression = (terms: QueryTerm[]): string | null => {
  const m = pgMatch(terms);
  return m && JSON.stringify(m);
};
const parsed = (match: string) => JSON.parse(match) as PgMatch;

type Query = { sql: string; args: unknown[] };

/** GIN candidates of every term (exact pairs and prefixes: no recheck). */
function candidates(match: string, alias = "s"): Query {
  return { sql: `${alias}."tokens" @@ to_tsquery('simple', ?)`, args: [parsed(match).lexemes] };
}

/**
 * The words of 3+ characters as substrings of the row's text: what decides
 * among the candidates ("true" when there are none). A subquery per row, so
 * that only the rows that get this far read their text.
 */
function verified(match: string, rowid: string): Query {
  const { verify } = parsed(match);
  if (verify.length === 0) return { sql: "true", args: [] };
  return { sql: `(SELECT ${verify.map(() => `strpos(t."plain", ?) > 0`).join(" AND ")} FROM "SearchText" t WHERE t."rowid" = ${rowid})`, args: verify };
}

/** The exact match through the index: candidates, then verified. */
function indexed(match: string, alias = "s"): Query {
  const c = candidates(match, alias);
  const v = verified(match, `${alias}."rowid"`);
  return { sql: `${c.sql} AND ${v.sql}`, args: [...c.args, ...v.args] };
}

/** The same match by substrings of "SearchText"."plain" alone, for rows reached through its primary key. */
function scanned(match: string, alias = "t"): Query {
  const { substrings } = parsed(match);
  return { sql: substrings.map(() => `strpos(${alias}."plain", ?) > 0`).join(" AND "), args: substrings };
}

// Prisma's PostgreSQL columns are TIMESTAMP(3) holding UTC.
const stored = (d: Date) => d.toISOString().slice(0, 23).replace("T", " ");

function matching(match: string, rowids: "> 0" | "< 0" | null): Query {
  const m = indexed(match);
  return { sql: `SELECT s."rowid" FROM "SearchIndex" s WHERE ${m.sql}${rowids ? ` AND s."rowid" ${rowids}` : ""}`, args: m.args };
}

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

async function count(q: Query): Promise<number> {
  const [row] = await run<{ n: number | bigint }>(`SELECT count(*) AS n FROM (${q.sql}) AS m`, ...q.args);
  return Number(row?.n ?? 0);
}

function matchingArticles(f: MatchFilter): Query {
  const a = rowFilters(f, `a."publishedAt"`, `a."sectionId"`);
  const m = matching(f.match, "> 0");
  return {
    sql: `SELECT a."id" AS rowid, a."publishedAt" AS d FROM "Article" a WHERE ${publicSql("a", "postgresql")}${a.sql} AND a."id" IN (${m.sql})`,
    args: [...a.args, ...m.args],
  };
}

/** Pages are few: reached through the primary key (rowid < 0) and matched by substrings. */
function matchingPages(f: MatchFilter): Query | null {
  if (f.sectionIds) return null;
  const p = rowFilters(f, `p."updatedAt"`, null);
  const m = scanned(f.match);
  return {
    sql: `SELECT -p."id" AS rowid, p."updatedAt" AS d FROM "Page" p WHERE true${p.sql} AND -p."id" IN (SELECT t."rowid" FROM "SearchText" t WHERE t."rowid" < 0 AND ${m.sql})`,
    args: [...p.args, ...m.args],
  };
}

function matchingRows(f: MatchFilter): Query {
  const a = matchingArticles(f);
  const p = matchingPages(f);
  return p ? { sql: `${a.sql} UNION ALL ${p.sql}`, args: [...a.args, ...p.args] } : a;
}

export async function countMatches(f: MatchFilter, cap?: number): Promise<number> {
  // Unfiltered, the index alone answers (it only ever holds live content).
  const q = filtered(f) ? matchingRows(f) : matching(f.match, null);
  return cap === undefined ? count(q) : count({ sql: `${q.sql} LIMIT ?::int`, args: [...q.args, cap + 1] });
}

export async function newestMatches(f: MatchFilter, limit: number, offset: number): Promise<number[]> {
  const q = matchingRows(f);
  const rows = await run<{ rowid: number }>(`${q.sql} ORDER BY d DESC, rowid DESC LIMIT ?::int OFFSET ?::int`, ...q.args, limit, offset);
  return rows.map((r) => Number(r.rowid));
}

/**
 * The newest `limit` matching rowids (articles newest first, then pages),
 * through the index: every candidate's rowid comes from the narrow heap and
 * is sorted, and only then are the newest checked for the words of 3+
 * characters, until `limit` have passed (the OFFSET 0 keeps the check above
 * the sort: the text is read for those rows only).
 */
async function newestIndexed(match: string, limit: number, articlesOnly: boolean): Promise<number[]> {
  const c = candidates(match);
  const v = verified(match, `c."rowid"`);
  const rows = await run<{ rowid: number }>(
    `SELECT c."rowid" FROM (SELECT s."rowid" FROM "SearchIndex" s WHERE ${c.sql}${articlesOnly ? ` AND s."rowid" > 0` : ""} ORDER BY s."rowid" DESC OFFSET 0) c
     WHERE ${v.sql} ORDER BY c."rowid" DESC LIMIT ?::int`,
    ...c.args,
    ...v.args,
    limit,
  );
  return rows.map((r) => Number(r.rowid));
}

/**
 * The newest `limit` matching articles among the newest `rows` articles of
 * the index, walking the primary key backwards with the substring test: for
 * a word in a fifth of the documents or more, ~limit × 5 rows, and no GIN
 * scan over its tens of thousands of matches.
 */
async function newestWalked(match: string, rows: number, limit: number): Promise<number[]> {
  const m = scanned(match, "w");
  const found = await run<{ rowid: number }>(
    `SELECT w."rowid" FROM (SELECT t."rowid", t."plain" FROM "SearchText" t WHERE t."rowid" > 0 ORDER BY t."rowid" DESC LIMIT ?::int) w
     WHERE ${m.sql} ORDER BY w."rowid" DESC LIMIT ?::int`,
    rows,
    ...m.args,
    limit,
  );
  return found.map((r) => Number(r.rowid));
}

/** Rows sampled, and the share of them that must match, before walking rows instead of sorting every match. */
const PROBE_ROWS = 250;
const DENSE = 0.2;

/** See index-sqlite.ts. */
export async function rankWindowStart(f: MatchFilter, size: number): Promise<number | null> {
  if (!filtered(f)) return (await newestIndexed(f.match, size, true))[size - 1] ?? null;
  const q = matchingArticles(f);
  const rows = await run<{ rowid: number }>(`${q.sql} ORDER BY rowid DESC LIMIT 1 OFFSET ?::int`, ...q.args, size - 1);
  return rows.length ? Number(rows[0].rowid) : null;
}

/**
 * Within a window, ts_rank reads the tsvector of matching rows only. A dense
 * window's rows (from its start on, and the pages) come through the primary
 * key and are matched by substrings; a sparse one's through the index.
 */
export async function rankedMatches(f: MatchFilter, window: RankWindow | null, limit: number, offset: number): Promise<number[]> {
  const a = rowFilters(f, `a."publishedAt"`, `a."sectionId"`);
  const p = rowFilters(f, `p."updatedAt"`, null);
  // The matching rows with their tsvector (read for the rows that pass the filters only).
  let rowsSql: Query;
  if (window?.dense) {
    const m = scanned(f.match);
    rowsSql = {
      sql: `SELECT t."rowid", (SELECT s."tokens" FROM "SearchIndex" s WHERE s."rowid" = t."rowid") AS tokens FROM "SearchText" t WHERE (t."rowid" >= ?::int OR t."rowid" < 0) AND ${m.sql}`,
      args: [window.start, ...m.args],
    };
  } else {
    const m = indexed(f.match);
    const range = window ? `(s."rowid" >= ?::int OR s."rowid" < 0) AND ` : "";
    rowsSql = { sql: `SELECT s."rowid", s."tokens" FROM "SearchIndex" s WHERE ${range}${m.sql}`, args: [...(window ? [window.start] : []), ...m.args] };
  }
  const visible = f.sectionIds ? `(${publicSql("a", "postgresql")}${a.sql})` : `((${publicSql("a", "postgresql")}${a.sql}) OR (p."id" IS NOT NULL${p.sql}))`;
  const rows = await run<{ rowid: number }>(
    `SELECT m."rowid" AS rowid, ts_rank('{0.1, 0.2, 0.4, 1.0}', m."tokens", to_tsquery('simple', ?)) AS score, coalesce(a."publishedAt", p."updatedAt") AS d
     FROM (${rowsSql.sql}) m
     LEFT JOIN "Article" a ON a."id" = m."rowid" LEFT JOIN "Page" p ON p."id" = -m."rowid"
     WHERE ${visible}
     ORDER BY score DESC, d DESC, rowid DESC LIMIT ?::int OFFSET ?::int`,
    parsed(f.match).rank,
    ...rowsSql.args,
    ...a.args,
    ...(f.sectionIds ? [] : p.args),
    limit,
    offset,
  );
  return rows.map((r) => Number(r.rowid));
}

/**
 * See index-sqlite.ts. Unfiltered, with a window asked for: when a sample of
 * the newest rows says the word is dense, the newest cap + 1 matching
 * articles are walked (and then more than `cap` match); otherwise the newest
 * cap + 1 matches come through the index — either way, the count, whether it
 * was capped and the window's start from one query.
 */
export async function matchStats(f: MatchFilter, windowSize: number | null, cap: number): Promise<MatchStats> {
  const stats = (n: number, start: number | null, dense = false): MatchStats => ({
    total: Math.min(n, cap),
    capped: n > cap,
    window: start === null ? null : { start, dense },
  });
  if (windowSize === null || filtered(f)) {
    const n = await countMatches(f, cap);
    return stats(n, windowSize !== null && n > windowSize ? await rankWindowStart(f, windowSize) : null);
  }
  const need = Math.max(windowSize, cap) + 1;
  const probe = await newestWalked(f.match, PROBE_ROWS, need);
  if (probe.length >= PROBE_ROWS * DENSE) {
    const walked = probe.length >= need ? probe : await newestWalked(f.match, Math.ceil(need / DENSE), need);
    if (walked.length >= need) return stats(need, walked[windowSize - 1], true);
  }
  const newest = await newestIndexed(f.match, need, false);
  const articles = newest.filter((r) => r > 0);
  return stats(newest.length, newest.length > windowSize && articles.length >= windowSize ? articles[windowSize - 1] : null);
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
  const filterBy = (sql: string, ...arg: unknown[]) => {
    cond.push(sql);
    args.push(...arg);
  };
  if (filter.status) {
    const byStatus = listedStatusSql(who, filter.status, "a", "postgresql");
    filterBy(byStatus.sql, ...byStatus.args);
  }
  if (filter.isLive !== undefined) filterBy(`a."isLive" = ?::boolean`, filter.isLive);
  if (filter.sectionId) filterBy(`a."sectionId" = ?::int`, filter.sectionId);
  if (filter.createdById) filterBy(`a."createdById" = ?::int`, filter.createdById);
  const notLive = substrings.map(() => `strpos(lower(a."title" || ' ' || a."bodyHtml"), lower(?)) > 0`).join(" AND ");
  const pendingEdit = substrings
    .map(() => `strpos(lower(coalesce(r."snapshot"::jsonb ->> 'title', '') || ' ' || coalesce(r."snapshot"::jsonb ->> 'bodyHtml', '')), lower(?)) > 0`)
    .join(" AND ");
  const indexedMatch = matching(match, "> 0");
  cond.push(
    `((a."isLive" AND a."id" IN (${indexedMatch.sql})) OR (${working.sql} AND NOT a."isLive" AND ${notLive})` +
      ` OR (${working.sql} AND a."isLive" AND a."headRevisionId" <> a."liveRevisionId" AND EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."id" = a."headRevisionId" AND ${pendingEdit})))`,
  );
  args.push(...indexedMatch.args, ...working.args, ...substrings, ...working.args, ...substrings);
  const where = cond.join(" AND ");
  const [countRow] = await run<{ n: number | bigint }>(`SELECT count(*) AS n FROM "Article" a WHERE ${where}`, ...args);
  const rows = await run<{ id: number }>(
    `SELECT a."id" AS id FROM "Article" a WHERE ${where} ORDER BY ${listOrderSql(who, "a")} LIMIT ?::int OFFSET ?::int`,
    ...args,
    limit,
    offset,
  );
  return { ids: rows.map((r) => Number(r.id)), total: Number(countRow?.n ?? 0) };
}
