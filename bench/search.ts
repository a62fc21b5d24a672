// npm run bench:search — 100,000 generated Chinese articles in a separate database: index build time and size,
// then 1,000 mixed queries (1-, 2-, 3- and 4+-character words, phrases, numbers, no-hit words) through the real
// search() against the same queries as a plain LIKE '%q%' scan (ILIKE on PostgreSQL), BENCH_RUNS times
// (default 3). Prints p50/p95/p99, the ratio and the medians.
// Engine from DATABASE_URL: unset or file: → a SQLite file under data/bench-search; postgresql://…/name →
// a database name_bench_search on that server, created for the run and dropped after it (BENCH_KEEP=1 keeps it for BENCH_REUSE=1).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const FILE = path.resolve("data/bench-search/search.db");
const N = Number(process.env.BENCH_ARTICLES || 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES || 1000);
// A LIKE scan of 100,000 articles takes about a second; every 10th query of the same mix is enough for its percentiles.
const RUNS = Number(process.env.BENCH_RUNS || 3);
const LIKE_EVERY = Number(process.env.BENCH_LIKE_EVERY || (N > 20_000 ? 10 : 1));

/** Deterministic pseudo-random numbers, so every run generates the same articles and queries. */
function lcg(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const given = process.env.DATABASE_URL ?? "";
const PG_SERVER = /^postgres(ql)?:\/\//.test(given) ? given : null;
const PG_URL = PG_SERVER ? withDatabase(PG_SERVER, `${new URL(PG_SERVER).pathname.slice(1) || "portal"}_bench_search`) : null;
const ENGINE = PG_URL ? "PostgreSQL tsvector" : "SQLite FTS5";
const LIKE = PG_URL ? "ILIKE" : "LIKE";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(sql: string): Promise<void> {
  // CREATE/DROP DATABASE run from the maintenance database: the named one may not exist yet.
  const c = new pg.Client({ connectionString: withDatabase(PG_SERVER!, "postgres") });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
const pgName = () => `"${new URL(PG_URL!).pathname.slice(1)}"`;

async function main() {
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), node ${process.version}; ${ENGINE}; ${N} articles, ${QUERIES} queries`);
  // BENCH_REUSE=1 keeps the last generated database and index and runs the queries only.
  let reuse = !!process.env.BENCH_REUSE;
  if (PG_URL) {
    if (!reuse) {
      await onServer(`DROP DATABASE IF EXISTS ${pgName()} WITH (FORCE)`);
      await onServer(`CREATE DATABASE ${pgName()} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    }
    process.env.DATABASE_URL = PG_URL;
  } else {
    reuse &&= fs.existsSync(FILE);
    if (!reuse) fs.rmSync(path.dirname(FILE), { recursive: true, force: true });
    process.env.DATABASE_URL = `file:${FILE}`;
  }
  process.env.UPLOAD_DIR = "data/bench-search/uploads";
  const { db } = await import("../lib/db");
  if (!reuse) await generateAndIndex();
  else console.log("reusing the generated database and its index");
  // The same 1,000 queries, RUNS times over; the figures are the medians of the runs' percentiles.
  const runs: Figures[] = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`\nrun ${run} of ${RUNS}:`);
    runs.push(await runQueries(db, lcg(7)));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const m = (k: keyof Figures) => med(runs.map((r) => r[k]));
  console.log(`\nmedian of ${RUNS} runs: ${ENGINE} p50 ${m("ftsP50").toFixed(1)} ms, p95 ${m("ftsP95").toFixed(1)} ms, p99 ${m("ftsP99").toFixed(1)} ms; ` +
    `${LIKE} p50 ${m("likeP50").toFixed(1)} ms, p95 ${m("likeP95").toFixed(1)} ms, p99 ${m("likeP99").toFixed(1)} ms; ` +
    `${LIKE}/index p50 ${med(runs.map((r) => r.likeP50 / r.ftsP50)).toFixed(1)}×, p95 ${med(runs.map((r) => r.likeP95 / r.ftsP95)).toFixed(1)}×`);
  await db.$disconnect();
  if (PG_URL && !process.env.BENCH_REUSE && !process.env.BENCH_KEEP) await onServer(`DROP DATABASE IF EXISTS ${pgName()} WITH (FORCE)`);
}

