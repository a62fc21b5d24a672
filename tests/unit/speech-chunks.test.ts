import { describe, expect, it } from "vitest";
import { speechChunks } from "@/components/site/speech-chunks";

describe("speechChunks", () => {
  it("keeps short paragraphs whole and drops blank lines", () => {
    expect(speechChunks("标题。\n\n  第一段。第二句！  \n")).toEqual(["标题。", "第一段。第二句！"]);
  });

  it("never returns a chunk longer than the limit and loses no character", () => {
    const text = "2017年11月14日，是安庆城市发展进程中值得铭记的日子。".repeat(20) + "\n" + "“携手共创全国文明城市”“安庆好故事”。".repeat(10);
    const chunks = speechChunks(text, 60);
    expect(chunks.every((c) => c.length <= 60)).toBe(true);
    expect(chunks.join("")).toBe(text.replace(/\n/g, ""));
  });

  it("ends chunks at sentence punctuation (with closing quotes) when it can", () => {
    const chunks = speechChunks("他说：“好。”然后离开了。再见。", 9);
    expect(chunks).toEqual(["他说：“好。”", "然后离开了。再见。"]);
  });

  it("falls back to commas, then to a hard cut, for run-on text", () => {
    expect(speechChunks("一二三四五，六七八九十", 6)).toEqual(["一二三四五，", "六七八九十"]);
    expect(speechChunks("一二三四五六七八九十", 4)).toEqual(["一二三四", "五六七八", "九十"]);
  });
});
