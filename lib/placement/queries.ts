import { db } from "../db";
import { latestWithCover, listSelect, toListItem } from "../articles/queries";
import type { ArticleListItem } from "../articles/types";
import { placedArticleWhere } from "./active";
import { FEATURED_SLIDES, type PlacementKind } from "./kinds";

/** Public reads of the home page's placements (read through lib/site/reads.ts, tagged "home"). */

/** Articles carrying an active flag of `kind`: manual order (smaller first), then newest first. */
async function placed(kind: PlacementKind, take: number, extra: { coverId?: { not: null } } = {}): Promise<ArticleListItem[]> {
  const now = new Date();
  const rows = await db.article.findMany({
    where: { ...placedArticleWhere(kind, now), ...extra },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { ...listSelect, placements: { where: { kind }, select: { position: true } } },
  });
  return rows
    .sort((a, b) => (a.placements[0]?.position ?? 0) - (b.placements[0]?.position ?? 0))
    .slice(0, take)
    .map(toListItem);
}

/**
 * The headline slot: the chosen 头条 first in manual order; only when none
 * applies, the newest article with a cover (the portal's behaviour before 头条).
 */
export async function headlineArticle(): Promise<ArticleListItem | null> {
  const [chosen] = await placed("headline", 1);
  if (chosen) return chosen;
  const [newest] = await latestWithCover(1);
  return newest ?? null;
}

/** 推荐: the 图片新闻 carousel's slides; an article without a cover has no picture to show. */
export function featuredArticles(take = FEATURED_SLIDES): Promise<ArticleListItem[]> {
  return placed("featured", take, { coverId: { not: null } });
}
