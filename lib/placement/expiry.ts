import { db } from "../db";
import { isPubliclyVisible } from "../articles/access";
import { revalidatePlacements } from "../cache/revalidate";
import type { PlacementChange } from "./manage";
import type { PlacementKind } from "./kinds";

/**
 * An end date passes without anybody saving anything, so nothing would
 * regenerate the cached pages that show the flag. The cron tick
 * (app/api/cron/publish, every PUBLISH_TICK_MS on every instance) claims each
 * lapsed placement once — `lapseHandledAt` — and regenerates its pages.
 */
export async function claimLapsedPlacements(now = new Date()): Promise<PlacementChange[]> {
  const due = await db.articlePlacement.findMany({
    where: { until: { lte: now }, lapseHandledAt: null },
    select: { id: true, kind: true, articleId: true, article: { select: { sectionId: true, isLive: true, publishedAt: true } } },
  });
  const claimed: PlacementChange[] = [];
  for (const p of due) {
    // Another instance's tick may have claimed it in between: only one regenerates.
    const { count } = await db.articlePlacement.updateMany({ where: { id: p.id, lapseHandledAt: null }, data: { lapseHandledAt: now } });
    if (count === 1) claimed.push({ articleId: p.articleId, sectionIds: [p.article.sectionId], kinds: [p.kind as PlacementKind], public: isPubliclyVisible(p.article, now) });
  }
  return claimed;
}

/** Regenerates the pages of placements that lapsed since the last tick. Returns how many. */
export async function revalidateLapsedPlacements(): Promise<number> {
  const lapsed = await claimLapsedPlacements();
  await revalidatePlacements(lapsed);
  return lapsed.length;
}
