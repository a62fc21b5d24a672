import { randomBytes } from "node:crypto";
import { createClient } from "redis";

/**
 * The Redis the tests use: TEST_REDIS_URL, default the local server these
 * machines pre-start (and .ci/run starts where missing). vitest.config.ts
 * checks it once: unreachable fails the run in CI and skips the Redis tests
 * loudly elsewhere; tests read the verdict from process.env.TEST_REDIS_URL
 * (empty = skipped).
 */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
}

export async function redisReachable(url = testRedisUrl()): Promise<string | null> {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    if (client.isOpen) await client.close().catch(() => undefined);
  }
}

/** The Redis URL when the Redis tests run, or null when vitest.config.ts decided to skip them. */
export const redisForTests: string | null = process.env.TEST_REDIS_URL || null;

/** A key prefix no other test (or helper, or run) shares: `test:<random>:`. */
export function uniquePrefix(): string {
  return `test:${randomBytes(6).toString("hex")}:`;
}

/** Deletes every key under `prefix` (SCAN, never KEYS on a shared server). */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await client.del(keys);
  } finally {
    await client.close();
  }
}
