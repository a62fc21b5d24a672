import { env } from "../env";

/**
 * The one place that decides the site's public origin ("https://www.example.gov.cn"),
 * used by the sitemap, the feeds, canonical URLs and Open Graph.
 *
 *   1. SITE_URL (environment): the operator's explicit choice, e.g. behind a proxy.
 *   2. SiteSettings.siteDomain (网站域名 in the admin): "https://" + the domain,
 *      unless the admin typed a scheme.
 *   3. The request's own origin — only where there is a request (route handlers).
 *      ISR pages have none, and reading headers would make them dynamic, so
 *      they get null and leave absolute-URL tags out rather than emit a wrong host.
 */

/** "www.x.gov.cn", "https://www.x.gov.cn/", "http://localhost:3000" → origin, or null when unusable. */
export function normalizeOrigin(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function siteOrigin(settings: { siteDomain: string }, requestOrigin?: string | null): string | null {
  return normalizeOrigin(env().SITE_URL) ?? normalizeOrigin(settings.siteDomain) ?? normalizeOrigin(requestOrigin);
}

/** origin + a site path ("/news/12"); the path must start with "/". */
export function absoluteUrl(origin: string, path: string): string {
  return origin + (path.startsWith("/") ? path : `/${path}`);
}

/** For route handlers: there is always a request to fall back on. */
export function siteOriginForRequest(settings: { siteDomain: string }, requestOrigin: string): string {
  return siteOrigin(settings, requestOrigin) ?? requestOrigin;
}

/** The origin a request was made to, as seen through a reverse proxy. */
export function requestOriginFromHeaders(h: Headers): string | null {
  const host = h.get("x-forwarded-host")?.split(",")[0].trim() || h.get("host");
  if (!host) return null;
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() || "http";
  return normalizeOrigin(`${proto}://${host}`);
}
