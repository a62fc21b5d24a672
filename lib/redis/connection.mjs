// @ts-check
import { createClient } from "redis";

/**
 * One Redis connection per process and URL, shared by the cache handler
 * (loaded by Next's server with a plain `import()`, hence plain JavaScript)
 * and the bundled application code (counting, rate limits), which reach the
 * same object through `globalThis`.
 *
 * Failure policy: Redis is an accelerator and a coordinator, never a reason
 * for a 500. The offline queue is off, so while the server is unreachable a
 * command fails at once instead of waiting; callers treat that as a miss (the
 * cache) or fall back to their insurance (limits). Reconnection goes on in the
 * background. Errors are logged at most once per 10 seconds.
 */

/** @typedef {{ client: import("redis").RedisClientType, ready: Promise<unknown>, waited: boolean }} Connection */
const state = /** @type {{ __redisConnections?: Map<string, Connection>, __redisLastLog?: number }} */ (globalThis);

/** Logs a Redis problem, at most once per 10 s per process (an outage must not flood the log). */
export function logRedisProblem(/** @type {string} */ what, /** @type {unknown} */ err) {
  const now = Date.now();
  if (now - (state.__redisLastLog ?? 0) < 10_000) return;
  state.__redisLastLog = now;
  console.error(`[redis] ${what}:`, err instanceof Error ? err.message : err);
}

const CONNECT_WAIT_MS = 1000;

/**
 * A connected client for `url`, or a rejection when it is not reachable
 * right now. Only the first use waits (up to 1 s) for the connection; during
 * an outage later calls fail at once, so pages do not wait on Redis.
 * @param {string} url
 * @returns {Promise<import("redis").RedisClientType>}
 */
export async function redisConnection(url) {
  const conn = connectionFor(url);
  if (conn.client.isReady) return conn.client;
  if (!conn.waited) {
    let timer;
    await Promise.race([conn.ready, new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS)))]);
    clearTimeout(timer);
    conn.waited = true;
  }
  if (!conn.client.isReady) throw new Error(`Redis at ${url.replace(/:[^:@/]*@/, ":***@")} is not reachable`);
  return conn.client;
}

/**
 * The client for `url` at once, connected or still connecting (for
 * libraries that check `isReady` themselves, like rate-limiter-flexible).
 * @param {string} url
 * @returns {import("redis").RedisClientType}
 */
export function redisClient(url) {
  return connectionFor(url).client;
}

/** @param {string} url @returns {Connection} */
function connectionFor(url) {
  state.__redisConnections ??= new Map();
  let conn = state.__redisConnections.get(url);
  if (!conn) {
    /** @type {import("redis").RedisClientType} */
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: CONNECT_WAIT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });
    client.on("error", (err) => logRedisProblem("connection", err));
    const ready = client.connect().catch((err) => logRedisProblem("connect", err));
    conn = { client, ready, waited: false };
    state.__redisConnections.set(url, conn);
  }
  return conn;
}

/** Closes every connection of this process (tests, scripts that must exit). */
export async function closeRedisConnections() {
  const conns = [...(state.__redisConnections?.values() ?? [])];
  state.__redisConnections?.clear();
  await Promise.all(conns.map(({ client }) => (client.isOpen ? client.close() : Promise.resolve()).catch(() => {})));
}
