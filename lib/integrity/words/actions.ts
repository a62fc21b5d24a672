"use server";

import { guardedAction } from "@/lib/auth/guard";
import { z } from "@/lib/validation/zod";
import { scanText } from "./scan";
import { checkContent, contentCheckSchema } from "../policy/content-check";
import { addWord, deleteWord, importSchema, importWords, updateWord, updateWordSchema, wordIdSchema, wordInputSchema } from "./manage";

/** 敏感词库 (admin) and the editor's content check. Thin: role → zod → domain. */

const tryTextSchema = z.object({ text: z.string().min(1, "请输入要检查的文字").max(20_000, "一次最多检查2万字") });

export const addWordAction = guardedAction("words.manage", wordInputSchema, async (input, actor) => {
  await addWord(input, actor);
  return { ok: true, message: `已添加“${input.word}”` };
});

export const updateWordAction = guardedAction("words.manage", updateWordSchema, async ({ id, ...input }, actor) => {
  await updateWord(id, input, actor);
  return { ok: true, message: `已修改为“${input.word}”` };
});

export const deleteWordAction = guardedAction("words.manage", wordIdSchema, async ({ id }, actor) => {
  await deleteWord(id, actor);
  return { ok: true, message: "已删除" };
});

export const importWordsAction = guardedAction("words.manage", importSchema, async (input, actor) => {
  const r = await importWords(input, actor);
  if (r.problems.length) {
    const lines = r.problems.slice(0, 5).map((p) => `第${p.line}行“${p.text.slice(0, 20)}”：${p.problem}`);
    return {
      ok: false,
      code: "invalid",
      error: `未导入：${lines.join("；")}${r.problems.length > 5 ? `等${r.problems.length}行` : ""}。请修改后重新导入。`,
      fieldErrors: { text: `有${r.problems.length}行需要修改` },
    };
  }
  return { ok: true, data: r, message: `导入完成：新增${r.added}个，更新${r.updated}个，删除${r.removed}个，未变${r.unchanged}个` };
});

/** The editor's check of what is on screen (saved or not): highlights and the would-be refusal. */
export const checkContentAction = guardedAction("admin.access", contentCheckSchema, async (input) => {
  return { ok: true, data: await checkContent(input) };
});

/** 试一试: scan a pasted text with the current lists (shows what the folding catches). */
export const tryWordsAction = guardedAction("words.read", tryTextSchema, async ({ text }) => {
  const hits = await scanText(text);
  return { ok: true, data: hits.map((h) => ({ index: h.index, end: h.end, word: h.word, categoryLabel: h.categoryLabel, blocking: h.blocking, suggestion: h.suggestion })) };
});
