import { revalidatePath, revalidateTag } from "next/cache";
import { after } from "next/server";
import { db } from "../db";
import type { Changed } from "../articles/workflow";
import type { PlacementChange } from "../placement/manage";
import { tags } from "./tags";
import { articleProxyUrls, pageProxyUrls, placementProxyUrls, siteProxyUrls } from "./proxy-urls";
import { proxyPurgeEnabled, purgeProxy } from "./purge";

/** A render that read the old data just before the change may finish just after it and be cached as fresh. */
const IN_FLIGHT_RENDER_MS = 3000;

/**
 * Runs an invalidation now and once more after in-flight renders have
 * finished (a visitor's request racing the editor's save would otherwise
 * leave the old content cached until the backstop expiry).
 */
function twice(invalidate: () => void): void {
  invalidate();
  try {
    after(async () => {
      await new Promise((r) => setTimeout(r, IN_FLIGHT_RENDER_MS));
      invalidate();
    });
  } catch {
    /* outside a request (scripts, tests): the first pass is all there is */
  }
}

/**
 * The caching proxy in front (PURGE_URL) is purged after the response, when
 * Next has applied the tag expiry (a purge before it would let the proxy
 * fetch and keep the old page), and again with the second pass, after
 * renders that were in flight.
 */
function purgeAfter(urls: () => Promise<string[]> | string[]): void {
  if (!proxyPurgeEnabled()) return;
  let list: Promise<string[]> | null = null;
  const run = async () => {
    list ??= Promise.resolve(urls());
    await purgeProxy(await list);
  };
  const onError = (err: unknown) => console.error("[purge]", err);
  try {
    after(async () => {
      await run().catch(onError);
      await new Promise((r) => setTimeout(r, IN_FLIGHT_RENDER_MS));
      await run().catch(onError);
    });
  } catch {
    void run().catch(onError);
  }
}

/**
 * On-demand regeneration. Called after the database transaction commits.
 * `{ expire: 0 }`: the next request renders fresh content (MISS, then HIT)
 * instead of serving the stale page once more.
 */
function expire(tagList: Iterable<string>): void {
  const unique = [...new Set(tagList)];
  twice(() => unique.forEach((tag) => revalidateTag(tag, { expire: 0 })));
}

/** A section and all its ancestors: their list pages roll the article up. */
async function withAncestors(sectionIds: number[]): Promise<number[]> {
  if (sectionIds.length === 0) return [];
  const all = await db.section.findMany({ select: { id: true, path: true } });
  const byPath = new Map(all.map((s) => [s.path, s.id]));
  const out = new Set<number>();
  for (const id of sectionIds) {
    const path = all.find((s) => s.id === id)?.path;
    if (!path) continue;
    const parts = path.split("/");
    parts.forEach((_, i) => {
      const ancestor = byPath.get(parts.slice(0, i + 1).join("/"));
      if (ancestor) out.add(ancestor);
    });
  }
  return [...out];
}

/**
 * Every page that shows the article: its own page, its sections' lists (and
 * their ancestors'), the neighbours' previous/next links (tagged by section),
 * and the home page.
 */
export async function revalidateArticle(changed: Changed): Promise<void> {
  if (!changed.public) return;
  const sections = await withAncestors(changed.sectionIds);
  expire([tags.article(changed.articleId), tags.home, ...sections.map(tags.section)]);
  // A cached redirect (old section path → canonical URL) carries no tags; when
  // the article moves, its old and new URLs must both render afresh or the
  // two could redirect to each other.
  const paths = await db.section.findMany({ where: { id: { in: changed.sectionIds } }, select: { path: true } });
  twice(() => paths.forEach(({ path }) => revalidatePath(`/${path}/${changed.articleId}`)));
  // Computed now: a deleted article's neighbours can no longer be found afterwards (it is gone either way).
  if (proxyPurgeEnabled()) {
    const urls = await articleProxyUrls(changed.articleId, changed.sectionIds, sections);
    purgeAfter(() => urls);
  }
}

/**
 * 头条/推荐 show on the home page; 置顶 reorders its section lists (and their
 * ancestors', which roll it up) and the home page's panel of its channel.
 * Only public articles were on a page to begin with.
 */
export async function revalidatePlacements(changes: PlacementChange[]): Promise<void> {
  const shown = changes.filter((c) => c.public && c.kinds.length > 0);
  if (shown.length === 0) return;
  const sections = await withAncestors([...new Set(shown.filter((c) => c.kinds.includes("pinned")).flatMap((c) => c.sectionIds))]);
  expire([tags.home, ...sections.map(tags.section)]);
  purgeAfter(() => placementProxyUrls(sections));
}

/**
 * Section tree changes alter navigation and breadcrumbs on every page, and
 * turn section URLs into redirects (or back): the whole site renders afresh.
 */
export function revalidateSections(sectionIds: number[] = []): void {
  expire([tags.sections, tags.home, ...sectionIds.map(tags.section)]);
  twice(() => revalidatePath("/", "layout"));
  purgeAfter(siteProxyUrls);
}

export function revalidateSettings(): void {
  expire([tags.settings]);
  purgeAfter(siteProxyUrls);
}

export function revalidatePage(slug: string): void {
  expire([tags.page(slug), tags.pages]);
  purgeAfter(() => pageProxyUrls(slug));
}
