import { cachedRead } from "../cache/cached";
import { tags } from "../cache/tags";
import { countSitemapEntries, SITEMAP_URL_LIMIT, sitemapPartCount, sitemapSlice } from "./entries";

/**
 * The sitemap through the data cache. Every article publish/unpublish/delete
 * expires `home` (lib/cache/revalidate.ts), section changes `sections`,
 * static page changes `pages`: the tags of everything the sitemap lists.
 */
const SITEMAP_TAGS = [tags.home, tags.sections, tags.pages];

export const readSitemapCount = () => cachedRead(["sitemap-count"], SITEMAP_TAGS, countSitemapEntries);

/** What /sitemap.xml serves: all entries, or the number of parts when there are too many. */
export async function readSitemapPlan(limit = SITEMAP_URL_LIMIT) {
  const parts = sitemapPartCount(await readSitemapCount(), limit);
  return parts === 0 ? { kind: "urlset" as const, entries: await readSitemapPart(0, limit) } : { kind: "index" as const, parts };
}

export const readSitemapPart = (index: number, limit = SITEMAP_URL_LIMIT) =>
  cachedRead(["sitemap-part", index, limit], SITEMAP_TAGS, () => sitemapSlice(index * limit, limit));
