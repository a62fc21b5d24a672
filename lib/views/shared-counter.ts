import { randomUUID } from "node:crypto";
import { databaseKind } from "../db/url";
import { env } from "../env";
import { logRedisProblem, redisConnection } from "../redis/connection.mjs";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore, type CounterStore, type PendingView } from "./sqlite-store";

/**
 * View counting shared by several instances (REDIS_URL set): nothing is
 * buffered in a process, so a serverless instance that freezes or a server
 * killed with SIGKILL loses no counted view.
 *
 * - Duplicate window: `SET <prefix>views:seen:<visitor|page> 1 NX PX <window>`.
 * - A counted view: `HINCRBY <prefix>views:pending "<day>|<articleId>|<visitorId>|<new>" 1`,
 *   and the live figures (`HINCRBY <prefix>views:unflushed a:<id> / n`) shown
 *   on top of the database's until the flush has written them.
 * - Flush (every VIEW_FLUSH_MS, on each instance, and after a beacon when one
 *   is due): one instance at a time holds `SET <prefix>views:lock <token> NX PX`;
 *   it RENAMEs the pending hash to a batch (listed in `<prefix>views:batches`,
 *   in the same script), then for every listed batch — including ones a dead
 *   instance renamed and never finished — HGETALL, writes them with the
 *   store's batched upsert (one transaction), and deletes the batch.
 *
 * Delivery is at least once: an instance killed between the database commit
 * and the batch's DEL (a window of a millisecond or so) leaves the batch to be
 * written again by the next flush. It is never lost.
 */

const LOCK_MS = 30_000;

/** RENAME pending → batch and list the batch, atomically; nothing when no view is pending. */
const TAKE_PENDING = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[3], KEYS[2])
return 1`;

/** Releases the lock only if it is still ours (it may have expired and been taken). */
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const fieldOf = (v: PendingView) => `${v.day}|${v.articleId ?? ""}|${v.visitorId}|${v.newVisitor ? 1 : 0}`;

/** The views a batch hash holds, one PendingView per counted view. */
export function viewsOfBatch(hash: Record<string, string>): PendingView[] {
  const views: PendingView[] = [];
  for (const [field, count] of Object.entries(hash)) {
    const [day, article, visitorId, fresh] = field.split("|");
    const view: PendingView = { day, articleId: article ? Number(article) : null, visitorId, newVisitor: fresh === "1" };
    for (let i = 0; i < Number(count); i++) views.push(view);
  }
  return views;
}

export class SharedViewCounter {
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = Date.now();
  private flushing: Promise<number> | null = null;

  constructor(
    private store: CounterStore,
    private url: string,
    private prefix: string,
    private flushMs: number,
    private dedupMs: number,
  ) {}

  private key(name: string): string {
    return `${this.prefix}views:${name}`;
  }

  private redis() {
    return redisConnection(this.url);
  }

  /** Flushes now (batches left by a dead instance) and every flushMs. */
  start(): this {
    void this.flush();
    this.timer ??= setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** True when this visitor's view of this page counts (and starts its window); false inside the window. */
  async admit(key: string): Promise<boolean> {
    if (this.dedupMs <= 0) return true;
    const set = await (await this.redis()).set(this.key(`seen:${key}`), "1", { NX: true, PX: this.dedupMs });
    return set === "OK";
  }

  /** Undoes admit() for a view that was not counted after all (the per-IP cap): the real view later still counts. */
  async forget(key: string): Promise<void> {
    if (this.dedupMs > 0) await (await this.redis()).del(this.key(`seen:${key}`));
  }

  async record(view: PendingView): Promise<void> {
    const multi = (await this.redis()).multi().hIncrBy(this.key("pending"), fieldOf(view), 1);
    if (view.articleId !== null) multi.hIncrBy(this.key("unflushed"), `a:${view.articleId}`, 1);
    if (view.newVisitor) multi.hIncrBy(this.key("unflushed"), "n", 1);
    await multi.exec();
    // Serverless instances may never see their interval fire: a beacon starts a due flush.
    if (Date.now() - this.lastFlush >= this.flushMs) void this.flush();
  }

  /**
   * Writes every pending and leftover batch if no other instance is doing it
   * right now; resolves to the number of views written by this call. Never
   * throws: a failed flush leaves the views in Redis for the next one.
   */
  flush(): Promise<number> {
    this.flushing ??= this.flushUnderLock().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushUnderLock(): Promise<number> {
    this.lastFlush = Date.now();
    const token = randomUUID();
    let written = 0;
    try {
      const redis = await this.redis();
      if ((await redis.set(this.key("lock"), token, { NX: true, PX: LOCK_MS })) !== "OK") return 0;
      try {
        await redis.eval(TAKE_PENDING, { keys: [this.key("pending"), this.key(`batch:${Date.now()}:${token}`), this.key("batches")] });
        for (const batch of (await redis.sMembers(this.key("batches"))).sort()) {
          const views = viewsOfBatch(await redis.hGetAll(batch));
          if (views.length) await this.store.applyBatch(views);
          const live = redis.multi().del(batch).sRem(this.key("batches"), batch);
          for (const [field, n] of liveCounts(views)) live.hIncrBy(this.key("unflushed"), field, -n);
          await live.exec();
          written += views.length;
        }
      } finally {
        await redis.eval(RELEASE_LOCK, { keys: [this.key("lock")], arguments: [token] });
      }
    } catch (err) {
      logRedisProblem("view flush failed, the views stay in Redis for the next one", err);
    }
    return written;
  }

  /** Views of an article: the database's plus those counted and not yet written. */
  async articleViews(articleId: number): Promise<number> {
    const stored = await this.store.articleViews(articleId);
    return stored + (await this.unflushed(`a:${articleId}`));
  }

  async visitorTotal(): Promise<number> {
    const stored = await this.store.visitorTotal();
    return stored + (await this.unflushed("n"));
  }

  isArticleVisible(articleId: number, now: Date): Promise<boolean> {
    return this.store.isArticleVisible(articleId, now);
  }

  private async unflushed(field: string): Promise<number> {
    try {
      return Math.max(0, Number((await (await this.redis()).hGet(this.key("unflushed"), field)) ?? 0));
    } catch {
      return 0; // a live figure without the last second's views, never an error page
    }
  }
}

function liveCounts(views: PendingView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of views) {
    if (v.articleId !== null) counts.set(`a:${v.articleId}`, (counts.get(`a:${v.articleId}`) ?? 0) + 1);
    if (v.newVisitor) counts.set("n", (counts.get("n") ?? 0) + 1);
  }
  return counts;
}

const globalForShared = globalThis as unknown as { __sharedViewCounter?: SharedViewCounter | null };

/** The process's shared counter when REDIS_URL is set; null in the embedded default (lib/views/recorder.ts buffers). */
export function sharedViewCounter(): SharedViewCounter | null {
  if (globalForShared.__sharedViewCounter !== undefined) return globalForShared.__sharedViewCounter;
  const { REDIS_URL, REDIS_KEY_PREFIX, VIEW_FLUSH_MS, VIEW_DEDUP_MINUTES } = env();
  if (!REDIS_URL) return (globalForShared.__sharedViewCounter = null);
  const store = databaseKind() === "postgresql" ? openPostgresStore() : openSqliteStore();
  const counter = new SharedViewCounter(store, REDIS_URL, REDIS_KEY_PREFIX, VIEW_FLUSH_MS, VIEW_DEDUP_MINUTES * 60_000).start();
  return (globalForShared.__sharedViewCounter = counter);
}
