import { databaseKind } from "../db/url";
import { env } from "../env";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore, type CounterStore, type PendingView } from "./sqlite-store";

/**
 * Buffers counted views in memory and writes them in one transaction every
 * VIEW_FLUSH_MS (default 1000 ms), when the buffer grows large, and on
 * SIGTERM/SIGINT (the SQLite store, being synchronous, also from the
 * process's 'exit' handler). A hard kill (SIGKILL, power loss) loses at most
 * the views of the last interval. The live numbers shown to visitors add
 * the pending views, so a view appears at once.
 *
 * Flushes run one after another: `await flush()` returns once everything
 * recorded before the call is in the database, including a batch that a
 * timer's flush was already writing.
 */
export class ViewRecorder {
  private pending: PendingView[] = [];
  private pendingByArticle = new Map<number, number>();
  private pendingNewVisitors = 0;
  /** Views taken out of the buffer whose write has not finished: still shown live. */
  private writingByArticle = new Map<number, number>();
  private writingNewVisitors = 0;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private store: CounterStore,
    private flushMs: number,
    private maxPending = 20_000,
  ) {}

  start(): this {
    this.timer ??= setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  record(view: PendingView): void {
    this.pending.push(view);
    if (view.articleId !== null) this.pendingByArticle.set(view.articleId, (this.pendingByArticle.get(view.articleId) ?? 0) + 1);
    if (view.newVisitor) this.pendingNewVisitors++;
    if (this.pending.length >= this.maxPending) void this.flush();
  }

  private take(): PendingView[] {
    const batch = this.pending;
    this.pending = [];
    this.pendingByArticle = new Map();
    this.pendingNewVisitors = 0;
    return batch;
  }

  /** Writes everything pending; on failure the views go back into the buffer for the next attempt. */
  flush(): Promise<number> {
    const run = this.chain.then(async () => {
      if (this.pending.length === 0) return 0;
      const batch = this.take();
      for (const v of batch) {
        if (v.articleId !== null) this.writingByArticle.set(v.articleId, (this.writingByArticle.get(v.articleId) ?? 0) + 1);
        if (v.newVisitor) this.writingNewVisitors++;
      }
      try {
        await this.store.applyBatch(batch);
        return batch.length;
      } catch (err) {
        console.error("[views] flush failed, will retry:", err);
        for (const v of batch) this.record(v);
        return 0;
      } finally {
        this.writingByArticle = new Map();
        this.writingNewVisitors = 0;
      }
    });
    this.chain = run;
    return run;
  }

  /** The last-moment write from a process 'exit' handler, where nothing async runs (SQLite only). */
  flushSync(): void {
    if (!this.store.applyBatchSync || this.pending.length === 0) return;
    this.store.applyBatchSync(this.take());
  }

  // A flush finishing during the read may be counted twice or not at all for that instant: a live
  // figure off by a moment, never a stored one.
  async articleViews(articleId: number): Promise<number> {
    const stored = await this.store.articleViews(articleId);
    return stored + (this.pendingByArticle.get(articleId) ?? 0) + (this.writingByArticle.get(articleId) ?? 0);
  }

  async visitorTotal(): Promise<number> {
    const stored = await this.store.visitorTotal();
    return stored + this.pendingNewVisitors + this.writingNewVisitors;
  }

  isArticleVisible(articleId: number, now: Date): Promise<boolean> {
    return this.store.isArticleVisible(articleId, now);
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}

const globalForViews = globalThis as unknown as { __viewRecorder?: ViewRecorder };

/**
 * The process-wide recorder, created on first use with its shutdown hooks.
 * `npm run serve` / `npm start` set NEXT_MANUAL_SIG_HANDLE so that Next does
 * not exit before an asynchronous (PostgreSQL) flush has finished.
 */
export function viewRecorder(): ViewRecorder {
  if (globalForViews.__viewRecorder) return globalForViews.__viewRecorder;
  const store = databaseKind() === "postgresql" ? openPostgresStore() : openSqliteStore();
  const recorder = new ViewRecorder(store, env().VIEW_FLUSH_MS).start();
  globalForViews.__viewRecorder = recorder;
  process.on("exit", () => recorder.flushSync());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void recorder.flush().finally(() => {
        // Keep the default behaviour (exit) when nobody else handles the signal.
        if (process.listenerCount(signal) === 0) process.exit(signal === "SIGTERM" ? 143 : 130);
      });
    });
  }
  return recorder;
}
