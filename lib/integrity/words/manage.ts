import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/session";
import { z } from "@/lib/validation/zod";
import { CATEGORY_LABELS, WORD_CATEGORIES, type WordCategory } from "./categories";
import { forgetPolicyLists } from "./list";
import { normalizeWord } from "./normalize";

export const MAX_WORD_CHARS = 60;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

const category = z.enum(WORD_CATEGORIES, { message: "请选择类别" });

function entryIssue(word: string, cat: WordCategory, suggestion: string): string | null {
  if (!word) return "请填写词语";
  if (Array.from(word).length > MAX_WORD_CHARS) return `词语不能超过${MAX_WORD_CHARS}个字`;
  if (!normalizeWord(word)) return "词语不能只有空格或标点";
  if (cat === "domain" && !HOST.test(word.toLowerCase())) return "请填写域名，如 example.com";
  if (cat === "wording" && !suggestion) return "错误表述请填写正确的写法";
  if (cat === "wording" && normalizeWord(suggestion).includes(normalizeWord(word))) return "正确写法不能包含错误写法本身，否则正确写法也会被提示";
  return null;
}

export const wordInputSchema = z
  .object({
    word: z.string().trim().max(200),
    category,
    suggestion: z.string().trim().max(200).default(""),
  })
  .superRefine((v, ctx) => {
    const issue = entryIssue(v.word, v.category, v.suggestion);
    if (issue) ctx.addIssue({ code: "custom", message: issue, path: [issue.includes("正确") ? "suggestion" : "word"] });
  })
  .transform((v) => ({ ...v, word: v.category === "domain" ? v.word.toLowerCase() : v.word, suggestion: v.category === "wording" ? v.suggestion : "" }));
export type WordInput = z.infer<typeof wordInputSchema>;

export const wordIdSchema = z.object({ id: z.number().int().positive() });
export const updateWordSchema = z.intersection(wordIdSchema, wordInputSchema);

export const importSchema = z.object({
  category,
  text: z.string().max(2_000_000, "导入内容过长（最多约10万词）"),
  /** add: keep the list and add new words; replace: the category becomes exactly the text */
  mode: z.enum(["add", "replace"]).default("add"),
});
export type ImportInput = z.infer<typeof importSchema>;

export type WordRow = { id: number; word: string; category: WordCategory; suggestion: string; updatedAt: Date };

export async function listWords(cat?: WordCategory): Promise<WordRow[]> {
  const rows = await db.wordListEntry.findMany({ where: cat ? { category: cat } : {}, orderBy: [{ category: "asc" }, { id: "asc" }] });
  return rows as WordRow[];
}

export async function wordCounts(): Promise<Record<WordCategory, number>> {
  const grouped = await db.wordListEntry.groupBy({ by: ["category"], _count: { _all: true } });
  const out = Object.fromEntries(WORD_CATEGORIES.map((c) => [c, 0])) as Record<WordCategory, number>;
  for (const g of grouped) if (g.category in out) out[g.category as WordCategory] = g._count._all;
  return out;
}

async function assertFree(word: string, exceptId?: number) {
  const clash = await db.wordListEntry.findUnique({ where: { word } });
  if (clash && clash.id !== exceptId) throw new DomainError(`“${word}”已在“${CATEGORY_LABELS[clash.category as WordCategory] ?? clash.category}”中`, "word");
}

export async function addWord(input: WordInput, actor: Actor): Promise<{ id: number }> {
  await assertFree(input.word);
  const row = await db.wordListEntry.create({ data: input });
  forgetPolicyLists();
  await audit(actor, { action: "words.add", targetType: "word", targetId: row.id, summary: `${CATEGORY_LABELS[input.category]}：${input.word}` });
  return { id: row.id };
}

export async function updateWord(id: number, input: WordInput, actor: Actor): Promise<void> {
  const before = await db.wordListEntry.findUnique({ where: { id } });
  if (!before) throw new DomainError("该词语不存在或已被删除");
  await assertFree(input.word, id);
  await db.wordListEntry.update({ where: { id }, data: input });
  forgetPolicyLists();
  await audit(actor, { action: "words.update", targetType: "word", targetId: id, summary: `${before.word} → ${input.word}（${CATEGORY_LABELS[input.category]}）` });
}

