import { env } from "../env";

/**
 * Caps the views one IP address can add: VIEW_IP_LIMIT counted views per
 * VIEW_IP_WINDOW_MINUTES (default 240 per 10 minutes; 0 turns it off).
 *
 * The 30-minute duplicate window already stops one browser from inflating a
 * page, but a script can invent a new visitor id for every beacon. No reader
 * opens 240 different pages in 10 minutes; a large office behind one NAT
 * address would rarely, and then loses some counts, never access. Kept in
 * this process, like the duplicate window (a shared Redis counter would
 * make it exact across instances).
 */
const MAX_TRACKED = 100_000;

export class IpViewLimit {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private limit: number,
    private windowMs: number,
  ) {}

  /** True when a view from this IP may count (and counts it against the IP). */
  take(ip: string, now: number): boolean {
    if (this.limit <= 0) return true;
    let w = this.windows.get(ip);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size >= MAX_TRACKED) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(ip, w);
    }
    if (w.count >= this.limit) return false;
    w.count++;
    return true;
  }

  private prune(now: number): void {
    for (const [ip, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(ip);
    // Still huge within one window (a flood from many addresses): forget the oldest windows rather than grow without bound.
    for (const ip of this.windows.keys()) {
      if (this.windows.size <= MAX_TRACKED / 2) break;
      this.windows.delete(ip);
    }
  }
}

export function ipViewLimitFromEnv(): IpViewLimit {
  const { VIEW_IP_LIMIT, VIEW_IP_WINDOW_MINUTES } = env();
  return new IpViewLimit(VIEW_IP_LIMIT, VIEW_IP_WINDOW_MINUTES * 60_000);
}
