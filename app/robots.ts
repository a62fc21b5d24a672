import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { requestOriginFromHeaders, siteOrigin } from "@/lib/site/origin";
import { readSettings } from "@/lib/site/reads";

/**
 * robots.txt: the public site is open to crawlers; the CMS, the APIs and the
 * sign-in page are not. Rendered per request (it reads the Host header as the
 * last-resort origin), from cached settings, so a changed 网站域名 shows at once.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const settings = await readSettings();
  const origin = siteOrigin(settings, requestOriginFromHeaders(await headers()));
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/login"] }],
    ...(origin ? { sitemap: `${origin}/sitemap.xml` } : {}),
  };
}
