import { db } from "../db";
import { audit } from "../audit/log";
import { DomainError } from "../errors";
import type { Actor } from "../auth/session";
import { z } from "../validation/zod";
import { UPDATE_RULES } from "./update-rules";
import { SECTION_KINDS } from "./types";
import { fingerprintSections } from "../integrity/fingerprint/store";
import { checkAndAssert } from "../integrity/policy/enforce";
import { sectionPolicyInput } from "../integrity/policy/sources";

/** First path segments the app itself uses: a section slug must never shadow them. */
const RESERVED = new Set(["page", "search", "pages", "site-map", "feedback", "admin", "api", "login", "uploads", "sitemap", "rss", "feeds", "purge"]);

export const sectionInputSchema = z.object({
  name: z.string().trim().min(1, "请填写栏目名称").max(60, "栏目名称不能超过60个字"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{0,49}$/, "网址标识只能用小写字母、数字和连字符，且至少含一个字母")
    .refine((s) => !RESERVED.has(s), "该网址标识为系统保留，请换一个"),
  kind: z.enum(SECTION_KINDS, { message: "请选择栏目类型" }),
  parentId: z.number().int().positive().nullable().default(null),
  description: z.string().trim().max(300).default(""),
  showOnHome: z.boolean().default(true),
  updateRule: z.enum(UPDATE_RULES, { message: "请选择更新检查规则" }).default("auto"),
  staleDays: z.number({ error: "请填写1到3650之间的天数" }).int("请填写整数").min(1, "至少1天").max(3650, "最多3650天").nullable().default(null),
  closed: z.boolean().default(false),
});
export type SectionInput = z.infer<typeof sectionInputSchema>;

async function parentPath(parentId: number | null, selfId?: number): Promise<string | null> {
  if (parentId === null) return null;
  const parent = await db.section.findUnique({ where: { id: parentId } });
  if (!parent) throw new DomainError("上级栏目不存在", "parentId");
  if (selfId !== undefined) {
    const self = await db.section.findUniqueOrThrow({ where: { id: selfId } });
    if (parent.id === selfId || parent.path.startsWith(self.path + "/")) throw new DomainError("不能把栏目移到它自己或它的下级栏目之下", "parentId");
  }
  return parent.path;
}

async function assertFreePath(path: string, exceptId?: number) {
  const clash = await db.section.findUnique({ where: { path } });
  if (clash && clash.id !== exceptId) throw new DomainError("同一级已有相同网址标识的栏目", "slug");
}

export async function createSection(input: SectionInput, actor: Actor): Promise<{ id: number }> {
  await checkAndAssert(sectionPolicyInput(input), "保存"); // names show in every page's navigation
  const base = await parentPath(input.parentId);
  const path = base ? `${base}/${input.slug}` : input.slug;
  await assertFreePath(path);
  const last = await db.section.findFirst({ where: { parentId: input.parentId }, orderBy: { position: "desc" } });
  const s = await db.section.create({ data: { ...input, path, position: (last?.position ?? 0) + 1 } });
  await db.sectionRedirect.deleteMany({ where: { fromPath: path } });
  await fingerprintSections();
  await audit(actor, { action: "section.create", targetType: "section", targetId: s.id, summary: `${s.name}（/${path}）` });
  return { id: s.id };
}

/** Renames or moves a section; its own and its descendants' old URLs redirect to the new ones. */
export async function updateSection(id: number, input: SectionInput, actor: Actor): Promise<{ affected: number[] }> {
  const current = await db.section.findUnique({ where: { id } });
  if (!current) throw new DomainError("栏目不存在");
  await checkAndAssert(sectionPolicyInput(input), "保存");
  const base = await parentPath(input.parentId, id);
  const path = base ? `${base}/${input.slug}` : input.slug;
  await assertFreePath(path, id);
  const affected = await db.$transaction(async (tx) => {
    const subtree = await tx.section.findMany({ where: { OR: [{ id }, { path: { startsWith: current.path + "/" } }] } });
    const moved = current.parentId !== input.parentId;
    for (const s of subtree) {
      const newPath = path + s.path.slice(current.path.length);
      if (newPath !== s.path) {
        await tx.sectionRedirect.upsert({ where: { fromPath: s.path }, create: { fromPath: s.path, sectionId: s.id }, update: { sectionId: s.id } });
        await tx.sectionRedirect.deleteMany({ where: { fromPath: newPath } });
      }
      await tx.section.update({
        where: { id: s.id },
        data: s.id === id ? { ...input, path: newPath, ...(moved ? { position: 9999 } : {}) } : { path: newPath },
      });
    }
    return subtree.map((s) => s.id);
  });
  await fingerprintSections();
  await audit(actor, { action: "section.update", targetType: "section", targetId: id, summary: `${current.name} → ${input.name}（/${path}）` });
  return { affected };
}

export async function moveSection(id: number, direction: "up" | "down", actor: Actor): Promise<void> {
  const s = await db.section.findUnique({ where: { id } });
  if (!s) throw new DomainError("栏目不存在");
  const siblings = await db.section.findMany({ where: { parentId: s.parentId }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const i = siblings.findIndex((x) => x.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= siblings.length) return;
  [siblings[i], siblings[j]] = [siblings[j], siblings[i]];
  await db.$transaction(siblings.map((x, position) => db.section.update({ where: { id: x.id }, data: { position: position + 1 } })));
  await audit(actor, { action: "section.update", targetType: "section", targetId: id, summary: `${s.name} 排序${direction === "up" ? "上移" : "下移"}` });
}

export async function deleteSection(id: number, actor: Actor): Promise<void> {
  const s = await db.section.findUnique({ where: { id }, include: { _count: { select: { articles: true, children: true } } } });
  if (!s) throw new DomainError("栏目不存在");
  if (s._count.children > 0) throw new DomainError("请先删除或移走该栏目的下级栏目");
  if (s._count.articles > 0) throw new DomainError(`该栏目下还有${s._count.articles}篇文章，请先移走或删除`);
  await db.section.delete({ where: { id } });
  await fingerprintSections();
  await audit(actor, { action: "section.delete", targetType: "section", targetId: id, summary: s.name });
}

export async function findSectionRedirect(path: string): Promise<string | null> {
  const r = await db.sectionRedirect.findUnique({ where: { fromPath: path }, include: { section: { select: { path: true } } } });
  return r?.section.path ?? null;
}
