import { describe, expect, it } from "vitest";
import { mark, snippet } from "@/lib/search/highlight";
import { ftsExpression, indexPieces, indexTokens, pgMatch, queryTerms } from "@/lib/search/tokenize";

describe("search tokens", () => {
  it("indexes Chinese as overlapping pairs and keeps Latin words and numbers whole", () => {
    expect(indexTokens("安庆市，皖ICP备09009541号")).toBe("安庆 庆市 市 皖 icp 备 09009541 号");
  });

  it("segments long Chinese queries into words with jieba, keeps short ones whole", () => {
    expect(queryTerms("创城").map((t) => t.text)).toEqual(["创城"]);
    expect(queryTerms("安庆文明城市").map((t) => t.text)).toEqual(["安庆", "文明城市"]);
    expect(queryTerms("  2017  年 ").map((t) => t.text)).toEqual(["2017", "年"]);
  });

  it("turns any input into an inert expression (no FTS syntax gets through)", () => {
    const inert = /^\{titleTokens bodyTokens\} : \((?:"[\p{L}\p{N} ]+"\*?(?: AND )?)+\)$/u;
    // Inputs with a word in them become an inert expression…
    for (const q of [`NEAR(a b)`, `a OR b`, `-x`, `title:安庆`, `'; DROP TABLE x; --`, `<script>alert(1)</script>`]) {
      expect(ftsExpression(queryTerms(q)), q).toMatch(inert);
    }
    // …and pure syntax becomes no expression at all.
    for (const q of [`"`, `*`, `(`, `)`]) expect(ftsExpression(queryTerms(q)), q).toBeNull();
    expect(ftsExpression(queryTerms("，。！？……“”"))).toBeNull();
    expect(ftsExpression(queryTerms(""))).toBeNull();
    expect(queryTerms("字".repeat(1000)).length).toBeLessThanOrEqual(12);
  });

  it("a two-character word is one pair, a longer one a phrase of pairs, one character a prefix", () => {
    expect(ftsExpression(queryTerms("创城"))).toBe(`{titleTokens bodyTokens} : ("创城")`);
    expect(ftsExpression(queryTerms("十九大"))).toBe(`{titleTokens bodyTokens} : ("十九 九大")`);
    expect(ftsExpression(queryTerms("税"))).toBe(`{titleTokens bodyTokens} : ("税"*)`);
  });

  it("PostgreSQL: exact lexemes for the index, substrings of the indexed pieces for the rest", () => {
    const plain = indexPieces("安庆市，皖ICP备09009541号");
    expect(plain).toBe(" 安庆市 皖 icp 备 09009541 号");
    expect(pgMatch(queryTerms("创城"))).toEqual({ lexemes: "'创城'", verify: [], substrings: ["创城"], rank: "('创城')" });
    expect(pgMatch(queryTerms("税 ICP"))).toEqual({ lexemes: "'税':* & 'icp':*", verify: [], substrings: ["税", " icp"], rank: "'税':* & 'icp':*" });
    // A word of 3+ characters: its pairs find the candidates, the word itself decides.
    expect(pgMatch(queryTerms("十九大"))).toEqual({ lexemes: "'十九' & '九大'", verify: ["十九大"], substrings: ["十九大"], rank: "('十九' <-> '九大')" });
    expect(pgMatch(queryTerms("，。"))).toBeNull();
    // Quotes and backslashes stay inside their lexeme.
    expect(pgMatch([{ text: `a'b\\c`, cjk: false }])?.lexemes).toBe(`'a''b\\\\c':*`);
    // A Chinese word is a substring of the pieces exactly where its pairs stand together in one run.
    const has = (text: string, word: string) => pgMatch(queryTerms(word))!.substrings.every((s) => indexPieces(text).includes(s));
    expect(has("共建文明城市", "文明城市")).toBe(true);
    expect(has("文明，城市", "文明城市")).toBe(false);
    expect(has("2017年ICP备案", "icp")).toBe(true);
    expect(has("XICP", "icp")).toBe(false);
  });

  it("marks hits without producing HTML", () => {
    const terms = queryTerms("<b>文明</b>");
    expect(mark("共建文明城<b>", terms)).toEqual([
      { text: "共建", hit: false },
      { text: "文明", hit: true },
      { text: "城<", hit: false },
      { text: "b", hit: true },
      { text: ">", hit: false },
    ]);
    const s = snippet("甲".repeat(300) + "文明城市" + "乙".repeat(300), queryTerms("文明城市"));
    expect(s.some((p) => p.hit && p.text === "文明城市")).toBe(true);
    expect(s[0].text.startsWith("…")).toBe(true);
  });
});
