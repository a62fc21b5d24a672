"use server";

import { guardedAction } from "@/lib/auth/guard";
import { revalidatePage } from "@/lib/cache/revalidate";
import { deletePage, pageInputSchema, savePage } from "@/lib/pages/manage";
import { z } from "@/lib/validation/zod";

export const savePageAction = guardedAction(
  "page.manage",
  pageInputSchema.extend({ id: z.number().int().positive().nullable().default(null) }),
  async ({ id, ...input }, actor) => {
    const saved = await savePage(id, input, actor);
    await revalidatePage(input.slug);
    if (saved.oldSlug && saved.oldSlug !== input.slug) await revalidatePage(saved.oldSlug);
    return { ok: true, data: { id: saved.id }, message: "页面已保存" };
  },
);

export const deletePageAction = guardedAction("page.manage", z.object({ id: z.number().int().positive() }), async ({ id }, actor) => {
  await revalidatePage((await deletePage(id, actor)).slug);
  return { ok: true, message: "页面已删除" };
});
