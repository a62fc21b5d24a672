import { LRUCache } from "lru-cache";
import { env } from "../env";

/**
 * "Already counted" memory: the same visitor viewing the same page again
 * within the window (default 30 minutes) is not a new view. Kept in this
 * process; behind a load balancer without sticky sessions a repeat that
 * lands on another instance is counted again (a shared Redis set would
 * close that gap).
 *
 * An LRU cache with a time-to-live (lru-cache): expiry and eviction are O(1)
 * per insert, and memory is bounded by `maxKeys` even under a flood of new
 * visitors inside one window (the oldest keys go first). The stored value is
 * the time of the counted view, compared with the caller's clock.
 */
export class RecentViews {
  private lastSeen: LRUCache<string, number> | null;

  constructor(
    private windowMs: number,
    maxKeys = 500_000,
  ) {
    // A zero window remembers nothing (and lru-cache reads ttl 0 as "forever").
    this.lastSeen = windowMs > 0 ? new LRUCache<string, number>({ max: maxKeys, ttl: windowMs, updateAgeOnGet: false }) : null;
  }

  /** True inside the window of an earlier view with this key (remembers nothing). */
  seen(key: string, now: number): boolean {
    const last = this.lastSeen?.get(key);
    return last !== undefined && now - last < this.windowMs;
  }

  /** Starts the window for this key (the view was counted). */
  remember(key: string, now: number): void {
    this.lastSeen?.set(key, now);
  }

  /** True when this view counts (and remembers it); false inside the window of an earlier one. */
  admit(key: string, now: number): boolean {
    if (this.seen(key, now)) return false;
    this.remember(key, now);
    return true;
  }

  get size(): number {
    return this.lastSeen?.size ?? 0;
  }

  clear(): void {
    this.lastSeen?.clear();
  }
}

export function dedupWindowMs(): number {
  return env().VIEW_DEDUP_MINUTES * 60_000;
}
