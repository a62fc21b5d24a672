import type { NextRequest } from "next/server";
import { xmlResponse } from "@/lib/feeds/http";
import { readSitemapCount, readSitemapPart } from "@/lib/sitemap/reads";
import { parseSitemapPart, urlsetXml } from "@/lib/sitemap/xml";
import { sitemapPartCount } from "@/lib/sitemap/entries";
import { siteOriginForRequest } from "@/lib/site/origin";
import { readSettings } from "@/lib/site/reads";

type Ctx = { params: Promise<{ part: string }> };

/** /sitemap/3.xml: one part of the index, served only while /sitemap.xml is an index. */
export async function GET(req: NextRequest, { params }: Ctx) {
  const index = parseSitemapPart((await params).part);
  const parts = sitemapPartCount(await readSitemapCount());
  if (index === null || index >= parts) return new Response("Not Found", { status: 404 });
  const [settings, entries] = await Promise.all([readSettings(), readSitemapPart(index)]);
  return xmlResponse(urlsetXml(siteOriginForRequest(settings, req.nextUrl.origin), entries), "application/xml");
}
