import { randomUUID } from "node:crypto";
import { isbot } from "isbot";
import { z } from "zod";
import { db } from "../db";
import { visibleWhere } from "../articles/queries";
import { articleViews, recordArticleView, recordVisitor, visitorTotal } from "./counters";

export const VISITOR_COOKIE = "vid";
export const VISITOR_COOKIE_MAX_AGE = 60 * 60 * 24 * 365 * 2;

export const beaconSchema = z.object({ articleId: z.number().int().positive().optional() }).strict();
export type BeaconInput = z.infer<typeof beaconSchema>;

export interface BeaconRequest {
  input: BeaconInput;
  userAgent: string | null;
  /** Next's Link prefetch and browsers' speculative loads mark themselves. */
  purpose: string | null;
  visitorCookie: string | null;
}

export interface BeaconResult {
  views?: number;
  visitors: number;
  /** Set when the visitor had no id yet: the caller stores it as a cookie. */
  newVisitorCookie?: string;
  counted: boolean;
}

function isNotARealView(r: BeaconRequest): boolean {
  return !r.userAgent || isbot(r.userAgent) || /prefetch|prerender/i.test(r.purpose ?? "");
}

/** One page view reported by the browser: counts it (unless it is not a real view) and returns the live numbers. */
export async function handleBeacon(r: BeaconRequest): Promise<BeaconResult> {
  // A view of a missing or unpublished article (a stale tab, a forged id) still counts the visitor, never the article.
  const articleId =
    r.input.articleId !== undefined && (await db.article.count({ where: { id: r.input.articleId, ...visibleWhere() } }))
      ? r.input.articleId
      : undefined;
  if (isNotARealView(r)) {
    return {
      views: articleId ? await articleViews(articleId) : undefined,
      visitors: await visitorTotal(),
      counted: false,
    };
  }
  const cookie = r.visitorCookie && /^[A-Za-z0-9-]{16,64}$/.test(r.visitorCookie) ? r.visitorCookie : null;
  const visitorId = cookie ?? randomUUID();
  const [visitors, views] = await Promise.all([
    recordVisitor(visitorId),
    articleId ? recordArticleView(articleId) : Promise.resolve(undefined),
  ]);
  return { views, visitors, counted: true, newVisitorCookie: cookie ? undefined : visitorId };
}
