import type { NextRequest } from "next/server";
import { xmlResponse } from "@/lib/feeds/http";
import { readSitemapPlan } from "@/lib/sitemap/reads";
import { sitemapIndexXml, urlsetXml } from "@/lib/sitemap/xml";
import { siteOriginForRequest } from "@/lib/site/origin";
import { readSettings } from "@/lib/site/reads";

// A route handler rather than app/sitemap.ts: Next's metadata sitemap either
// serves one /sitemap.xml or (with generateSitemaps, fixed at build time)
// only /sitemap/[id].xml — it cannot switch to an index when the number of
// published articles crosses the limit at run time.
export async function GET(req: NextRequest) {
  const [settings, plan] = await Promise.all([readSettings(), readSitemapPlan()]);
  const origin = siteOriginForRequest(settings, req.nextUrl.origin);
  return xmlResponse(plan.kind === "urlset" ? urlsetXml(origin, plan.entries) : sitemapIndexXml(origin, plan.parts), "application/xml");
}
