import type { NextRequest } from "next/server";
import { xmlResponse } from "@/lib/feeds/http";
import { SITE_FEED_PATH } from "@/lib/feeds/paths";
import { readSiteFeedItems } from "@/lib/feeds/reads";
import { buildRss } from "@/lib/feeds/rss";
import { siteOriginForRequest } from "@/lib/site/origin";
import { readSettings } from "@/lib/site/reads";

/** Site-wide RSS 2.0: the latest live articles of every section. */
export async function GET(req: NextRequest) {
  const [settings, items] = await Promise.all([readSettings(), readSiteFeedItems()]);
  const origin = siteOriginForRequest(settings, req.nextUrl.origin);
  const xml = buildRss(
    origin,
    { title: settings.siteName, path: "/", selfPath: SITE_FEED_PATH, description: `${settings.siteName}最新发布的信息` },
    items,
  );
  return xmlResponse(xml, "application/rss+xml");
}
