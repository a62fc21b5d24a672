// @ts-check
/**
 * Next.js `cacheHandler` (incremental cache: ISR pages, route handlers,
 * `unstable_cache`) on a shared Redis, so several instances serve the same
 * pages and see each other's revalidations.
 *
 * HOW TO ENABLE: set `REDIS_URL` (e.g. redis://127.0.0.1:6379) for `next build`
 * AND `next start`; next.config.ts then sets `cacheHandler` to this file and
 * `cacheMaxMemorySize: 0`. Optional `REDIS_KEY_PREFIX` (default `portal:`)
 * separates sites or test runs sharing one Redis. Without `REDIS_URL` Next's
 * own file-system cache is used, exactly as before. The same `REDIS_URL`
 * switches view counting and rate limits to Redis (lib/views, lib/limits).
 *
 * Why our own handler: the maintained packages lag Next 16.4 —
 * @fortedigital/nextjs-cache-handler needs Node 22, scans the whole tag hash
 * on every revalidation and drops `cacheControl`; nextjs-turbo-redis-cache
 * needs keyspace notifications (CONFIG SET, forbidden on managed Redis) and
 * redis 4.7.0 exactly; @neshca/cache-handler stops at Next 14. This file is
 * ~150 lines on node-redis.
 *
 * Plain JavaScript (checked by `// @ts-check`, types in redis-handler.d.mts)
 * because Next's server loads the handler with a plain `import()`, unbundled.
 *
 * Layout in Redis:
 * - `<prefix>cache:<buildId>:<key>` → JSON {value, lastModified, cacheControl, tags}
 *   (Buffers and Maps encoded explicitly); a new build never reads an old
 *   build's pages. TTL: the entry's `expire`, at most 30 days.
 * - `<prefix>cache:tags` → one hash, tag → last revalidation time (ms).
 *   `get` answers null when any of the entry's tags (pages: `x-next-cache-tags`,
 *   which includes the `_N_T_/…` path tags; data: ctx.tags + ctx.softTags)
 *   was revalidated at or after the time the entry was written (a tie in the
 *   same millisecond costs one extra render, never a stale page). `revalidateTag` with
 *   `{ expire: N > 0 }` (stale-while-revalidate) is treated like `expire: 0`:
 *   another instance re-renders rather than serving the stale copy.
 *   Times are each instance's own clock: keep the servers on NTP (a clock
 *   running behind could take a revalidation for older than the page).
 *
 * Redis unreachable or failing: `get` is a miss, `set`/`revalidateTag` are
 * skipped, logged (at most every 10 s), never thrown — the page renders.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { logRedisProblem, redisConnection } from "../redis/connection.mjs";

const TAGS_HEADER = "x-next-cache-tags";
const MAX_TTL_SECONDS = 30 * 24 * 3600;

/** JSON replacer: `this[key]` is the value before Buffer#toJSON ran. */
function encode(/** @type {string} */ key, /** @type {unknown} */ value) {
  // @ts-expect-error -- `this` is the holder object JSON.stringify passes.
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { $buffer: raw.toString("base64") };
  if (raw instanceof Map) return { $map: [...raw.entries()] };
  return value;
}

