import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ipLimitKey } from "../http/client-ip";
import { dedupWindowMs, RecentViews } from "./dedup";
import { ipViewLimitFromEnv, type IpViewLimit } from "./ip-limit";
import { notARealView } from "./filters";
import { hashVisitorId } from "./visitor-id";
import { viewRecorder } from "./recorder";
import { beijingDay } from "../format/date";

export const VISITOR_COOKIE = "vid";
export const VISITOR_COOKIE_MAX_AGE = 60 * 60 * 24 * 365 * 2;

export const beaconSchema = z
  .object({
    articleId: z.number().int().positive().optional(),
    path: z.string().startsWith("/").max(300).optional(),
    /** The page was a 404: answer with the live numbers, count nothing. */
    notFound: z.literal(true).optional(),
  })
  .strict();
export type BeaconInput = z.infer<typeof beaconSchema>;

export interface BeaconRequest {
  input: BeaconInput;
  userAgent: string | null;
  /** Next's Link prefetch and browsers' speculative loads mark themselves. */
  purpose: string | null;
  visitorCookie: string | null;
  /** For the per-IP cap (missing or malformed: the shared, capped UNKNOWN_IP bucket). */
  ip?: string;
  now?: Date;
}

export interface BeaconResult {
  views?: number;
  visitors: number;
  /** Set when the visitor had no id yet: the caller stores it as a cookie. */
  newVisitorCookie?: string;
  counted: boolean;
}

const globalForDedup = globalThis as unknown as { __recentViews?: RecentViews; __ipViewLimit?: IpViewLimit };
export const recentViews = (globalForDedup.__recentViews ??= new RecentViews(dedupWindowMs()));
const ipViewLimit = (globalForDedup.__ipViewLimit ??= ipViewLimitFromEnv());

// Article visibility, remembered for a few seconds: a beacon must not cost a query each.
const visibility = new Map<number, { visible: boolean; until: number }>();
async function isVisible(articleId: number, now: Date): Promise<boolean> {
  const hit = visibility.get(articleId);
  if (hit && hit.until > now.getTime()) return hit.visible;
  const visible = await viewRecorder().isArticleVisible(articleId, now);
  if (visibility.size > 50_000) visibility.clear();
  visibility.set(articleId, { visible, until: now.getTime() + 5_000 });
  return visible;
}

const COOKIE_SHAPE = /^[A-Za-z0-9-]{16,64}$/;

/** One page view reported by a browser: counts it unless it is not a real (or not a new) view, and returns the live numbers. */
export async function handleBeacon(r: BeaconRequest): Promise<BeaconResult> {
  const now = r.now ?? new Date();
  const recorder = viewRecorder();
  // A view of a missing or unpublished article (a stale tab, a forged id) never counts for the article.
  const articleId = r.input.articleId !== undefined && (await isVisible(r.input.articleId, now)) ? r.input.articleId : undefined;
  // Everything from here to record() is synchronous: two beacons cannot both pass the duplicate check.
  const live = async (counted: boolean, newVisitorCookie?: string): Promise<BeaconResult> => ({
    views: articleId ? await recorder.articleViews(articleId) : undefined,
    visitors: await recorder.visitorTotal(),
    counted,
    newVisitorCookie,
  });
  if (notARealView(r) || r.input.notFound) return live(false);

  const cookie = r.visitorCookie && COOKIE_SHAPE.test(r.visitorCookie) ? r.visitorCookie : null;
  const rawId = cookie ?? randomUUID();
  const visitorId = hashVisitorId(rawId);
  const page = articleId ? `a:${articleId}` : `p:${r.input.path ?? "/"}`;
  const key = `${visitorId}|${page}`;
  if (recentViews.seen(key, now.getTime())) return live(false);
  // Capped views are not remembered as seen: the visitor's real view later in the window still counts.
  if (!ipViewLimit.take(ipLimitKey(r.ip ?? ""), now.getTime())) return live(false);
  recentViews.remember(key, now.getTime());

  recorder.record({ visitorId, newVisitor: !cookie, articleId: articleId ?? null, day: beijingDay(now) });
  return live(true, cookie ? undefined : rawId);
}
