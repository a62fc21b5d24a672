import { absoluteUrl } from "../site/origin";
import type { FeedItem } from "./queries";
import { element, escapeXml, rfc822Beijing } from "./xml";

export interface FeedChannel {
  title: string;
  /** Site path of the page the feed mirrors ("/" or "/news"). */
  path: string;
  /** Site path of the feed itself, for atom:link rel="self". */
  selfPath: string;
  description: string;
}

/**
 * An RSS 2.0 document. Item guids are not permalinks: an article keeps its
 * guid when its section (and so its URL) changes, so readers do not show it twice.
 * lastBuildDate is the latest change among the items (not "now"; "now" only
 * for an empty feed), so the same content always gives the same bytes.
 */
export function buildRss(origin: string, channel: FeedChannel, items: FeedItem[]): string {
  const newest = items.reduce<string | null>((max, i) => {
    const t = i.updatedAt > i.publishedAt ? i.updatedAt : i.publishedAt;
    return max === null || t > max ? t : max;
  }, null);
  // Host in the guid: ids stay unique when readers merge feeds of several sites.
  const host = new URL(origin).host;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">`,
    `<channel>`,
    element("title", channel.title),
    element("link", absoluteUrl(origin, channel.path)),
    element("description", channel.description),
    element("language", "zh-cn"),
    `<atom:link href="${escapeXml(absoluteUrl(origin, channel.selfPath))}" rel="self" type="application/rss+xml"/>`,
    element("lastBuildDate", rfc822Beijing(newest ?? new Date())),
    ...items.map((i) =>
      [
        `<item>`,
        element("title", i.title),
        element("link", absoluteUrl(origin, i.href)),
        element("description", i.description),
        element("category", i.sectionName),
        element("pubDate", rfc822Beijing(i.publishedAt)),
        `<guid isPermaLink="false">${escapeXml(`${host}:article:${i.id}`)}</guid>`,
        `</item>`,
      ].join(""),
    ),
    `</channel>`,
    `</rss>`,
  ];
  return lines.join("\n") + "\n";
}
