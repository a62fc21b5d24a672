import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";

/** Next passes different context shapes per entry kind (fetch, page, route); the handler reads tags, softTags, cacheControl, fetchCache. */
type Ctx = Record<string, unknown>;

/** Types for redis-handler.mjs (plain JavaScript: Next's server imports it unbundled). */
export declare function serializeEntry(value: unknown): string;
export declare function deserializeEntry(text: string): unknown;
export interface TagStore {
  url: string;
  prefix: string;
}
export declare function recordRevalidatedTags(store: TagStore, tags: string[]): Promise<boolean>;
export declare function activeTagStore(): TagStore | null;

export default class RedisCacheHandler implements CacheHandler {
  constructor(ctx: CacheHandlerContext);
  get(key: string, ctx: Ctx): Promise<CacheHandlerValue | null>;
  set(key: string, data: unknown, ctx: Ctx): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
