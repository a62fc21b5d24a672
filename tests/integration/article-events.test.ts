import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { interleaveHistory, latestSubmission, listEvents } from "@/lib/articles/events";
import { listRevisions } from "@/lib/articles/revisions";
import { loadReview } from "@/lib/articles/review";
import { dashboardArticles } from "@/lib/articles/dashboard";
import { listArticlesForAdmin, adminListFilterSchema } from "@/lib/articles/admin-queries";
import { makeActor } from "../support/actors";

async function input(over: Record<string, unknown> = {}) {
  const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
  return articleInputSchema.parse({ title: "审核记录测试文章", sectionId: section.id, bodyHtml: "<p>第一版正文。</p>", ...over });
}

describe("workflow events (the review record)", () => {
  it("records 提交/退回/重新提交/发布/撤稿/恢复 with actor, comment and revision, interleaved with the revisions", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input(), editor);
    await wf.submitArticle(id, editor, "请核对第二段的日期");
    await wf.returnArticle(id, "来源不全，请补充", reviewer);
    await wf.saveArticle(id, await input({ bodyHtml: "<p>第二版正文，补充了来源。</p>" }), editor);
    await wf.submitArticle(id, editor, "已补充来源");
    await wf.publishArticle(id, null, reviewer);
    await wf.unpublishArticle(id, "信息有误，需核实", reviewer);
    await wf.restoreRevision(id, 1, editor);

    const events = await listEvents(id);
    expect(events.map((e) => [e.kind, e.label, e.actorName, e.comment, e.revision])).toEqual([
      ["restore", "恢复旧版本", editor.name, "恢复自第1版，生成第3版", 3],
      ["unpublish", "撤稿", reviewer.name, "信息有误，需核实", 2],
      ["publish", "发布", reviewer.name, "", 2],
      ["resubmit", "重新提交审核", editor.name, "已补充来源", 2],
      ["return", "退回修改", reviewer.name, "来源不全，请补充", 1],
      ["submit", "提交审核", editor.name, "请核对第二段的日期", 1],
    ]);
    expect(events.find((e) => e.kind === "return")?.commentLabel).toBe("退回意见");

    const history = interleaveHistory(await listRevisions(id), events);
    const seq = history.map((h) => (h.type === "event" ? h.event.kind : `v${h.revision.number}`)).reverse();
    expect(seq).toEqual(["v1", "submit", "return", "v2", "resubmit", "publish", "unpublish", "v3", "restore"]);

    // The audit entry of a submission carries the note, in Chinese.
    const submitted = await db.auditLog.findFirstOrThrow({ where: { action: "article.submit", targetId: String(id) }, orderBy: { id: "desc" } });
    expect(submitted.summary).toBe("审核记录测试文章（提交说明：已补充来源）");
  });

  it("定时发布 keeps its time; the due run records 发布 by the system", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input(), editor);
    await wf.submitArticle(id, editor);
    const at = new Date(Date.now() + 60_000);
    await wf.publishArticle(id, at, reviewer);
    await wf.publishDue(new Date(at.getTime() + 1000));
    const [published, scheduled] = await listEvents(id);
    expect(scheduled).toMatchObject({ kind: "schedule", label: "定时发布", actorName: reviewer.name, scheduledAt: at.toISOString() });
    expect(published).toMatchObject({ kind: "publish", actorName: "系统" });
  });

  it("a returned article shows 已退回 with the comment to its author (工作台, list) until resubmitted", async () => {
    const editor = await makeActor("editor");
    const other = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input({ title: "退回显示测试" }), editor);
    await wf.submitArticle(id, editor, "首次提交");
    await wf.returnArticle(id, "标题请改为正式名称", reviewer);

    const dash = await dashboardArticles(editor);
    expect(dash.returned.map((a) => [a.id, a.reviewComment])).toEqual([[id, "标题请改为正式名称"]]);
    expect(dash.drafts.map((a) => a.id)).not.toContain(id);
    const filter = adminListFilterSchema.parse({});
    const row = (await listArticlesForAdmin(filter, editor)).items.find((a) => a.id === id);
    expect(row?.returnedComment).toBe("标题请改为正式名称");
    // Saving keeps it 已退回 (the comment still applies); only resubmitting clears it.
    await wf.saveArticle(id, await input({ title: "退回显示测试（改）" }), editor);
    expect((await dashboardArticles(editor)).returned.map((a) => a.id)).toEqual([id]);
    // Another editor neither lists the draft nor sees the comment.
    expect((await listArticlesForAdmin(filter, other)).items.find((a) => a.id === id)).toBeUndefined();

    await wf.submitArticle(id, editor, "已改标题");
    expect((await dashboardArticles(editor)).returned).toEqual([]);
    expect((await listArticlesForAdmin(filter, editor)).items.find((a) => a.id === id)?.returnedComment).toBe("");
    expect((await latestSubmission(id))?.comment).toBe("已改标题");
  });

  it("the review view: the submission note and a diff against the live version; others' articles stay closed to an editor", async () => {
    const editor = await makeActor("editor");
    const other = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await wf.createArticle(await input({ title: "线上标题" }), editor);
    await wf.submitArticle(id, editor);
    const first = await loadReview(id, reviewer);
    expect(first).not.toBe("forbidden");
    if (!first || first === "forbidden") throw new Error("unreachable");
    expect(first).toMatchObject({ liveNumber: null, diff: null, headNumber: 1, mayAct: true });

    // Never published, sent back and resubmitted: compared with the version that was sent back.
    await wf.returnArticle(id, "请补充", reviewer);
    await wf.saveArticle(id, await input({ title: "线上标题", bodyHtml: "<p>第一版正文，补充一句。</p>" }), editor);
    await wf.submitArticle(id, editor);
    const again = await loadReview(id, reviewer);
    if (!again || again === "forbidden") throw new Error("expected a review view");
    expect(again.base).toEqual({ number: 1, label: "退回时的版本" });
    expect(again.diff?.body.parts.some((p) => p.kind === "added" && p.text.includes("补充一句"))).toBe(true);

    await wf.publishArticle(id, null, reviewer);
    await wf.saveArticle(id, await input({ title: "修改后的标题", bodyHtml: "<p>第一版正文，补充一句。新增一句。</p>" }), editor);
    await wf.submitArticle(id, editor, "改了标题");
    const review = await loadReview(id, reviewer);
    if (!review || review === "forbidden") throw new Error("expected a review view");
    expect(review.liveNumber).toBe(2);
    expect(review.base).toEqual({ number: 2, label: "线上版本" });
    expect(review.headNumber).toBe(3);
    expect(review.submission?.comment).toBe("改了标题");
    expect(review.diff?.fields.find((f) => f.key === "title")).toMatchObject({ changed: true, a: "线上标题", b: "修改后的标题" });
    expect(review.diff?.body.parts.some((p) => p.kind === "added" && p.text.includes("新增一句"))).toBe(true);

    expect(await loadReview(id, other)).toBe("forbidden");
    const own = await loadReview(id, editor);
    expect(own !== "forbidden" && own?.mayAct).toBe(false);
    expect(await loadReview(999_999, reviewer)).toBeNull();
  });

  it("events go with their article", async () => {
    const editor = await makeActor("editor");
    const admin = await makeActor("admin");
    const { id } = await wf.createArticle(await input(), editor);
    await wf.submitArticle(id, editor);
    await wf.deleteArticle(id, admin);
    expect(await db.articleEvent.count({ where: { articleId: id } })).toBe(0);
  });
});
