import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import RedisCacheHandler, { activeTagStore, recordRevalidatedTags } from "@/lib/cache/redis-handler.mjs";
import { closeRedisConnections } from "@/lib/redis/connection.mjs";
import { deletePrefix, redisForTests, uniquePrefix } from "../support/test-redis";

// Two handler objects stand for two instances: everything they share lives in Redis.

function distWithBuildId(id: string): string {
  const dist = mkdtempSync(path.join(tmpdir(), "cache-handler-"));
  mkdirSync(path.join(dist, "server"));
  writeFileSync(path.join(dist, "BUILD_ID"), id);
  return path.join(dist, "server");
}

function handler(serverDistDir: string) {
  return new RedisCacheHandler({ serverDistDir, revalidatedTags: [], _requestHeaders: {} });
}

const pageCtx = { kind: "APP_PAGE", isFallback: false, isRoutePPREnabled: false };

function page(tags: string[]) {
  return {
    kind: "APP_PAGE",
    html: "<html><body>文章</body></html>",
    rscData: Buffer.from([0, 1, 2, 250, 255]),
    segmentData: new Map([
      ["/_tree", Buffer.from("tree")],
      ["/_full", Buffer.from([9, 8, 7])],
    ]),
    headers: { "x-next-cache-tags": tags.join(","), "x-custom": "1" },
    postponed: undefined,
    status: 200,
  };
}

