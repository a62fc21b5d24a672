/**
 * Whether a browser sent this request from one of our own pages. Browsers mark
 * every fetch with Sec-Fetch-Site (and a POST with Origin); a page on another
 * site cannot forge either. Without both, refuse: only scripts omit them, and
 * those are limited per IP anyway, not invited.
 */
export function isSameOriginRequest(headers: { get(name: string): string | null }): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
