import { escapeXml } from "../feeds/xml";
import { absoluteUrl } from "../site/origin";
import type { SitemapEntry } from "./entries";

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function sitemapPartPath(index: number): string {
  return `/sitemap/${index}.xml`;
}

/** "3.xml" → 3; null for anything else. */
export function parseSitemapPart(name: string): number | null {
  const m = /^(0|[1-9][0-9]{0,5})\.xml$/.exec(name);
  return m ? Number(m[1]) : null;
}

export function urlsetXml(origin: string, entries: SitemapEntry[]): string {
  const urls = entries.map(
    (e) => `<url><loc>${escapeXml(absoluteUrl(origin, e.path))}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ""}</url>`,
  );
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<urlset xmlns="${NS}">`, ...urls, `</urlset>`].join("\n") + "\n";
}

export function sitemapIndexXml(origin: string, partCount: number): string {
  const parts = Array.from({ length: partCount }, (_, i) => `<sitemap><loc>${escapeXml(absoluteUrl(origin, sitemapPartPath(i)))}</loc></sitemap>`);
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<sitemapindex xmlns="${NS}">`, ...parts, `</sitemapindex>`].join("\n") + "\n";
}