async function generateAndIndex() {
  const { migrateDatabase } = await import("../lib/db/migrate");
  await migrateDatabase(process.env.DATABASE_URL!);
  const { seedDemoContent } = await import("../lib/seed/seed");
  await seedDemoContent();
  const { demoArticles, seedArticle } = await import("../lib/seed/demo-articles");
  const { htmlToText } = await import("../lib/content/sanitize");

  // Sentences of the seed and demo content, recombined.
  const sentences = [seedArticle, ...demoArticles]
    .flatMap((a) => htmlToText(a.bodyHtml).split(/(?<=[。！？])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 6);
  const titles = [seedArticle, ...demoArticles].map((a) => a.title);
  const rand = lcg(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

  const genStart = performance.now();
  const article = (i: number, sectionIds: number[]) => {
    const body = Array.from({ length: 4 + Math.floor(rand() * 10) }, () => `<p>${pick(sentences)}</p>`).join("");
    const at = new Date(Date.UTC(2010, 0, 1) + rand() * 8 * 365 * 86_400_000);
    return { sectionId: pick(sectionIds), title: `${pick(titles).slice(0, 12 + Math.floor(rand() * 10))}（${i}）`, body, at };
  };
  if (PG_URL) {
    const conn = new pg.Client({ connectionString: PG_URL });
    await conn.connect();
    const sectionIds = (await conn.query<{ id: number }>(`SELECT id FROM "Section"`)).rows.map((s) => s.id);
    await conn.query("BEGIN");
    for (let i = 0; i < N; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, N - i) }, (_, k) => article(i + k, sectionIds));
      const at = rows.map((r) => r.at.toISOString().slice(0, 23).replace("T", " "));
      await conn.query(
        `INSERT INTO "Article" ("sectionId", "title", "bodyHtml", "status", "isLive", "publishedAt", "createdAt", "updatedAt")
         SELECT s, t, b, 'published', true, d, d, d FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamp[]) AS x(s, t, b, d)`,
        [rows.map((r) => r.sectionId), rows.map((r) => r.title), rows.map((r) => r.body), at],
      );
    }
    await conn.query("COMMIT");
    await conn.query(`VACUUM ANALYZE "Article"`);
    await conn.end();
  } else {
    const conn = new Database(FILE);
    conn.pragma("journal_mode = WAL");
    const sectionIds = (conn.prepare(`SELECT id FROM Section`).all() as { id: number }[]).map((s) => s.id);
    const insert = conn.prepare(
      `INSERT INTO Article (sectionId, title, summary, bodyHtml, source, author, status, isLive, publishedAt, createdAt, updatedAt) VALUES (?, ?, '', ?, '', '', 'published', 1, ?, ?, ?)`,
    );
    conn.transaction(() => {
      for (let i = 0; i < N; i++) {
        const r = article(i, sectionIds);
        const at = r.at.toISOString().replace("Z", "+00:00");
        insert.run(r.sectionId, r.title, r.body, at, at, at);
      }
    })();
    conn.close();
  }
  console.log(`generated ${N} articles in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);

  const { rebuildIndex } = await import("../lib/search/index");
  const { db } = await import("../lib/db");
  const dbSize = async () =>
    PG_URL ? Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT pg_database_size(current_database()) AS n`))[0].n) : fs.statSync(FILE).size;
  const sizeBefore = await dbSize();
  const t0 = performance.now();
  const docs = await rebuildIndex((done, total) => {
    if (done % 10_000 === 0 || done === total) process.stderr.write(`\rindexing ${done}/${total}`);
  });
  const buildSeconds = (performance.now() - t0) / 1000;
  let ftsBytes: number;
  if (PG_URL) {
    await db.$executeRawUnsafe(`VACUUM ANALYZE "SearchIndex", "SearchText"`);
    // The tsvector table (with its GIN index and TOAST) and the text table its matches are checked on.
    ftsBytes = Number(
      (await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT sum(pg_total_relation_size(t::regclass)) AS n FROM unnest(ARRAY['"SearchIndex"', '"SearchText"']) AS t`))[0].n,
    );
  } else {
    await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    ftsBytes = Number(
      ((await db.$queryRawUnsafe(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'SearchFts%'`)) as { n: number | bigint }[])[0]?.n ?? 0,
    );
  }
  process.stderr.write("\n");
  console.log(`index build: ${docs} documents in ${buildSeconds.toFixed(1)} s; index size ${(ftsBytes / 2 ** 20).toFixed(0)} MiB (database ${(sizeBefore / 2 ** 20).toFixed(0)} MiB before)`);
}

