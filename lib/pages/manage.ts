import { db } from "../db";
import { audit } from "../audit/log";
import { DomainError } from "../errors";
import type { Actor } from "../auth/session";
import { sanitizeRichText } from "../content/sanitize";
import { removeDoc, syncPage } from "../search/index";
import { z } from "../validation/zod";
import { dropFingerprint, fingerprintPage } from "../integrity/fingerprint/store";
import { checkAndAssert } from "../integrity/policy/enforce";
import { pagePolicyInput } from "../integrity/policy/sources";

export const pageInputSchema = z.object({
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, "网址标识只能用小写字母、数字和连字符"),
  title: z.string().trim().min(1, "请填写页面标题").max(100),
  bodyHtml: z.string().max(1_000_000).refine((h) => h.trim().length > 0, "请填写页面内容"),
});
export type PageInput = z.infer<typeof pageInputSchema>;

export async function savePage(id: number | null, input: PageInput, actor: Actor): Promise<{ id: number; oldSlug: string | null }> {
  const clash = await db.page.findUnique({ where: { slug: input.slug } });
  if (clash && clash.id !== id) throw new DomainError("已有相同网址标识的页面", "slug");
  const data = { slug: input.slug, title: input.title, bodyHtml: sanitizeRichText(input.bodyHtml) };
  // A static page is public as soon as it is saved: the content policy applies to the save.
  await checkAndAssert(pagePolicyInput(data), "保存");
  if (id === null) {
    const p = await db.$transaction(async (tx) => {
      const created = await tx.page.create({ data });
      await syncPage(tx, created.id);
      await fingerprintPage(tx, created.id);
      return created;
    });
    await audit(actor, { action: "page.create", targetType: "page", targetId: p.id, summary: p.title });
    return { id: p.id, oldSlug: null };
  }
  const before = await db.page.findUnique({ where: { id } });
  if (!before) throw new DomainError("页面不存在");
  await db.$transaction(async (tx) => {
    await tx.page.update({ where: { id }, data });
    await syncPage(tx, id);
    await fingerprintPage(tx, id);
  });
  await audit(actor, { action: "page.update", targetType: "page", targetId: id, summary: input.title });
  return { id, oldSlug: before.slug };
}

export async function deletePage(id: number, actor: Actor): Promise<{ slug: string }> {
  const p = await db.page.findUnique({ where: { id } });
  if (!p) throw new DomainError("页面不存在");
  await db.$transaction(async (tx) => {
    await tx.page.delete({ where: { id } });
    await removeDoc(tx, "page", id);
    await dropFingerprint(tx, "page", id);
  });
  await audit(actor, { action: "page.delete", targetType: "page", targetId: id, summary: p.title });
  return { slug: p.slug };
}
