/**
 * 首页与置顶: the three flags an article can carry. Safe for client components
 * (no database import).
 */
export const PLACEMENT_KINDS = ["headline", "pinned", "featured"] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export const PLACEMENT_LABELS: Record<PlacementKind, string> = { headline: "头条", pinned: "置顶", featured: "推荐" };

/** What each flag does, as the editor and the 首页编排 page explain it. */
export const PLACEMENT_HINTS: Record<PlacementKind, string> = {
  headline: "首页头条位置；设置了多篇时显示顺序最靠前的一篇",
  pinned: "在所属栏目（及上级栏目）的列表中排在最前",
  featured: "进入首页“图片新闻”轮播；需要封面图",
};

/** How many 推荐 slides the home carousel shows. */
export const FEATURED_SLIDES = 6;
