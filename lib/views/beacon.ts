import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ipLimitKey } from "../http/client-ip";
import { dedupWindowMs, RecentViews } from "./dedup";
import { ipViewLimitFromEnv, type IpViewLimit } from "./ip-limit";
import { notARealView } from "./filters";
import { hashVisitorId } from "./visitor-id";
import { viewRecorder } from "./recorder";
import { sharedViewCounter, type SharedViewCounter } from "./shared-counter";
import { limitsAreShared, take, type Limit } from "../limits/shared-limiter";
import { env } from "../env";
import { logRedisProblem } from "../redis/connection.mjs";
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
  // With REDIS_URL the shared counter's store answers: no second database connection per process.
  const visible = await (sharedViewCounter() ?? viewRecorder()).isArticleVisible(articleId, now);
  if (visibility.size > 50_000) visibility.clear();
  visibility.set(articleId, { visible, until: now.getTime() + 5_000 });
  return visible;
}

const COOKIE_SHAPE = /^[A-Za-z0-9-]{16,64}$/;

/** The per-IP view cap in Redis when views are counted there (same numbers as ip-limit.ts). */
function sharedIpLimit(): Limit {
  const { VIEW_IP_LIMIT, VIEW_IP_WINDOW_MINUTES } = env();
  return { name: "views-ip", points: VIEW_IP_LIMIT, windowMs: VIEW_IP_WINDOW_MINUTES * 60_000 };
}

/**
 * With REDIS_URL: the duplicate window (SET NX PX), the per-IP cap (the shared
 * limiter) and the counting (Redis hashes) are shared by every instance. Null
 * when Redis cannot be reached: this one view is then counted by the process's
 * own recorder instead of being lost.
 */
async function countShared(shared: SharedViewCounter, key: string, ip: string, view: Parameters<SharedViewCounter["record"]>[0]): Promise<boolean | null> {
  try {
    if (!(await shared.admit(key))) return false;
    const limit = sharedIpLimit();
    if (limit.points > 0 && limitsAreShared() && !(await take(limit, ipLimitKey(ip))).allowed) {
      await shared.forget(key);
      return false;
    }
    await shared.record(view);
    return true;
  } catch (err) {
    logRedisProblem("view not counted in Redis, counted by this process", err);
    return null;
  }
}

/** One page view reported by a browser: counts it unless it is not a real (or not a new) view, and returns the live numbers. */
export async function handleBeacon(r: BeaconRequest): Promise<BeaconResult> {
  const now = r.now ?? new Date();
  const shared = sharedViewCounter();
  const recorder = shared ?? viewRecorder();
  // A view of a missing or unpublished article (a stale tab, a forged id) never counts for the article.
  const articleId = r.input.articleId !== undefined && (await isVisible(r.input.articleId, now)) ? r.input.articleId : undefined;
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
  const view = { visitorId, newVisitor: !cookie, articleId: articleId ?? null, day: beijingDay(now) };
  if (shared) {
    const counted = await countShared(shared, key, r.ip ?? "", view);
    if (counted !== null) return live(counted, counted && !cookie ? rawId : undefined);
  }
  // Everything from here to record() is synchronous: two beacons cannot both pass the duplicate check.
  if (recentViews.seen(key, now.getTime())) return live(false);
  // Capped views are not remembered as seen: the visitor's real view later in the window still counts.
  if (!ipViewLimit.take(ipLimitKey(r.ip ?? ""), now.getTime())) return live(false);
  recentViews.remember(key, now.getTime());

  viewRecorder().record(view);
  return live(true, cookie ? undefined : rawId);
}
