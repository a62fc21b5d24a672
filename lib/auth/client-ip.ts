/**
 * The visitor's IP as reported by the reverse proxy in front of the app
 * (x-forwarded-for's first hop, or x-real-ip). Behind no proxy Next gives
 * neither, and every request shares one key: rate limits then still work
 * per account.
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const fwd = headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim().slice(0, 64);
  return (headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