describe.skipIf(!redisForTests)("Redis cache handler (real Redis)", () => {
  const url = redisForTests!;
  const prefix = uniquePrefix();
  const dist = distWithBuildId("build-one");

  beforeAll(() => {
    process.env.REDIS_URL = url;
    process.env.REDIS_KEY_PREFIX = prefix;
  });
  afterAll(async () => {
    await closeRedisConnections();
    await deletePrefix(url, prefix);
    delete process.env.REDIS_URL;
    delete process.env.REDIS_KEY_PREFIX;
  });

  it("a page written by one instance is read by another with its Buffer, Map, headers and cacheControl", async () => {
    const a = handler(dist);
    const b = handler(dist);
    const cacheControl = { revalidate: 3600, expire: 86400 };
    await a.set("/articles/7", page(["article-7", "_N_T_/layout", "_N_T_/articles/7"]), { ...pageCtx, cacheControl });

    const got = await b.get("/articles/7", pageCtx);
    expect(got).not.toBeNull();
    const value = got!.value as ReturnType<typeof page>;
    expect(Buffer.isBuffer(value.rscData)).toBe(true);
    expect([...value.rscData]).toEqual([0, 1, 2, 250, 255]);
    expect(value.segmentData).toBeInstanceOf(Map);
    expect([...value.segmentData.keys()]).toEqual(["/_tree", "/_full"]);
    expect(value.segmentData.get("/_full")!.equals(Buffer.from([9, 8, 7]))).toBe(true);
    expect(value.html).toBe("<html><body>文章</body></html>");
    expect(value.headers["x-custom"]).toBe("1");
    expect(got!.cacheControl).toEqual(cacheControl);
    expect(got!.lastModified).toBeGreaterThan(Date.now() - 5000);
  });

  it("keeps the entry's expire as its Redis TTL", async () => {
    await handler(dist).set("/ttl", page([]), { ...pageCtx, cacheControl: { revalidate: 60, expire: 600 } });
    const client = createClient({ url });
    await client.connect();
    const ttl = await client.ttl(`${prefix}cache:build-one:/ttl`);
    await client.close();
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  it("revalidating one of a page's tags on another instance makes it a miss; other tags leave it alone", async () => {
    const a = handler(dist);
    const b = handler(dist);
    await a.set("/sections/3", page(["section-3", "_N_T_/sections/3"]), { ...pageCtx, cacheControl: { revalidate: 3600 } });
    await b.revalidateTag(["section-99"]);
    expect(await a.get("/sections/3", pageCtx)).not.toBeNull();
    await b.revalidateTag("section-3", { expire: 0 });
    expect(await a.get("/sections/3", pageCtx)).toBeNull();
    // Rendered again after the revalidation: fresh until the next one.
    await new Promise((r) => setTimeout(r, 2));
    await a.set("/sections/3", page(["section-3", "_N_T_/sections/3"]), { ...pageCtx, cacheControl: { revalidate: 3600 } });
    expect(await b.get("/sections/3", pageCtx)).not.toBeNull();
  });

  it("the application records an expiry itself (before purging the proxy): every instance's next get is a miss", async () => {
    const a = handler(dist);
    const b = handler(dist);
    // Creating the handler is what tells the application code in this process that the tag state is in Redis.
    expect(activeTagStore()).toEqual({ url, prefix });
    await a.set("/news/41", page(["article:41", "home", "_N_T_/news/41"]), { ...pageCtx, cacheControl: { revalidate: 3600 } });
    await new Promise((r) => setTimeout(r, 2));
    expect(await recordRevalidatedTags(activeTagStore()!, ["article:41"])).toBe(true);
    expect(await a.get("/news/41", pageCtx)).toBeNull();
    expect(await b.get("/news/41", pageCtx)).toBeNull();
  });

  it("revalidatePath's _N_T_ path tags reach pages", async () => {
    const a = handler(dist);
    await a.set("/", page(["home", "_N_T_/layout", "_N_T_/"]), { ...pageCtx, cacheControl: { revalidate: 3600 } });
    await handler(dist).revalidateTag(["_N_T_/layout"]);
    expect(await a.get("/", pageCtx)).toBeNull();
  });

  it("unstable_cache entries are checked against their tags and soft tags", async () => {
    const a = handler(dist);
    const b = handler(dist);
    const data = { kind: "FETCH", data: { headers: {}, body: '{"x":1}', status: 200, url: "" }, revalidate: 600, tags: ["settings"] };
    const ctx = { kind: "FETCH", tags: ["settings"], softTags: ["_N_T_/layout", "_N_T_/about"], revalidate: 600 };
    // The previous test revalidated _N_T_/layout; a write in that same millisecond counts as stale (ties lose).
    await new Promise((r) => setTimeout(r, 2));
    await a.set("fetch-key", data, { fetchCache: true, tags: ["settings"], revalidate: 600 });
    expect((await b.get("fetch-key", ctx))?.value).toEqual(data);
    await b.revalidateTag("_N_T_/about");
    expect(await a.get("fetch-key", ctx)).toBeNull();

    await new Promise((r) => setTimeout(r, 2)); // a render takes longer than the millisecond a tie would need
    await a.set("fetch-key", data, { fetchCache: true, tags: ["settings"], revalidate: 600 });
    expect(await b.get("fetch-key", ctx)).not.toBeNull();
    // The stored tags count even when the reader does not pass them.
    await b.revalidateTag("settings");
    expect(await a.get("fetch-key", { kind: "FETCH", tags: [], softTags: [] })).toBeNull();
  });

  it("route handler bodies (Buffers) round-trip", async () => {
    const body = Buffer.from('<?xml version="1.0"?><rss>订阅</rss>');
    await handler(dist).set("/rss.xml", { kind: "APP_ROUTE", body, status: 200, headers: { "content-type": "application/rss+xml" } }, { kind: "APP_ROUTE", cacheControl: { revalidate: 300 } });
    const got = await handler(dist).get("/rss.xml", { kind: "APP_ROUTE" });
    expect((got!.value as { body: Buffer }).body.equals(body)).toBe(true);
  });

  it("entries are keyed by build id: a new build never serves the old build's pages", async () => {
    await handler(dist).set("/about", page([]), { ...pageCtx, cacheControl: { revalidate: 3600 } });
    expect(await handler(dist).get("/about", pageCtx)).not.toBeNull();
    expect(await handler(distWithBuildId("build-two")).get("/about", pageCtx)).toBeNull();
  });

  it("a null value deletes the entry", async () => {
    await handler(dist).set("/gone", page([]), { ...pageCtx, cacheControl: { revalidate: 3600 } });
    await handler(dist).set("/gone", null, pageCtx);
    expect(await handler(dist).get("/gone", pageCtx)).toBeNull();
  });
});

describe("Redis cache handler with Redis down", () => {
  it("get is a miss, set and revalidateTag are skipped, nothing throws, and it answers within the connect wait", async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const h = handler(distWithBuildId("down"));
      const started = Date.now();
      expect(await h.get("/x", pageCtx)).toBeNull();
      await expect(h.set("/x", page([]), { ...pageCtx, cacheControl: { revalidate: 60 } })).resolves.toBeUndefined();
      await expect(h.revalidateTag(["a"])).resolves.toBeUndefined();
      // The application's own record says it did not reach Redis (the purge then waits for the response, as without Redis).
      expect(await recordRevalidatedTags({ url: "redis://127.0.0.1:1", prefix: "x:" }, ["a"])).toBe(false);
      // Only the first call waits for the connection (1 s); the others fail at once.
      expect(Date.now() - started).toBeLessThan(1800);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      console.error = original;
      await closeRedisConnections();
      if (saved === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved;
    }
  });
});
