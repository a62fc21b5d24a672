import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import { loadArticleForEdit } from "@/lib/articles/admin-queries";
import * as wf from "@/lib/articles/workflow";
import { uploadFile } from "@/lib/media/upload";
import { makeActor } from "../support/actors";

/**
 * A file's address is all that keeps an unpublished file private, and the editor's page shows the address of
 * every file an article names. So an editor must not be able to name another person's file by its id (the ids
 * come from the browser) and read its address off their own article.
 */

const pdf = (marker: string) => Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function input(over: Record<string, unknown> = {}) {
  const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
  return articleInputSchema.parse({ title: "附件权限测试", sectionId: section.id, bodyHtml: "<p>正文</p>", source: "测试", ...over });
}

const REFUSED = /不存在或不是您上传的/;

describe("who may put a stored file into an article", () => {
  it("another editor's unpublished file is refused by id, as cover and as attachment, on create and on save", async () => {
    const a = await makeActor("editor");
    const b = await makeActor("editor");
    const secret = await uploadFile(pdf(`secret-${Date.now()}`), "内部请示.pdf", a);
    const { id: aDraft } = await wf.createArticle(await input({ attachments: [{ mediaId: secret.id, title: "内部请示" }] }), a);
    const aView = await loadArticleForEdit(aDraft, a);
    expect(aView !== "forbidden" && aView?.media.map((m) => m.id)).toEqual([secret.id]);

    await expect(wf.createArticle(await input({ attachments: [{ mediaId: secret.id, title: "" }] }), b)).rejects.toThrow(REFUSED);
    await expect(wf.createArticle(await input({ coverId: secret.id }), b)).rejects.toThrow(REFUSED);
    const { id: bDraft } = await wf.createArticle(await input(), b);
    await expect(wf.saveArticle(bDraft, await input({ attachments: [{ mediaId: secret.id, title: "" }] }), b)).rejects.toThrow(REFUSED);
    await expect(wf.saveArticle(bDraft, await input({ attachments: [{ mediaId: secret.id, title: "" }] }), b, "自动保存")).rejects.toThrow(REFUSED);
    // Nothing of the refused saves stuck: B's article names no file, so B's editor page shows no address.
    const bView = await loadArticleForEdit(bDraft, b);
    expect(bView !== "forbidden" && bView?.media).toEqual([]);
    expect(await db.articleAttachment.count({ where: { articleId: bDraft } })).toBe(0);
    expect(await db.articleRevision.count({ where: { articleId: bDraft } })).toBe(1);
  });

  it("an id that names no file gets the same clear refusal, not a database error", async () => {
    const a = await makeActor("editor");
    const missing = ((await db.media.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1000;
    await expect(wf.createArticle(await input({ attachments: [{ mediaId: missing, title: "" }] }), a)).rejects.toThrow(REFUSED);
  });

  it("the uploader, anyone who uploads the same bytes, those who read every article, and everyone once it is public", async () => {
    const a = await makeActor("editor");
    const b = await makeActor("editor");
    const c = await makeActor("editor");
    const admin = await makeActor("admin");
    const reviewer = await makeActor("reviewer");
    const bytes = pdf(`shared-${Date.now()}`);
    const file = await uploadFile(bytes, "通知.pdf", a);

    // The same bytes are stored once; B's own upload of them makes B an uploader too.
    const again = await uploadFile(bytes, "通知（副本）.pdf", b);
    expect(again.id).toBe(file.id);
    await expect(wf.createArticle(await input({ attachments: [{ mediaId: file.id, title: "" }] }), b)).resolves.toHaveProperty("id");
    await expect(wf.createArticle(await input({ coverId: file.id }), admin)).resolves.toHaveProperty("id");
    await expect(wf.createArticle(await input({ attachments: [{ mediaId: file.id, title: "" }] }), c)).rejects.toThrow(REFUSED);

    // Once an article showing it is public, its address is public too: anyone may link it.
    const { id } = await wf.createArticle(await input({ attachments: [{ mediaId: file.id, title: "通知" }] }), a);
    await wf.submitArticle(id, a);
    await wf.publishArticle(id, null, reviewer);
    await expect(wf.createArticle(await input({ attachments: [{ mediaId: file.id, title: "" }] }), c)).resolves.toHaveProperty("id");
  });

  it("an article keeps the files it already names when someone who may edit it saves or restores it", async () => {
    const a = await makeActor("editor");
    const admin = await makeActor("admin");
    const file = await uploadFile(pdf(`kept-${Date.now()}`), "附件.pdf", admin);
    // The admin wrote the first version with their own file, then gave the article to editor A.
    const { id } = await wf.createArticle(await input({ attachments: [{ mediaId: file.id, title: "附件" }] }), admin);
    await db.article.update({ where: { id }, data: { createdById: a.id } });
    await wf.saveArticle(id, await input({ title: "去掉附件" }), a);
    await expect(wf.restoreRevision(id, 1, a)).resolves.toHaveProperty("revision", 3);
    await expect(wf.saveArticle(id, await input({ title: "附件放回", attachments: [{ mediaId: file.id, title: "附件" }] }), a)).resolves.toHaveProperty("revision", 4);
  });
});
