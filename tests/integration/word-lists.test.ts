import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_WORD_LIST } from "@/lib/integrity/words/default-list";
import { exportWords, importWords, parseWordLines, updateWordSchema, wordInputSchema, addWord, updateWord, deleteWord } from "@/lib/integrity/words/manage";
import { scanText } from "@/lib/integrity/words/scan";
import { makeActor } from "../support/actors";

describe("word lists", () => {
  it("the seed filled the default list into the database", async () => {
    expect(await db.wordListEntry.count()).toBeGreaterThanOrEqual(DEFAULT_WORD_LIST.length);
    expect(await db.wordListEntry.findUnique({ where: { word: "365赛事投注" } })).toMatchObject({ category: "gambling" });
    expect(await db.wordListEntry.findUnique({ where: { word: "国家卫计委" } })).toMatchObject({ category: "wording", suggestion: "国家卫生健康委员会" });
  });

  it("reads text lists: one word per line, wording with an arrow, comments and blank lines skipped", () => {
    expect(parseWordLines("# 注释\n\n赛事投注\r\n 在线赌场 \n赛事投注\n", "gambling")).toEqual({
      entries: [
        { line: 3, word: "赛事投注", suggestion: "" },
        { line: 4, word: "在线赌场", suggestion: "" },
      ],
      problems: [],
    });
    expect(parseWordLines("卫计委 → 卫生健康委员会\n环保局=生态环境局\n质监局\t市场监督管理局\n只有错误", "wording")).toEqual({
      entries: [
        { line: 1, word: "卫计委", suggestion: "卫生健康委员会" },
        { line: 2, word: "环保局", suggestion: "生态环境局" },
        { line: 3, word: "质监局", suggestion: "市场监督管理局" },
      ],
      problems: [{ line: 4, text: "只有错误", problem: "错误表述请填写正确的写法" }],
    });
    expect(parseWordLines("Example.COM\nnot a domain", "domain").problems).toEqual([{ line: 2, text: "not a domain", problem: "请填写域名，如 example.com" }]);
    expect(parseWordLines("、、、", "ads").problems[0].problem).toBe("词语不能只有空格或标点");
    // A right form containing the wrong one would itself be flagged for ever.
    expect(parseWordLines("计生委 → 卫生健康委员会", "wording").entries).toHaveLength(1);
    expect(parseWordLines("卫健委 → 卫健委员会", "wording").problems[0].problem).toMatch(/正确写法不能包含错误写法/);
  });

  it("imports all or nothing, moves words between categories, replaces a category, and exports what it imports", async () => {
    const admin = await makeActor("admin");
    const tag = Date.now().toString(36);
    const a = `导入词甲${tag}`;
    const b = `导入词乙${tag}`;
    const refused = await importWords({ category: "ads", text: `${a}\n、、`, mode: "add" }, admin);
    expect(refused.problems).toHaveLength(1);
    expect(await db.wordListEntry.count({ where: { word: a } })).toBe(0);

    expect(await importWords({ category: "ads", text: `${a}\n${b}`, mode: "add" }, admin)).toEqual({ added: 2, updated: 0, removed: 0, unchanged: 0, problems: [] });
    expect(await importWords({ category: "porn", text: a, mode: "add" }, admin)).toMatchObject({ added: 0, updated: 1 });
    expect((await db.wordListEntry.findUniqueOrThrow({ where: { word: a } })).category).toBe("porn");
    expect((await scanText(`含有${a}的句子`))[0]).toMatchObject({ category: "porn", blocking: true });

    const exported = await exportWords("ads");
    expect(exported).toContain(b);
    expect(exported).not.toContain(a);
    // Round trip: importing the export in "replace" mode changes nothing.
    const adsBefore = await db.wordListEntry.count({ where: { category: "ads" } });
    expect(await importWords({ category: "ads", text: exported, mode: "replace" }, admin)).toMatchObject({ added: 0, removed: 0, unchanged: adsBefore });

    const wording = await exportWords("wording");
    expect(wording).toContain("国家卫计委 → 国家卫生健康委员会");
    expect(parseWordLines(wording, "wording").problems).toEqual([]);

    await db.wordListEntry.deleteMany({ where: { word: { in: [a, b] } } });
  });

  it("add, update and delete validate and keep the list unique", async () => {
    const admin = await makeActor("admin");
    const word = `单词${Date.now().toString(36)}`;
    expect(wordInputSchema.safeParse({ word: "", category: "ads" }).success).toBe(false);
    expect(wordInputSchema.safeParse({ word: "卫计委", category: "wording" }).error?.issues[0]).toMatchObject({ path: ["suggestion"], message: "错误表述请填写正确的写法" });
    const { id } = await addWord(wordInputSchema.parse({ word, category: "fraud" }), admin);
    await expect(addWord(wordInputSchema.parse({ word, category: "ads" }), admin)).rejects.toThrow(`“${word}”已在“诈骗”中`);
    const parsed = updateWordSchema.parse({ id, word: `${word}改`, category: "fraud", suggestion: "" });
    expect(parsed).toMatchObject({ id, word: `${word}改` });
    await updateWord(id, parsed, admin);
    expect((await scanText(`${word}改`)).map((h) => h.word)).toEqual([`${word}改`]);
    await deleteWord(id, admin);
    expect(await scanText(`${word}改`)).toEqual([]);
    const actions = (await db.auditLog.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["words.add", "words.update", "words.delete"]);
  });
});
