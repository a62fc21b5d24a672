import { env } from "../env";

/**
 * "Already counted" memory: the same visitor viewing the same page again
 * within the window (default 30 minutes) is not a new view. Kept in this
 * process; behind a load balancer without sticky sessions a repeat that
 * lands on another instance is counted again (a shared Redis set would
 * close that gap).
 */
export class RecentViews {
  private lastSeen = new Map<string, number>();

  constructor(private windowMs: number) {}

  /** True inside the window of an earlier view with this key (remembers nothing). */
  seen(key: string, now: number): boolean {
    const last = this.lastSeen.get(key);
    return last !== undefined && now - last < this.windowMs;
  }

  /** Starts the window for this key (the view was counted). */
  remember(key: string, now: number): void {
    this.lastSeen.set(key, now);
    if (this.lastSeen.size > 200_000) this.prune(now);
  }

  /** True when this view counts (and remembers it); false inside the window of an earlier one. */
  admit(key: string, now: number): boolean {
    if (this.seen(key, now)) return false;
    this.remember(key, now);
    return true;
  }

  prune(now: number): void {
    for (const [k, t] of this.lastSeen) if (now - t >= this.windowMs) this.lastSeen.delete(k);
  }

  clear(): void {
    this.lastSeen.clear();
  }
}

export function dedupWindowMs(): number {
  return env().VIEW_DEDUP_MINUTES * 60_000;
}
