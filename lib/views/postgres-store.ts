import pg from "pg";
import { databaseUrl } from "../db/url";
import type { CounterStore, PendingView } from "./sqlite-store";

/**
 * The counters' SQL for PostgreSQL, on a small pool of its own: one
 * transaction per flush, every table written with one batched
 * INSERT … SELECT FROM unnest(…) ON CONFLICT, so a flush costs the same
 * handful of statements whether it holds 1 view or 20,000. Several
 * instances may flush at once: the upserts add, never overwrite, and keys
 * are sorted so concurrent flushes take row locks in the same order.
 */

// Prisma's TIMESTAMP(3) columns hold UTC.
const NOW_UTC = `(now() AT TIME ZONE 'UTC')`;

export function openPostgresStore(url = databaseUrl()): CounterStore {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", (err) => console.error("[views] PostgreSQL pool:", err.message));

  async function applyBatch(batch: PendingView[]): Promise<void> {
    if (batch.length === 0) return;
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const q = <T extends pg.QueryResultRow>(sql: string, args: unknown[]) => client.query<T>(sql, args).then((r) => r.rows);

      // Views of articles deleted since the beacon are dropped, not allowed to fail the batch.
      const ids = [...new Set(batch.map((v) => v.articleId).filter((x): x is number => x !== null))];
      const existing = new Set(ids.length ? (await q<{ id: number }>(`SELECT "id" FROM "Article" WHERE "id" = ANY($1::int[])`, [ids])).map((r) => r.id) : []);
      const views = batch.map((v) => (v.articleId !== null && !existing.has(v.articleId) ? { ...v, articleId: null } : v));

      const fresh = [...new Set(views.filter((v) => v.newVisitor).map((v) => v.visitorId))].sort();
      if (fresh.length) {
        const inserted = await q(
          `INSERT INTO "Visitor" ("id", "firstSeenAt") SELECT id, ${NOW_UTC} FROM unnest($1::text[]) AS x(id) ON CONFLICT DO NOTHING RETURNING "id"`,
          [fresh],
        );
        if (inserted.length) {
          await q(
            `INSERT INTO "SiteCounter" ("key", "value") VALUES ('visitors', $1) ON CONFLICT ("key") DO UPDATE SET "value" = "SiteCounter"."value" + excluded."value"`,
            [inserted.length],
          );
        }
      }

      const siteKeys = [...new Map(views.map((v) => [`${v.day}|${v.visitorId}`, v])).values()].sort((a, b) =>
        a.day === b.day ? a.visitorId.localeCompare(b.visitorId) : a.day.localeCompare(b.day),
      );
      const newSite = await q<{ day: string }>(
        `INSERT INTO "SiteDayVisitor" ("day", "visitorId") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING "day"`,
        [siteKeys.map((v) => v.day), siteKeys.map((v) => v.visitorId)],
      );
      const siteDays = new Map<string, { views: number; visitors: number }>();
      for (const v of views) (siteDays.get(v.day) ?? siteDays.set(v.day, { views: 0, visitors: 0 }).get(v.day)!).views++;
      for (const { day } of newSite) siteDays.get(day)!.visitors++;
      const days = [...siteDays.keys()].sort();
      await q(
        `INSERT INTO "DailySiteStat" ("day", "views", "visitors") SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
         ON CONFLICT ("day") DO UPDATE SET "views" = "DailySiteStat"."views" + excluded."views", "visitors" = "DailySiteStat"."visitors" + excluded."visitors"`,
        [days, days.map((d) => siteDays.get(d)!.views), days.map((d) => siteDays.get(d)!.visitors)],
      );

      const perArticle = new Map<number, number>();
      const perArticleDay = new Map<string, { day: string; articleId: number; views: number; visitors: number }>();
      const articleKeys = new Map<string, { day: string; articleId: number; visitorId: string }>();
      for (const v of views) {
        if (v.articleId === null) continue;
        const id = v.articleId;
        perArticle.set(id, (perArticle.get(id) ?? 0) + 1);
        const key = `${v.day}|${id}`;
        (perArticleDay.get(key) ?? perArticleDay.set(key, { day: v.day, articleId: id, views: 0, visitors: 0 }).get(key)!).views++;
        articleKeys.set(`${key}|${v.visitorId}`, { day: v.day, articleId: id, visitorId: v.visitorId });
      }
      if (perArticle.size) {
        const keys = [...articleKeys.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, k]) => k);
        const newArticleVisitors = await q<{ day: string; articleId: number }>(
          `INSERT INTO "ArticleDayVisitor" ("day", "articleId", "visitorId") SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
           ON CONFLICT DO NOTHING RETURNING "day", "articleId"`,
          [keys.map((k) => k.day), keys.map((k) => k.articleId), keys.map((k) => k.visitorId)],
        );
        for (const r of newArticleVisitors) perArticleDay.get(`${r.day}|${r.articleId}`)!.visitors++;
        const articleIds = [...perArticle.keys()].sort((a, b) => a - b);
        await q(
          `INSERT INTO "ArticleViewCount" ("articleId", "views", "updatedAt") SELECT id, n, ${NOW_UTC} FROM unnest($1::int[], $2::int[]) AS x(id, n)
           ON CONFLICT ("articleId") DO UPDATE SET "views" = "ArticleViewCount"."views" + excluded."views", "updatedAt" = excluded."updatedAt"`,
          [articleIds, articleIds.map((id) => perArticle.get(id)!)],
        );
        const dayRows = [...perArticleDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, d]) => d);
        await q(
          `INSERT INTO "DailyArticleStat" ("day", "articleId", "views", "visitors") SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[])
           ON CONFLICT ("day", "articleId") DO UPDATE SET "views" = "DailyArticleStat"."views" + excluded."views", "visitors" = "DailyArticleStat"."visitors" + excluded."visitors"`,
          [dayRows.map((d) => d.day), dayRows.map((d) => d.articleId), dayRows.map((d) => d.views), dayRows.map((d) => d.visitors)],
        );
      }

      // The distinct-visitor bookkeeping is only needed for days still being counted.
      const oldest = days[0];
      if (oldest) {
        const before = new Date(Date.parse(`${oldest}T00:00:00+08:00`) - 86_400_000);
        const cutoff = new Date(before.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
        await q(`DELETE FROM "SiteDayVisitor" WHERE "day" < $1`, [cutoff]);
        await q(`DELETE FROM "ArticleDayVisitor" WHERE "day" < $1`, [cutoff]);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  const one = async <T extends pg.QueryResultRow>(sql: string, args: unknown[] = []) => (await pool.query<T>(sql, args)).rows[0];
  return {
    applyBatch,
    articleViews: async (id) => (await one<{ views: number }>(`SELECT "views" FROM "ArticleViewCount" WHERE "articleId" = $1`, [id]))?.views ?? 0,
    visitorTotal: async () => (await one<{ value: number }>(`SELECT "value" FROM "SiteCounter" WHERE "key" = 'visitors'`))?.value ?? 0,
    async isArticleVisible(id, now) {
      // Compared in SQL: node-postgres would read a timestamp without time zone as local time.
      const row = await one<{ visible: boolean }>(
        `SELECT "isLive" AND "publishedAt" IS NOT NULL AND "publishedAt" <= $2::timestamp AS visible FROM "Article" WHERE "id" = $1`,
        [id, now.toISOString().slice(0, 23).replace("T", " ")],
      );
      return !!row?.visible;
    },
    close: () => pool.end(),
  };
}
