/**
 * Starts the scheduled-publishing ticker in each server process. It posts to
 * the app's own /api/cron/publish so that publishing and revalidation run
 * inside a request, where Next's cache APIs work.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { cronSecret } = await import("./lib/articles/publish-due");
  const { env } = await import("./lib/env");
  const { INTERNAL_URL, PORT, PUBLISH_TICK_MS: everyMs } = env();
  const base = INTERNAL_URL || `http://127.0.0.1:${PORT}`;
  const tick = () =>
    fetch(`${base}/api/cron/publish`, { method: "POST", headers: { authorization: `Bearer ${cronSecret()}` } }).catch(() => {
      /* server not listening yet, or shutting down: the next tick retries */
    });
  setInterval(tick, everyMs).unref();
}
