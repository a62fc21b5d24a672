import { databaseKind } from "../db/url";
import { openSqliteStore, type CounterStore, type PendingView } from "./sqlite-store";

/**
 * Buffers counted views in memory and writes them in one transaction every
 * VIEW_FLUSH_MS (default 1000 ms), when the buffer grows large, and — since
 * the SQLite store is synchronous — from the process's 'exit' handler and on
 * SIGTERM/SIGINT. A hard kill (SIGKILL, power loss) loses at most the views
 * of the last interval. The live numbers shown to visitors add the pending
 * views, so a view appears at once.
 */
export class ViewRecorder {
  private pending: PendingView[] = [];
  private pendingByArticle = new Map<number, number>();
  private pendingNewVisitors = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private store: CounterStore,
    private flushMs: number,
    private maxPending = 20_000,
  ) {}

  start(): this {
    this.timer ??= setInterval(() => this.flush(), this.flushMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }

  record(view: PendingView): void {
    this.pending.push(view);
    if (view.articleId !== null) this.pendingByArticle.set(view.articleId, (this.pendingByArticle.get(view.articleId) ?? 0) + 1);
    if (view.newVisitor) this.pendingNewVisitors++;
    if (this.pending.length >= this.maxPending) this.flush();
  }

  /** Writes everything pending; on failure the views go back into the buffer for the next attempt. */
  flush(): number {
    if (this.pending.length === 0) return 0;
    const batch = this.pending;
    this.pending = [];
    this.pendingByArticle = new Map();
    this.pendingNewVisitors = 0;
    try {
      this.store.applyBatch(batch);
      return batch.length;
    } catch (err) {
      console.error("[views] flush failed, will retry:", err);
      for (const v of batch) this.record(v);
      return 0;
    }
  }

  articleViews(articleId: number): number {
    return this.store.articleViews(articleId) + (this.pendingByArticle.get(articleId) ?? 0);
  }

  visitorTotal(): number {
    return this.store.visitorTotal() + this.pendingNewVisitors;
  }

  isArticleVisible(articleId: number, now: Date): boolean {
    return this.store.isArticleVisible(articleId, now);
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}

function flushInterval(): number {
  const ms = Number(process.env.VIEW_FLUSH_MS ?? 1000);
  return Number.isFinite(ms) && ms >= 50 ? ms : 1000;
}

const globalForViews = globalThis as unknown as { __viewRecorder?: ViewRecorder };

/** The process-wide recorder, created on first use with its shutdown hooks. */
export function viewRecorder(): ViewRecorder {
  if (globalForViews.__viewRecorder) return globalForViews.__viewRecorder;
  if (databaseKind() !== "sqlite") throw new Error("view counting for PostgreSQL needs its counter store (lib/views) first");
  const recorder = new ViewRecorder(openSqliteStore(), flushInterval()).start();
  globalForViews.__viewRecorder = recorder;
  process.on("exit", () => recorder.flush());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      recorder.flush();
      // Keep the default behaviour (exit) when nobody else handles the signal.
      if (process.listenerCount(signal) === 0) process.exit(signal === "SIGTERM" ? 143 : 130);
    });
  }
  return recorder;
}
