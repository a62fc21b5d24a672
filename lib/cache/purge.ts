import { env } from "../env";

/** Purges run side by side, a few at a time: a whole-site purge is one request per URL. */
const CONCURRENCY = 8;
const TIMEOUT_MS = 2000;

export const proxyPurgeEnabled = () => !!env().PURGE_URL;

/**
 * Drops URLs from the caching proxy in front (deploy/nginx: the cache-purge
 * module answers `PURGE_URL` + path, 200 when the page was cached, 404 when
 * it was not). No-op without PURGE_URL: on Vercel the CDN follows Next's own
 * revalidation, and without a proxy there is nothing to purge. Failures are
 * logged, never thrown: the database change has happened, and the proxy's
 * copy still expires with s-maxage.
 */
export async function purgeProxy(paths: string[]): Promise<{ purged: number; notCached: number; failed: number }> {
  const base = env().PURGE_URL;
  const result = { purged: 0, notCached: 0, failed: 0 };
  if (!base) return result;
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      try {
        const res = await fetch(base.replace(/\/$/, "") + path, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        await res.arrayBuffer();
        if (res.status === 200) result.purged++;
        else if (res.status === 404) result.notCached++;
        else throw new Error(`HTTP ${res.status}`);
      } catch (err) {
        result.failed++;
        console.error(`[purge] ${path}: ${(err as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return result;
}