export async function deleteWord(id: number, actor: Actor): Promise<void> {
  const before = await db.wordListEntry.findUnique({ where: { id } });
  if (!before) throw new DomainError("该词语不存在或已被删除");
  await db.wordListEntry.delete({ where: { id } });
  forgetPolicyLists();
  await audit(actor, { action: "words.delete", targetType: "word", targetId: id, summary: `${CATEGORY_LABELS[before.category as WordCategory] ?? before.category}：${before.word}` });
}

/** 错误表述 lines carry the right form after an arrow, "=" or a tab: 国家卫计委 → 国家卫生健康委员会. */
const PAIR = /\s*(?:→|=>|->|=|\t)\s*/;

export type ParsedLine = { line: number; word: string; suggestion: string };
export type ImportProblem = { line: number; text: string; problem: string };

/** One word per line; blank lines and lines starting with # are skipped. */
export function parseWordLines(text: string, cat: WordCategory): { entries: ParsedLine[]; problems: ImportProblem[] } {
  const entries: ParsedLine[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.replace(/^\ufeff/, "").trim();
    if (!line || line.startsWith("#")) return;
    const [w, ...rest] = cat === "wording" ? line.split(PAIR) : [line];
    const word = cat === "domain" ? w.trim().toLowerCase() : w.trim();
    const suggestion = rest.join(" ").trim();
    const issue = entryIssue(word, cat, suggestion);
    if (issue) return problems.push({ line: i + 1, text: line, problem: issue });
    if (seen.has(word)) return;
    seen.add(word);
    entries.push({ line: i + 1, word, suggestion });
  });
  return { entries, problems };
}

export type ImportResult = { added: number; updated: number; removed: number; unchanged: number; problems: ImportProblem[] };

/**
 * Imports a text list into one category. Nothing is written when a line is
 * wrong (the admin fixes the text and imports again: no half-imported list).
 * A word already filed under another category moves to this one.
 */
export async function importWords(input: ImportInput, actor: Actor): Promise<ImportResult> {
  const { entries, problems } = parseWordLines(input.text, input.category);
  if (problems.length) return { added: 0, updated: 0, removed: 0, unchanged: 0, problems };
  if (!entries.length && input.mode === "add") throw new DomainError("没有可导入的词语（每行一个）", "text");
  const result = await db.$transaction(async (tx) => {
    const existing = new Map((await tx.wordListEntry.findMany({ where: { word: { in: entries.map((e) => e.word) } } })).map((r) => [r.word, r]));
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const fresh: { word: string; category: string; suggestion: string }[] = [];
    for (const e of entries) {
      const row = existing.get(e.word);
      if (!row) fresh.push({ word: e.word, category: input.category, suggestion: e.suggestion });
      else if (row.category !== input.category || row.suggestion !== e.suggestion) {
        await tx.wordListEntry.update({ where: { id: row.id }, data: { category: input.category, suggestion: e.suggestion } });
        updated++;
      } else unchanged++;
    }
    if (fresh.length) added = (await tx.wordListEntry.createMany({ data: fresh })).count;
    let removed = 0;
    if (input.mode === "replace") {
      removed = (await tx.wordListEntry.deleteMany({ where: { category: input.category, word: { notIn: entries.map((e) => e.word) } } })).count;
    }
    return { added, updated, removed, unchanged };
  });
  forgetPolicyLists();
  await audit(actor, {
    action: "words.import",
    targetType: "word",
    summary: `${CATEGORY_LABELS[input.category]}：新增${result.added}，更新${result.updated}，删除${result.removed}，未变${result.unchanged}`,
  });
  return { ...result, problems: [] };
}

/** The text an import reads back: one word per line, 错误表述 as “错误 → 正确”. */
export async function exportWords(cat: WordCategory): Promise<string> {
  const rows = await listWords(cat);
  const lines = rows.map((r) => (cat === "wording" ? `${r.word} → ${r.suggestion}` : r.word));
  return `# ${CATEGORY_LABELS[cat]}（${rows.length}个）\n${lines.join("\n")}\n`;
}

/** One page of a category, optionally filtered by a substring; a page past the end shows the last one. */
export async function listWordsPage(cat: WordCategory, q: string, page: number, size: number) {
  const where = { category: cat, ...(q ? { OR: [{ word: { contains: q } }, { suggestion: { contains: q } }] } : {}) };
  const total = await db.wordListEntry.count({ where });
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, page), pages);
  const rows = (await db.wordListEntry.findMany({ where, orderBy: { id: "asc" }, skip: (current - 1) * size, take: size })) as WordRow[];
  return { rows, total, page: current, pages };
}
