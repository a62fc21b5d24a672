import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/session";
import { articleInputSchema } from "@/lib/articles/schema";
import { parseSnapshot } from "@/lib/articles/snapshot";
import * as workflow from "@/lib/articles/workflow";
import { bodyToText, diffBodyText, diffRevisions, ELLIPSIS, listRevisions, shortenSame } from "@/lib/articles/revisions";

let actor: Actor;
let articleId: number | null = null;
let sectionId: number;

beforeAll(async () => {
  const user = await db.user.create({
    data: { email: `revisions-${Date.now()}@example.gov.cn`, name: "版本测试管理员", passwordHash: "x", role: "admin" },
  });
  actor = { id: user.id, email: user.email, name: user.name, role: "admin", ip: "" };
  sectionId = (await db.section.findFirstOrThrow()).id;
});

afterAll(async () => {
  if (articleId !== null) await db.article.deleteMany({ where: { id: articleId } });
  if (actor) {
    await db.auditLog.deleteMany({ where: { actorId: actor.id } });
    await db.user.delete({ where: { id: actor.id } });
  }
});

function input(title: string, bodyHtml: string) {
  return articleInputSchema.parse({ title, sectionId, bodyHtml, summary: "摘要", source: "本局", author: "张三" });
}

describe("article revisions", () => {
  it("lists revisions newest first with live/head flags, diffs them and restores an old one", async () => {
    const { id } = await workflow.createArticle(input("第一版标题", "<p>市税务局召开工作会议。</p><p>会议由局长主持。</p>"), actor);
    articleId = id;
    await workflow.saveArticle(id, input("第二版标题", "<p>市税务局召开全体干部工作会议。</p><p>会议由局长主持。</p>"), actor);
    await workflow.publishArticle(id, null, actor);
    await workflow.saveArticle(id, input("第三版标题", "<p>市税务局召开全体干部工作会议。</p><p>会议由副局长主持。</p>"), actor);

    const list = await listRevisions(id);
    expect(list.map((r) => r.number)).toEqual([3, 2, 1]);
    expect(list.map((r) => r.isHead)).toEqual([true, false, false]);
    expect(list.map((r) => r.isLive)).toEqual([false, true, false]);
    expect(list[2].note).toBe("新建");
    expect(list[0].authorName).toBe("版本测试管理员");
    expect(Number.isNaN(Date.parse(list[0].createdAt))).toBe(false);

    const d = await diffRevisions(id, 1, 2);
    const byKey = Object.fromEntries(d.fields.map((f) => [f.key, f]));
    expect(byKey.title).toMatchObject({ label: "标题", changed: true, a: "第一版标题", b: "第二版标题" });
    expect(byKey.section.changed).toBe(false);
    expect(byKey.section.a).toBe((await db.section.findUniqueOrThrow({ where: { id: sectionId } })).name);
    expect(byKey.summary.changed).toBe(false);
    expect(byKey.attachments).toMatchObject({ changed: false, a: "无" });
    expect(byKey.body.changed).toBe(true);
    expect(d.body.granularity).toBe("chars");
    const added = d.body.parts.filter((p) => p.kind === "added").map((p) => p.text).join("");
    expect(added).toBe("全体干部");
    expect(d.body.parts.some((p) => p.kind === "removed")).toBe(false);

    const d23 = await diffRevisions(id, 2, 3);
    expect(d23.body.parts.filter((p) => p.kind === "added").map((p) => p.text).join("")).toBe("副");
    // Reversed order: what was added is now removed.
    const d32 = await diffRevisions(id, 3, 2);
    expect(d32.body.parts.filter((p) => p.kind === "removed").map((p) => p.text).join("")).toBe("副");
    // Paragraphs are joined with a newline, tags are gone.
    expect(d23.body.parts.map((p) => p.text).join("")).not.toMatch(/<p>/);
    expect(d23.body.parts.some((p) => p.text.includes("\n"))).toBe(true);

    await expect(diffRevisions(id, 1, 99)).rejects.toThrow(DomainError);
    await expect(diffRevisions(id, 1, 99)).rejects.toThrow("版本不存在");

    const { revision } = await workflow.restoreRevision(id, 1, actor);
    expect(revision).toBe(4);
    const after = await listRevisions(id);
    expect(after[0]).toMatchObject({ number: 4, isHead: true, isLive: false, note: "恢复自第1版" });
    expect(after.find((r) => r.number === 2)!.isLive).toBe(true);
    const [r1, r4] = await Promise.all(
      [1, 4].map((number) => db.articleRevision.findUniqueOrThrow({ where: { articleId_number: { articleId: id, number } } })),
    );
    expect(parseSnapshot(r4.snapshot)).toEqual(parseSnapshot(r1.snapshot));
    const d14 = await diffRevisions(id, 1, 4);
    expect(d14.fields.every((f) => !f.changed)).toBe(true);
    expect(d14.body.parts.every((p) => p.kind === "same")).toBe(true);
  });
});

describe("body diff helpers", () => {
  it("turns HTML paragraphs into lines of plain text", () => {
    expect(bodyToText("<p>第一段&amp;</p><h2>标题</h2><ul><li>一</li><li>二</li></ul><p>甲<br>乙</p>")).toBe("第一段&\n标题\n一\n二\n甲\n乙");
  });

  it("shortens long unchanged runs in the middle, keeping 60 characters at each end", () => {
    const long = "甲".repeat(100) + "乙".repeat(150);
    const short = shortenSame(long);
    expect(short).toBe("甲".repeat(60) + ELLIPSIS + "乙".repeat(60));
    expect(shortenSame("短文本")).toBe("短文本");
    const d = diffBodyText(long + "旧", long + "新");
    expect(d.parts).toEqual([
      { kind: "same", text: short },
      { kind: "removed", text: "旧" },
      { kind: "added", text: "新" },
    ]);
  });

  it("falls back to a line diff for huge bodies", () => {
    const para = (n: number) => `第${n}段` + "内容".repeat(50);
    const lines = Array.from({ length: 300 }, (_, i) => para(i));
    const oldText = lines.join("\n");
    const newText = [...lines.slice(0, 150), "新增的一段", ...lines.slice(150)].join("\n");
    expect(oldText.length).toBeGreaterThan(20_000);
    const d = diffBodyText(oldText, newText);
    expect(d.granularity).toBe("lines");
    expect(d.parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["新增的一段\n"]);
    expect(d.parts.every((p) => p.kind !== "same" || p.text.length <= 200)).toBe(true);
  });
});
