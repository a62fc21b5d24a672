import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findPublishedArticle } from "@/lib/articles/queries";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { makeActor } from "../support/actors";

async function input(over: Record<string, unknown> = {}) {
  const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
  return articleInputSchema.parse({ title: "工作流测试文章", sectionId: section.id, bodyHtml: "<p>第一版正文，“引号”保留。</p>", source: "测试", ...over });
}

describe("editorial workflow", () => {
  it("draft → review → published → edited (public copy unchanged) → republished → unpublished", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input(), editor);
    expect(await findPublishedArticle(id)).toBeNull();

    await wf.submitArticle(id, editor);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("review");

    const published = await wf.publishArticle(id, null, reviewer);
    expect(published.public).toBe(true);
    const live = await findPublishedArticle(id);
    expect(live?.title).toBe("工作流测试文章");
    expect(live?.bodyHtml).toContain("“引号”");

    // Editing a live article: a new revision, the public copy stays until it is published again.
    await wf.saveArticle(id, await input({ title: "修改后的标题" }), editor);
    expect((await findPublishedArticle(id))?.title).toBe("工作流测试文章");
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.headRevisionId).not.toBe(row.liveRevisionId);
    expect(row.status).toBe("draft");

    await wf.publishArticle(id, null, reviewer);
    expect((await findPublishedArticle(id))?.title).toBe("修改后的标题");

    await wf.unpublishArticle(id, "信息有误，需核实", reviewer);
    expect(await findPublishedArticle(id)).toBeNull();
    const after = await db.article.findUniqueOrThrow({ where: { id } });
    expect(after.unpublishReason).toBe("信息有误，需核实");
    expect(after.status).toBe("unpublished");

    const actions = (await db.auditLog.findMany({ where: { targetType: "article", targetId: String(id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["article.create", "article.submit", "article.publish", "article.save", "article.publish", "article.unpublish"]);
    expect(await db.articleRevision.count({ where: { articleId: id } })).toBe(2);
  });

  it("a reviewer sends an article back with a comment", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input(), editor);
    await wf.submitArticle(id, editor);
    await wf.returnArticle(id, "请补充来源", reviewer);
    const a = await db.article.findUniqueOrThrow({ where: { id } });
    expect(a.status).toBe("draft");
    expect(a.reviewComment).toBe("请补充来源");
    await expect(wf.returnArticle(id, "再次退回", reviewer)).rejects.toThrow(/待审核/);
  });

  it("editors may edit only their own articles", async () => {
    const a = await makeActor("editor");
    const b = await makeActor("editor");
    const { id } = await wf.createArticle(await input(), a);
    await expect(wf.saveArticle(id, await input({ title: "别人的修改" }), b)).rejects.toThrow(/自己撰写/);
    await expect(wf.submitArticle(id, b)).rejects.toThrow(/自己撰写/);
    const reviewer = await makeActor("reviewer");
    await expect(wf.saveArticle(id, await input({ title: "审核员修改" }), reviewer)).resolves.toEqual({ revision: 2 });
  });

  it("scheduled articles go live when their time comes, exactly once", async () => {
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input({ title: "定时发布测试" }), reviewer);
    const now = new Date();
    const at = new Date(now.getTime() + 60 * 60 * 1000);
    const scheduled = await wf.publishArticle(id, at, reviewer, now);
    expect(scheduled.public).toBe(false);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("scheduled");
    expect(await wf.publishDue(now)).toEqual([]);
    expect(await findPublishedArticle(id)).toBeNull();

    const later = new Date(at.getTime() + 1000);
    const [first, second] = await Promise.all([wf.publishDue(later), wf.publishDue(later)]);
    expect([...first, ...second].filter((c) => c.articleId === id)).toHaveLength(1);
    const a = await db.article.findUniqueOrThrow({ where: { id } });
    expect(a.isLive).toBe(true);
    expect(a.status).toBe("published");
  });

  it("restoring an old revision makes it the working copy; it goes live only when published", async () => {
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input({ title: "版本一" }), reviewer);
    await wf.publishArticle(id, null, reviewer);
    await wf.saveArticle(id, await input({ title: "版本二" }), reviewer);
    await wf.publishArticle(id, null, reviewer);
    const { revision } = await wf.restoreRevision(id, 1, reviewer);
    expect(revision).toBe(3);
    expect((await findPublishedArticle(id))?.title).toBe("版本二");
    await wf.publishArticle(id, null, reviewer);
    expect((await findPublishedArticle(id))?.title).toBe("版本一");
  });

  it("refuses invalid input with Chinese messages, including images without alt text", async () => {
    const r = articleInputSchema.safeParse({ title: " ", sectionId: "", bodyHtml: '<figure><img src="/uploads/a.jpg" alt=""></figure>' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toContain("title:请填写标题");
    expect(messages).toContain("sectionId:请选择栏目");
    expect(messages.some((m) => m.startsWith("bodyHtml:") && m.includes("替代文字"))).toBe(true);
  });
});
