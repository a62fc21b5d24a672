import { isbot } from "isbot";

/**
 * Why a beacon is not a real page view by a person, or null when it is.
 * Beacons come from a client effect, so ISR/build renders, HEAD requests
 * and Link prefetches never send one; these checks catch the rest.
 */
export function notARealView(r: { userAgent: string | null; purpose: string | null }): "no-user-agent" | "bot" | "prefetch" | null {
  if (!r.userAgent) return "no-user-agent";
  if (isbot(r.userAgent)) return "bot";
  if (/prefetch|prerender/i.test(r.purpose ?? "")) return "prefetch";
  return null;
}
