import { describe, expect, it } from "vitest";
import { DEFAULT_WORD_LIST } from "@/lib/integrity/words/default-list";
import { compileWordList } from "@/lib/integrity/words/matcher";
import { normalizeText } from "@/lib/integrity/words/normalize";

const matcher = compileWordList(DEFAULT_WORD_LIST);

describe("word matching resists the usual evasions", () => {
  it.each([
    ["plain", "版权所有：365赛事投注"],
    ["spaces between characters", "版权所有：365 赛 事 投 注"],
    ["full-width digits", "版权所有：３６５赛事投注"],
    ["traditional characters", "版权所有：365賽事投注"],
    ["zero-width characters", "版权所有：365\u200b赛\u200c事\u200d投\ufeff注"],
    ["punctuation", "版权所有：365·赛-事.投_注"],
  ])("%s", (_name, text) => {
    const hits = matcher.scan(text);
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit.word).toBe("365赛事投注");
    expect(hit.category).toBe("gambling");
    expect(hit.categoryLabel).toBe("博彩/赌博");
    expect(hit.blocking).toBe(true);
    // offsets point into the original text: the highlight covers exactly the disguised word
    expect(text.slice(hit.index, hit.end)).toBe(hit.matched);
    expect(hit.matched.startsWith("365") || hit.matched.startsWith("３")).toBe(true);
    expect(hit.index).toBe(5);
  });

  it("traditional alone and mixed case", () => {
    expect(matcher.scan("歡迎參與賽事投注").map((h) => h.word)).toEqual(["赛事投注"]);
    expect(matcher.scan("Visit BET365 now").map((h) => h.word)).toEqual(["bet365"]);
    expect(matcher.scan("ＢＥＴ３６５").map((h) => h.word)).toEqual(["bet365"]);
  });

  it("wrong wording warns with the right form", () => {
    const [hit] = matcher.scan("会议由国家卫计委主持");
    expect(hit.category).toBe("wording");
    expect(hit.blocking).toBe(false);
    expect(hit.suggestion).toBe("国家卫生健康委员会");
  });

  it("news about fighting gambling and fraud is not a hit", () => {
    expect(matcher.scan("市公安局开展打击网络赌博专项行动，提醒市民警惕电信网络诈骗。")).toEqual([]);
  });

  it("symbols, emoji and circled digits between or inside the word", () => {
    const text = "③⑥⑤赛😀事★投注";
    const [hit] = matcher.scan(text);
    expect(hit.word).toBe("365赛事投注");
    expect([hit.index, hit.end]).toEqual([0, text.length]);
  });

  it("normalisation keeps a map back to original offsets", () => {
    const n = normalizeText("Ａ b\u200b,C");
    expect(n.text).toBe("abc");
    expect(Array.from(n.map)).toEqual([0, 2, 5]);
  });

  it("an excerpt shows the surroundings", () => {
    const [hit] = matcher.scan("本站提供在线赌场入口，欢迎访问");
    expect(hit.excerpt).toContain("在线赌场");
  });
});