function decode(/** @type {string} */ _key, /** @type {any} */ value) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    if (typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

/** @param {unknown} value */
export function serializeEntry(value) {
  return JSON.stringify(value, encode);
}

/** @param {string} text */
export function deserializeEntry(text) {
  return JSON.parse(text, decode);
}

/** The tags a stored page/route entry carries in its headers. @param {any} value */
function headerTags(value) {
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** @type {Map<string, string>} */
const buildIds = new Map();
/** @param {string | undefined} serverDistDir */
function buildIdOf(serverDistDir) {
  if (!serverDistDir) return "unknown";
  let id = buildIds.get(serverDistDir);
  if (!id) {
    try {
      id = readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      // During `next build` the id file may not be written yet; later reads retry.
      return "building";
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

const TAGS_KEY = (/** @type {string} */ prefix) => `${prefix}cache:tags`;

/**
 * Records `tags` as revalidated now: from this moment every instance's `get`
 * treats entries carrying them, written before, as misses. The handler's
 * `revalidateTag`, and lib/cache/revalidate.ts, which must know the expiry
 * has reached every instance before it purges the proxy in front. Redis
 * unreachable: logged, false.
 * @param {{ url: string, prefix: string }} store
 * @param {string[]} tags
 * @returns {Promise<boolean>}
 */
export async function recordRevalidatedTags(store, tags) {
  if (tags.length === 0) return true;
  try {
    const redis = await redisConnection(store.url);
    const now = String(Date.now());
    await redis.hSet(TAGS_KEY(store.prefix), Object.fromEntries(tags.map((t) => [t, now])));
    return true;
  } catch (err) {
    logRedisProblem("revalidateTag not recorded", err);
    return false;
  }
}

/** Set by the handler's constructor: this process's Next reads its tag state from Redis. */
const active = /** @type {{ __redisCacheHandlerStore?: { url: string, prefix: string } }} */ (globalThis);

/**
 * The Redis tag state this process's Next reads, once Next has created the
 * handler (before it serves anything); null when Next uses its own
 * in-process cache (built without REDIS_URL). Application code is bundled
 * apart from this file as Next loads it, hence `globalThis`.
 * @returns {{ url: string, prefix: string } | null}
 */
export function activeTagStore() {
  return active.__redisCacheHandlerStore ?? null;
}

/** @implements {import("next/dist/server/lib/incremental-cache").CacheHandler} */
export default class RedisCacheHandler {
  /** @param {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} ctx */
  constructor(ctx) {
    this.serverDistDir = ctx.serverDistDir;
    this.url = process.env.REDIS_URL ?? "";
    this.prefix = process.env.REDIS_KEY_PREFIX || "portal:";
    active.__redisCacheHandlerStore = { url: this.url, prefix: this.prefix };
  }

  get tagsKey() {
    return TAGS_KEY(this.prefix);
  }

  /** @param {string} key */
  entryKey(key) {
    return `${this.prefix}cache:${buildIdOf(this.serverDistDir)}:${key}`;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   * @returns {Promise<import("next/dist/server/lib/incremental-cache").CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    try {
      const redis = await redisConnection(this.url);
      const text = await redis.get(this.entryKey(key));
      if (!text) return null;
      const entry = deserializeEntry(text);
      const tags = new Set([...(entry.tags ?? []), ...headerTags(entry.value), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
      if (tags.size > 0) {
        const revalidatedAt = await redis.hmGet(this.tagsKey, [...tags]);
        if (revalidatedAt.some((t) => t !== null && Number(t) >= entry.lastModified)) return null;
      }
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    } catch (err) {
      logRedisProblem("cache get failed, treated as a miss", err);
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    try {
      const redis = await redisConnection(this.url);
      if (data === null) {
        await redis.del(this.entryKey(key));
        return;
      }
      const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
      const tags = [...(ctx?.tags ?? []), ...(Array.isArray(data?.tags) ? data.tags : [])];
      const expire = typeof cacheControl?.expire === "number" && cacheControl.expire > 0 ? cacheControl.expire : MAX_TTL_SECONDS;
      const entry = { value: data, lastModified: Date.now(), cacheControl, tags: [...new Set(tags)] };
      await redis.set(this.entryKey(key), serializeEntry(entry), { EX: Math.min(Math.ceil(expire), MAX_TTL_SECONDS) });
    } catch (err) {
      logRedisProblem("cache set failed, entry not stored", err);
    }
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [_durations]
   */
  async revalidateTag(tags, _durations) {
    await recordRevalidatedTags({ url: this.url, prefix: this.prefix }, typeof tags === "string" ? [tags] : tags);
  }

  resetRequestCache() {}
}
