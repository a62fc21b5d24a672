import type { NextRequest } from "next/server";
import { xmlResponse } from "@/lib/feeds/http";
import { sectionFeedPath, sectionPathFromFeed } from "@/lib/feeds/paths";
import { readSectionFeedItems } from "@/lib/feeds/reads";
import { buildRss } from "@/lib/feeds/rss";
import { sectionHref } from "@/lib/sections/types";
import { siteOriginForRequest } from "@/lib/site/origin";
import { readSections, readSettings } from "@/lib/site/reads";

type Ctx = { params: Promise<{ path: string[] }> };

/** RSS 2.0 of one section (with its sub-sections): /rss/topics/congress-19.xml. */
export async function GET(req: NextRequest, { params }: Ctx) {
  const path = sectionPathFromFeed((await params).path);
  const [settings, sections] = await Promise.all([readSettings(), readSections()]);
  const section = path ? sections.find((s) => s.path === path) : undefined;
  if (!section) return new Response("栏目不存在", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const items = await readSectionFeedItems(section, sections);
  const origin = siteOriginForRequest(settings, req.nextUrl.origin);
  const xml = buildRss(
    origin,
    {
      title: `${section.name} - ${settings.siteName}`,
      path: sectionHref(section.path),
      selfPath: sectionFeedPath(section.path),
      description: section.description || `${settings.siteName}“${section.name}”栏目最新发布的信息`,
    },
    items,
  );
  return xmlResponse(xml, "application/rss+xml");
}
