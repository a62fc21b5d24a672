import { revalidatePath, revalidateTag } from "next/cache";
import { after } from "next/server";
import { db } from "../db";
import type { Changed } from "../articles/workflow";
import type { PlacementChange } from "../placement/manage";
import { tags } from "./tags";
import { articleProxyUrls, pageProxyUrls, placementProxyUrls, siteProxyUrls } from "./proxy-urls";
import { proxyPurgeEnabled, purgeProxy } from "./purge";
import { activeTagStore, recordRevalidatedTags } from "./redis-handler.mjs";

/** A render that read the old data just before the change may finish just after it and be cached as fresh. */
const IN_FLIGHT_RENDER_MS = 3000;
/** How long an action waits for its proxy purge before answering anyway: a hanging proxy must not hold the editor (the purge goes on). */
const PURGE_WAIT_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs an invalidation now and once more after in-flight renders have
 * finished (a visitor's request racing the editor's save would otherwise
 * leave the old content cached until the backstop expiry).
 */
function twice(invalidate: () => void): void {
  invalidate();
  try {
    after(async () => {
      await sleep(IN_FLIGHT_RENDER_MS);
      invalidate();
    });
  } catch {
    /* outside a request (scripts, tests): the first pass is all there is */
  }
}

/**
 * The caching proxy in front (PURGE_URL) drops `urls`, but only once the
 * instances render them afresh: a purge before the tag expiry would let
 * nginx fetch and keep the old page again.
 *
 * With the shared cache on Redis (the tag state every instance reads), the
 * expiry of `tagList` is recorded there first and the proxy purged at once,
 * before the action answers: when the editor sees 已发布, every instance and
 * the proxy already serve the new page (a proxy that does not answer holds
 * the action for PURGE_WAIT_MS at most). Next records the same tags again
 * when the action's body has returned: at most one more render. Without it,
 * Next applies the expiry only then, so the purge waits until the response
 * has been sent (`after()`).
 *
 * Either way a second pass follows after in-flight renders (a render that
 * read the old data before the change may be stored by nginx after the
 * purge), in the same order: expiry, then purge.
 */
async function purgeProxyFor(tagList: string[], urls: () => Promise<string[]> | string[]): Promise<void> {
  if (!proxyPurgeEnabled()) return;
  let list: Promise<string[]> | null = null;
  const purge = async () => {
    list ??= Promise.resolve(urls());
    await purgeProxy(await list);
  };
  const run = () => purge().catch((err: unknown) => console.error("[purge]", err));
  const store = activeTagStore();
  const expireShared = async () => !!store && (await recordRevalidatedTags(store, tagList));
  const first = (await expireShared()) ? run() : null;
  if (first) await Promise.race([first, sleep(PURGE_WAIT_MS)]);
  try {
    after(async () => {
      await (first ?? run());
      await sleep(IN_FLIGHT_RENDER_MS);
      await expireShared();
      await run();
    });
  } catch {
    // Outside a request (scripts, tests): no response to wait for; the first pass is all there is.
    if (!first) void run();
  }
}

/**
 * On-demand regeneration. Called after the database transaction commits.
 * `{ expire: 0 }`: the next request renders fresh content (MISS, then HIT)
 * instead of serving the stale page once more.
 */
function expire(tagList: Iterable<string>): string[] {
  const unique = [...new Set(tagList)];
  twice(() => unique.forEach((tag) => revalidateTag(tag, { expire: 0 })));
  return unique;
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
  const expired = expire([tags.article(changed.articleId), tags.home, ...sections.map(tags.section)]);
  // A cached redirect (old section path → canonical URL) carries no tags; when
  // the article moves, its old and new URLs must both render afresh or the
  // two could redirect to each other.
  const paths = await db.section.findMany({ where: { id: { in: changed.sectionIds } }, select: { path: true } });
  twice(() => paths.forEach(({ path }) => revalidatePath(`/${path}/${changed.articleId}`)));
  // Computed now: a deleted article's neighbours can no longer be found afterwards (it is gone either way).
  if (proxyPurgeEnabled()) {
    const urls = await articleProxyUrls(changed.articleId, changed.sectionIds, sections);
    await purgeProxyFor(expired, () => urls);
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
  await purgeProxyFor(expire([tags.home, ...sections.map(tags.section)]), () => placementProxyUrls(sections));
}

/**
 * Section tree changes alter navigation and breadcrumbs on every page, and
 * turn section URLs into redirects (or back): the whole site renders afresh.
 */
export async function revalidateSections(sectionIds: number[] = []): Promise<void> {
  const expired = expire([tags.sections, tags.home, ...sectionIds.map(tags.section)]);
  twice(() => revalidatePath("/", "layout"));
  await purgeProxyFor(expired, siteProxyUrls);
}

export async function revalidateSettings(): Promise<void> {
  await purgeProxyFor(expire([tags.settings]), siteProxyUrls);
}

export async function revalidatePage(slug: string): Promise<void> {
  await purgeProxyFor(expire([tags.page(slug), tags.pages]), () => pageProxyUrls(slug));
}
