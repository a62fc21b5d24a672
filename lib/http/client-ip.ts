import { isIP } from "node:net";
import { env } from "../env";

/**
 * The visitor's IP, for per-IP limits (sign-in, feedback, page views) and the audit log.
 *
 * Who may be believed depends on how the site runs; each way has one trusted writer:
 * - `npm start` and `npm run serve` (scripts/http-server.ts): our own Node server sits in front of Next and
 *   OVERWRITES x-forwarded-for and x-real-ip with one address it resolved from the
 *   socket (see forwardedClientIp), so whatever a client wrote never reaches the app.
 *   Behind the README's nginx recipe it trusts TRUSTED_PROXY_HOPS entries instead.
 * - Vercel (VERCEL=1): the platform's own x-vercel-forwarded-for / x-real-ip.
 *
 * An address that is missing or not an IP becomes UNKNOWN_IP, a fixed key that per-IP
 * limits count like any other address: never "unlimited".
 */
export const UNKNOWN_IP = "unknown";

type HeaderReader = { get(name: string): string | null };

export function clientIp(headers: HeaderReader): string {
  if (env().VERCEL === "1") {
    return normalizeIp(firstEntry(headers.get("x-vercel-forwarded-for")) ?? headers.get("x-real-ip"));
  }
  // Our server leaves exactly one entry; the last one is what any single proxy appended.
  return normalizeIp(lastEntry(headers.get("x-forwarded-for")) ?? headers.get("x-real-ip"));
}

/**
 * What the serving layer writes into x-forwarded-for: the socket address appended to the
 * incoming list (as nginx's proxy_add_x_forwarded_for does), then the entry `hops` from the
 * right. hops 1 = the socket itself (npm start facing the internet); 2 = one proxy in front
 * whose own address is the socket. Fewer entries than hops → the leftmost (the request did
 * not come through every proxy; bind the app to localhost behind one).
 */
export function forwardedClientIp(incoming: string | string[] | undefined, socketAddress: string | undefined, hops = trustedProxyHops()): string {
  const list = Array.isArray(incoming) ? incoming.join(",") : incoming;
  const entries = [...(list ? list.split(",").map((s) => s.trim()) : []), socketAddress ?? ""];
  return normalizeIp(entries[Math.max(0, entries.length - hops)]);
}

export function trustedProxyHops(): number {
  return env().TRUSTED_PROXY_HOPS;
}

/** A valid IPv4/IPv6 address (IPv4-mapped IPv6 unwrapped, zone id dropped), or UNKNOWN_IP. */
export function normalizeIp(raw: string | null | undefined): string {
  let ip = (raw ?? "").trim().replace(/%.*$/, "").toLowerCase();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) ip = mapped[1];
  return ip.length <= 64 && isIP(ip) ? ip : UNKNOWN_IP;
}

function firstEntry(v: string | null): string | undefined {
  return v ? v.split(",")[0] : undefined;
}
function lastEntry(v: string | null): string | undefined {
  return v ? v.split(",").at(-1) : undefined;
}

/**
 * What per-IP limits count by: an IPv4 address, or an IPv6 /64. One home or
 * phone gets a whole /64 and can use a fresh address for every request, so
 * limiting single IPv6 addresses would limit nobody. Anything else (UNKNOWN_IP,
 * "") is the one shared UNKNOWN_IP bucket.
 */
export function ipLimitKey(ip: string): string {
  const addr = normalizeIp(ip);
  if (addr === UNKNOWN_IP || !addr.includes(":")) return addr;
  const [head, tail] = addr.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const groups = tail === undefined ? headParts : [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill("0"), ...tailParts];
  const prefix = groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16));
  return `${prefix.join(":")}::/64`;
}
