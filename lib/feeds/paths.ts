/** Where the feeds live. "rss" is a reserved section slug (lib/sections/manage.ts), so these never collide with sections. */
export const SITE_FEED_PATH = "/rss.xml";

export function sectionFeedPath(sectionPath: string): string {
  return `/rss/${sectionPath}.xml`;
}

/** ["topics", "congress-19.xml"] → "topics/congress-19"; null when it is not a feed file name. */
export function sectionPathFromFeed(segments: string[]): string | null {
  if (segments.length === 0) return null;
  const last = segments[segments.length - 1];
  if (!last.endsWith(".xml")) return null;
  const path = [...segments.slice(0, -1), last.slice(0, -".xml".length)];
  return path.every((p) => p.length > 0) ? path.join("/") : null;
}
