/**
 * The visitor's IP as reported by the reverse proxy in front of the app
 * (x-forwarded-for's first hop, or x-real-ip); "" when there is none. Route
 * handlers do not see the socket address, so without a proxy there is no
 * IP, and per-IP limits are skipped rather than pooling every visitor into
 * one bucket (which would let 10 wrong passwords lock everybody out).
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const fwd = headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim().slice(0, 64);
  return (headers.get("x-real-ip") ?? "").trim().slice(0, 64);
}
