/**
 * The visitor's IP: x-forwarded-for's first hop (set by the reverse proxy in
 * front of the app, or by `next start` itself from the socket), else
 * x-real-ip; "" when there is none, and per-IP limits are then skipped
 * rather than pooling every visitor into one bucket (which would let 10
 * wrong passwords lock everybody out).
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const fwd = headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim().slice(0, 64);
  return (headers.get("x-real-ip") ?? "").trim().slice(0, 64);
}
