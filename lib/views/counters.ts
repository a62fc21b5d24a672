import { createHash } from "node:crypto";
import { db } from "../db";

/**
 * Live counters. Kept out of the cached HTML: the page shell is static and a
 * client component asks /api/views for these numbers.
 *
 * The SQL is plain SQL-92-ish upserts that SQLite and PostgreSQL both accept,
 * so the PostgreSQL provider can reuse them unchanged.
 */

export async function recordArticleView(articleId: number): Promise<number> {
  const now = new Date();
  const rows = await db.$queryRaw<{ views: number | bigint }[]>`
    INSERT INTO "ArticleViewCount" ("articleId", "views", "updatedAt") VALUES (${articleId}, 1, ${now})
    ON CONFLICT ("articleId") DO UPDATE SET "views" = "ArticleViewCount"."views" + 1, "updatedAt" = ${now}
    RETURNING "views"`;
  return Number(rows[0]?.views ?? 0);
}

export async function articleViews(articleId: number): Promise<number> {
  const row = await db.articleViewCount.findUnique({ where: { articleId } });
  return row?.views ?? 0;
}

/** The cookie value is random; only its hash is stored, so the table holds no usable identifier. */
export function hashVisitorId(cookieValue: string): string {
  return createHash("sha256").update(`visitor:${cookieValue}`).digest("base64url").slice(0, 32);
}

export const VISITORS_KEY = "visitors";

/** Adds the visitor if new; returns the distinct-visitor total. */
export async function recordVisitor(cookieValue: string): Promise<number> {
  const id = hashVisitorId(cookieValue);
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "Visitor" ("id", "firstSeenAt") VALUES (${id}, ${new Date()}) ON CONFLICT ("id") DO NOTHING`;
    if (inserted > 0) {
      await tx.$executeRaw`
        INSERT INTO "SiteCounter" ("key", "value") VALUES (${VISITORS_KEY}, 1)
        ON CONFLICT ("key") DO UPDATE SET "value" = "SiteCounter"."value" + 1`;
    }
    const row = await tx.siteCounter.findUnique({ where: { key: VISITORS_KEY } });
    return row?.value ?? 0;
  });
}

export async function visitorTotal(): Promise<number> {
  const row = await db.siteCounter.findUnique({ where: { key: VISITORS_KEY } });
  return row?.value ?? 0;
}