interface Figures {
  ftsP50: number;
  ftsP95: number;
  ftsP99: number;
  likeP50: number;
  likeP95: number;
  likeP99: number;
}

async function runQueries(db: typeof import("../lib/db").db, rand: () => number): Promise<Figures> {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

  // 1-, 2-, 3- and 4+-character words, a phrase, numbers, Latin, words that are nowhere (no-hit).
  const words = ["税", "安", "城", "创城", "安庆", "税收", "纳税", "十九大", "营改增", "公益广告", "文明城市", "全国文明城市", "个人所得税", "办税服务厅", "2017", "2016年", "ICP", "皖地税", "赛事投注", "量子纠缠", "火星基地"];
  const queries = Array.from({ length: QUERIES }, (_, i) => (i % 10 === 9 ? `${pick(words)} ${pick(words)}` : pick(words)));
  const { search, searchParamsSchema } = await import("../lib/search/search");
  // Warm-up outside the timings: loading jieba's dictionary (first multi-word query) takes ~250 ms once per process.
  await search(searchParamsSchema.parse({ q: "全国文明城市" }), null);
  const fts: number[] = [];
  const like: number[] = [];
  const byClass = new Map<string, number[]>();
  let hits = 0;
  for (const [i, q] of queries.entries()) {
    let t = performance.now();
    const r = await search(searchParamsSchema.parse({ q }), null);
    const ms = performance.now() - t;
    fts.push(ms);
    const cls = q.includes(" ") ? "two words" : /^[\d\w]+$/.test(q) ? "number/Latin" : `${Math.min([...q].length, 4)}${[...q].length >= 4 ? "+" : ""} char`;
    byClass.set(cls, [...(byClass.get(cls) ?? []), ms]);
    hits += r.total > 0 ? 1 : 0;
    if (i % LIKE_EVERY !== 0) continue;
    // What a LIKE-based CMS does for a results page: count the matches, then fetch the newest ten.
    t = performance.now();
    const pattern = `%${q.split(" ")[0]}%`;
    if (PG_URL) {
      await db.$queryRawUnsafe(`SELECT count(*) AS n FROM "Article" WHERE "isLive" AND ("title" ILIKE $1 OR "bodyHtml" ILIKE $1)`, pattern);
      await db.$queryRawUnsafe(`SELECT "id", "title" FROM "Article" WHERE "isLive" AND ("title" ILIKE $1 OR "bodyHtml" ILIKE $1) ORDER BY "publishedAt" DESC LIMIT 10`, pattern);
    } else {
      await db.$queryRawUnsafe(`SELECT count(*) AS n FROM Article WHERE isLive = 1 AND (title LIKE ? OR bodyHtml LIKE ?)`, pattern, pattern);
      await db.$queryRawUnsafe(`SELECT id, title FROM Article WHERE isLive = 1 AND (title LIKE ? OR bodyHtml LIKE ?) ORDER BY publishedAt DESC LIMIT 10`, pattern, pattern);
    }
    like.push(performance.now() - t);
  }
  const row = (name: string, xs: number[]) => `${name}: p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;
  console.log(`${QUERIES} queries (${hits} with hits):`);
  console.log("  " + row(`${ENGINE} search()`, fts));
  for (const [cls, xs] of [...byClass].sort()) console.log("    " + row(`${cls} (${xs.length})`, xs));
  console.log("  " + row(`${LIKE} '%q%' scan (${like.length} of the same queries)`, like));
  console.log(`  ${LIKE} / index ratio: p50 ${(pct(like, 50) / pct(fts, 50)).toFixed(1)}×, p95 ${(pct(like, 95) / pct(fts, 95)).toFixed(1)}×, p99 ${(pct(like, 99) / pct(fts, 99)).toFixed(1)}×`);
  return { ftsP50: pct(fts, 50), ftsP95: pct(fts, 95), ftsP99: pct(fts, 99), likeP50: pct(like, 50), likeP95: pct(like, 95), likeP99: pct(like, 99) };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
