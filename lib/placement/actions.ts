"use server";

import { guardedAction } from "@/lib/auth/guard";
import { revalidatePlacements } from "@/lib/cache/revalidate";
import { placementInputSchema, placementOrderSchema, placementRemoveSchema } from "@/lib/placement/schema";
import * as manage from "@/lib/placement/manage";

export const savePlacementAction = guardedAction("article.place", placementInputSchema, async (input, actor) => {
  const change = await manage.setPlacements(input, actor);
  await revalidatePlacements([change]);
  if (change.kinds.length === 0) return { ok: true, message: "首页与置顶设置没有变化" };
  return { ok: true, message: change.public ? "首页与置顶设置已保存，网站已更新" : "首页与置顶设置已保存，文章发布后生效" };
});

export const reorderPlacementAction = guardedAction("article.place", placementOrderSchema, async ({ kind, articleIds }, actor) => {
  await revalidatePlacements(await manage.reorderPlacements(kind, articleIds, actor));
  return { ok: true, message: "顺序已保存，网站已更新" };
});

export const removePlacementAction = guardedAction("article.place", placementRemoveSchema, async ({ kind, articleId }, actor) => {
  await revalidatePlacements([await manage.removePlacement(kind, articleId, actor)]);
  return { ok: true, message: "已取消" };
});
