import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findPublishedArticle } from "@/lib/articles/queries";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { makeActor } from "../support/actors";

async function input(over: Record<string, unknown> = {}) {
  const section = await db.section.findFirstOrThrow({ orderBy: { id: "asc" } });
  return articleInputSchema.parse({ title: "自动保存测试文章", sectionId: section.id, bodyHtml: "<p>正文第一版。</p>", source: "测试", ...over });
}

describe("autosave", () => {
  it("saves a draft as a revision marked 自动保存", async () => {
    const editor = await makeActor("editor");
    const { id } = await wf.createArticle(await input(), editor);
    const { revision } = await wf.saveArticle(id, await input({ title: "自动保存后的标题" }), editor, "自动保存");
    const rev = await db.articleRevision.findFirstOrThrow({ where: { articleId: id, number: revision } });
    expect(rev.note).toBe("自动保存");
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });

  it("a live article's autosave changes only the working copy, never the public page", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input({ title: "已发布的标题" }), editor);
    await wf.publishArticle(id, null, reviewer);
    await wf.saveArticle(id, await input({ title: "自动保存的改稿" }), editor, "自动保存");
    expect((await findPublishedArticle(id))?.title).toBe("已发布的标题");
  });

  it("never touches an article under review or scheduled (that would withdraw it)", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input(), editor);
    await wf.submitArticle(id, editor);
    await expect(wf.saveArticle(id, await input({ title: "x 改" }), editor, "自动保存")).rejects.toThrow(/不自动保存/);
    await wf.publishArticle(id, new Date(Date.now() + 86_400_000), reviewer);
    await expect(wf.saveArticle(id, await input({ title: "y 改" }), reviewer, "自动保存")).rejects.toThrow(/不自动保存/);
    const a = await db.article.findUniqueOrThrow({ where: { id } });
    expect(a.status).toBe("scheduled");
    expect(a.scheduledAt).not.toBeNull();
  });
});
