import Database from "better-sqlite3";
import { sqliteFilePath } from "../db/url";
import { isPubliclyVisible } from "../articles/access";
import { addDays } from "../format/date";

/**
 * The counters' SQL for the embedded SQLite database, on its own
 * better-sqlite3 connection: synchronous, so the buffer can still be written
 * from a process 'exit' handler, and with prepared statements, so thousands
 * of views a second cost a few statements per flush. postgres-store.ts
 * implements the same interface with pg.
 */

export interface PendingView {
  visitorId: string;
  newVisitor: boolean;
  articleId: number | null;
  day: string;
}

/** Async because PostgreSQL is; SQLite answers at once and can also write from a process 'exit' handler. */
export interface CounterStore {
  applyBatch(batch: PendingView[]): Promise<void>;
  /** A synchronous write, for the last moment of a process (only a store on a synchronous driver has it). */
  applyBatchSync?(batch: PendingView[]): void;
  articleViews(articleId: number): Promise<number>;
  visitorTotal(): Promise<number>;
  isArticleVisible(articleId: number, now: Date): Promise<boolean>;
  close?(): Promise<void>;
}

const CHUNK = 300;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export function openSqliteStore(file = sqliteFilePath()): CounterStore {
  const conn = new Database(file, { timeout: 10_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  const stmt = {
    views: conn.prepare(`SELECT "views" FROM "ArticleViewCount" WHERE "articleId" = ?`).pluck(),
    visitors: conn.prepare(`SELECT "value" FROM "SiteCounter" WHERE "key" = 'visitors'`).pluck(),
    article: conn.prepare(`SELECT "isLive", "publishedAt" FROM "Article" WHERE "id" = ?`),
    addVisitors: conn.prepare(
      `INSERT INTO "SiteCounter" ("key", "value") VALUES ('visitors', ?) ON CONFLICT ("key") DO UPDATE SET "value" = "value" + excluded."value"`,
    ),
    addArticleViews: conn.prepare(
      `INSERT INTO "ArticleViewCount" ("articleId", "views", "updatedAt") VALUES (?, ?, ?)
       ON CONFLICT ("articleId") DO UPDATE SET "views" = "views" + excluded."views", "updatedAt" = excluded."updatedAt"`,
    ),
    addSiteDay: conn.prepare(
      `INSERT INTO "DailySiteStat" ("day", "views", "visitors") VALUES (?, ?, ?)
       ON CONFLICT ("day") DO UPDATE SET "views" = "views" + excluded."views", "visitors" = "visitors" + excluded."visitors"`,
    ),
    addArticleDay: conn.prepare(
      `INSERT INTO "DailyArticleStat" ("day", "articleId", "views", "visitors") VALUES (?, ?, ?, ?)
       ON CONFLICT ("day", "articleId") DO UPDATE SET "views" = "views" + excluded."views", "visitors" = "visitors" + excluded."visitors"`,
    ),
    existingArticles: conn.prepare(`SELECT "id" FROM "Article" WHERE "id" IN (SELECT value FROM json_each(?))`).pluck(),
    pruneSiteDay: conn.prepare(`DELETE FROM "SiteDayVisitor" WHERE "day" < ?`),
    pruneArticleDay: conn.prepare(`DELETE FROM "ArticleDayVisitor" WHERE "day" < ?`),
  };

  /** Inserts new rows, returns the ones that were not there yet. */
  function insertNew<T extends unknown[]>(table: string, columns: string[], rows: T[], returning: string): T[] {
    const out: T[] = [];
    const placeholders = `(${columns.map(() => "?").join(", ")})`;
    for (const part of chunks(rows)) {
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${part.map(() => placeholders).join(", ")} ON CONFLICT DO NOTHING RETURNING ${returning}`;
      out.push(...(conn.prepare(sql).raw().all(...part.flat()) as T[]));
    }
    return out;
  }

  const applyBatch = conn.transaction((batch: PendingView[]) => {
    const now = new Date().toISOString();
    // Views of articles deleted since the beacon are dropped, not allowed to fail the batch.
    const ids = [...new Set(batch.map((v) => v.articleId).filter((x): x is number => x !== null))];
    const existing = new Set(ids.length ? (stmt.existingArticles.all(JSON.stringify(ids)) as number[]) : []);
    const views = batch.map((v) => (v.articleId !== null && !existing.has(v.articleId) ? { ...v, articleId: null } : v));

    const fresh = [...new Set(views.filter((v) => v.newVisitor).map((v) => v.visitorId))];
    const inserted = insertNew("Visitor", ["id", "firstSeenAt"], fresh.map((id) => [id, now]), `"id"`).length;
    if (inserted) stmt.addVisitors.run(inserted);

    const siteKeys = new Map<string, [string, string]>();
    for (const v of views) siteKeys.set(`${v.day}|${v.visitorId}`, [v.day, v.visitorId]);
    const newSite = insertNew("SiteDayVisitor", ["day", "visitorId"], [...siteKeys.values()], `"day"`);
    const siteDays = new Map<string, { views: number; visitors: number }>();
    for (const v of views) (siteDays.get(v.day) ?? siteDays.set(v.day, { views: 0, visitors: 0 }).get(v.day)!).views++;
    for (const [day] of newSite) siteDays.get(day as string)!.visitors++;
    for (const [day, s] of siteDays) stmt.addSiteDay.run(day, s.views, s.visitors);

    const articleViews = views.filter((v) => v.articleId !== null);
    const perArticle = new Map<number, number>();
    const perArticleDay = new Map<string, { day: string; articleId: number; views: number; visitors: number }>();
    const articleKeys = new Map<string, [string, number, string]>();
    for (const v of articleViews) {
      const id = v.articleId!;
      perArticle.set(id, (perArticle.get(id) ?? 0) + 1);
      const key = `${v.day}|${id}`;
      (perArticleDay.get(key) ?? perArticleDay.set(key, { day: v.day, articleId: id, views: 0, visitors: 0 }).get(key)!).views++;
      articleKeys.set(`${key}|${v.visitorId}`, [v.day, id, v.visitorId]);
    }
    for (const [day, id] of insertNew("ArticleDayVisitor", ["day", "articleId", "visitorId"], [...articleKeys.values()], `"day", "articleId"`)) {
      perArticleDay.get(`${day}|${id}`)!.visitors++;
    }
    for (const [id, n] of perArticle) stmt.addArticleViews.run(id, n, now);
    for (const d of perArticleDay.values()) stmt.addArticleDay.run(d.day, d.articleId, d.views, d.visitors);

    // The distinct-visitor bookkeeping is only needed for days still being counted.
    const oldest = [...siteDays.keys()].sort()[0];
    if (oldest) {
      const cutoff = addDays(oldest, -1);
      stmt.pruneSiteDay.run(cutoff);
      stmt.pruneArticleDay.run(cutoff);
    }
  });

  const applyBatchSync = (batch: PendingView[]) => {
    if (batch.length) applyBatch(batch);
  };
  return {
    applyBatchSync,
    applyBatch: async (batch) => applyBatchSync(batch),
    articleViews: async (id) => (stmt.views.get(id) as number | undefined) ?? 0,
    visitorTotal: async () => (stmt.visitors.get() as number | undefined) ?? 0,
    async isArticleVisible(id, now) {
      const row = stmt.article.get(id) as { isLive: number; publishedAt: string | null } | undefined;
      return !!row && isPubliclyVisible({ isLive: row.isLive === 1, publishedAt: row.publishedAt }, now);
    },
  };
}
