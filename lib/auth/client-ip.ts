import { env } from "../env";

/**
 * The visitor's IP, for per-IP limits (sign-in, feedback, page views).
 *
 * x-forwarded-for is a list each proxy appends to, so only its right end is
 * trustworthy: the entry added by the nearest proxy we run. TRUSTED_PROXY_HOPS
 * (default 1) says how many entries from the right to go: 1 fits `next start`
 * alone (Next fills the header from the socket when the client sent none),
 * one nginx with proxy_add_x_forwarded_for, or Vercel (which replaces the
 * header). Taking the first entry instead would let any client choose its
 * IP by sending the header itself. Falls back to x-real-ip; "" when there is
 * none, and per-IP limits are then skipped rather than pooling every visitor
 * into one bucket (which would let 10 wrong passwords lock everybody out).
 *
 * Known gap: with `next start` facing the internet directly, a client that
 * sends its own x-forwarded-for is believed (Next only fills the header when
 * it is absent, and route handlers cannot see the socket). Production runs
 * behind a proxy, as the README says.
 */
export function clientIp(headers: { get(name: string): string | null }, hops = trustedProxyHops()): string {
  const fwd = headers.get("x-forwarded-for");
  if (fwd) {
    const entries = fwd
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const ip = entries[Math.max(0, entries.length - hops)];
    if (ip) return ip.slice(0, 64);
  }
  return (headers.get("x-real-ip") ?? "").trim().slice(0, 64);
}

function trustedProxyHops(): number {
  return env().TRUSTED_PROXY_HOPS;
}

/**
 * What per-IP limits count by: an IPv4 address, or an IPv6 /64. One home or
 * phone gets a whole /64 and can use a fresh address for every request, so
 * limiting single IPv6 addresses would limit nobody. ("" stays "".)
 */
export function ipLimitKey(ip: string): string {
  const addr = ip.replace(/%.*$/, "").toLowerCase();
  if (!addr.includes(":")) return addr;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(addr);
  if (mapped) return mapped[1];
  const [head, tail] = addr.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const groups = tail === undefined ? headParts : [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill("0"), ...tailParts];
  const prefix = groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16));
  return `${prefix.join(":")}::/64`;
}
