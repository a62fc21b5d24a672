"use server";

import { guardedAction } from "@/lib/auth/guard";
import { revalidateSections } from "@/lib/cache/revalidate";
import { createSection, deleteSection, moveSection, sectionInputSchema, updateSection } from "@/lib/sections/manage";
import { z } from "@/lib/validation/zod";

const id = z.object({ id: z.number().int().positive() });

export const createSectionAction = guardedAction("section.manage", sectionInputSchema, async (input, actor) => {
  const created = await createSection(input, actor);
  await revalidateSections();
  return { ok: true, data: created, message: "栏目已创建" };
});

export const updateSectionAction = guardedAction("section.manage", sectionInputSchema.extend(id.shape), async ({ id, ...input }, actor) => {
  const { affected } = await updateSection(id, input, actor);
  await revalidateSections(affected);
  return { ok: true, message: "栏目已保存，原网址将自动跳转到新网址" };
});

export const moveSectionAction = guardedAction("section.manage", id.extend({ direction: z.enum(["up", "down"]) }), async ({ id, direction }, actor) => {
  await moveSection(id, direction, actor);
  await revalidateSections();
  return { ok: true };
});

export const deleteSectionAction = guardedAction("section.manage", id, async ({ id }, actor) => {
  await deleteSection(id, actor);
  await revalidateSections([id]);
  return { ok: true, message: "栏目已删除" };
});
