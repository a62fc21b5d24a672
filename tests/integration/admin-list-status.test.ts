import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { adminListFilterSchema, listArticlesForAdmin } from "@/lib/articles/admin-queries";
import { dashboardArticles } from "@/lib/articles/dashboard";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { makeActor } from "../support/actors";

/** Editors A and B, a reviewer, and article input in 工作动态 whose text carries a word no other test uses. */
async function twoEditorsAndAReviewer() {
  const [a, b, reviewer] = [await makeActor("editor"), await makeActor("editor"), await makeActor("reviewer")];
  const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
  const word = `zq${Math.random().toString(36).slice(2, 8)}`;
  const input = (title: string) => articleInputSchema.parse({ title, sectionId: section.id, bodyHtml: `<p>${word} 正文</p>`, source: "测试" });
  return { a, b, reviewer, word, input };
}

/**
 * Another editor's live article is listed as its public copy: the list must not tell editor A that B's public
 * article has an edit waiting in review (or scheduled), neither in the row nor through the 状态 filter, with or
 * without a search word; a reviewer sees the working state.
 */
describe("the admin list shows another editor's article as its public copy", () => {
  it("row state, the 状态 filter (plain and searched) and the 工作台 counts", async () => {
    const { a, b, reviewer, word, input } = await twoEditorsAndAReviewer();

    const { id } = await wf.createArticle(input(`${word} 公开标题`), b);
    await wf.submitArticle(id, b);
    await wf.publishArticle(id, null, reviewer);
    await wf.saveArticle(id, input(`${word} 修改中的标题`), b);
    await wf.submitArticle(id, b, "请审核修改");
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("review");

    const list = (who: typeof a, f: Record<string, string>) => listArticlesForAdmin(adminListFilterSchema.parse(f), who);
    const row = (await list(a, {})).items.find((r) => r.id === id);
    expect(row).toMatchObject({ status: "published", hasUnpublishedChanges: false, scheduledAt: null, readsWorkingCopy: false, title: `${word} 公开标题` });

    for (const q of [{}, { q: word }] as Record<string, string>[]) {
      expect((await list(a, { status: "review", ...q })).items.map((r) => r.id), JSON.stringify(q)).not.toContain(id);
      expect((await list(a, { status: "published", ...q })).items.map((r) => r.id), JSON.stringify(q)).toContain(id);
      expect((await list(reviewer, { status: "review", ...q })).items.map((r) => r.id), JSON.stringify(q)).toContain(id);
      expect((await list(b, { status: "review", ...q })).items.map((r) => r.id), JSON.stringify(q)).toContain(id);
    }
    expect((await list(reviewer, {})).items.find((r) => r.id === id)).toMatchObject({ status: "review", hasUnpublishedChanges: true });

    // 工作台: an editor counts their own working copies; B's pending review is not in A's 待审核.
    const before = (await dashboardArticles(a)).counts.review;
    const { id: mine } = await wf.createArticle(input(`${word} A 的稿件`), a);
    await wf.submitArticle(mine, a);
    expect((await dashboardArticles(a)).counts.review).toBe(before + 1);
    expect(before).toBe(0);
    expect((await dashboardArticles(reviewer)).counts.review).toBeGreaterThanOrEqual(2);
  });

  it("another editor's saves do not move their rows, and only articles one may change offer 编辑", async () => {
    const { a, b, reviewer, word, input } = await twoEditorsAndAReviewer();
    const published = async (title: string) => {
      const { id } = await wf.createArticle(input(title), b);
      await wf.submitArticle(id, b);
      await wf.publishArticle(id, null, reviewer);
      return id;
    };
    const older = await published(`${word} 先发布`);
    const newer = await published(`${word} 后发布`);
    const { id: draft } = await wf.createArticle(input(`${word} B 的草稿`), b);
    const list = (who: typeof a, f: Record<string, string> = {}) => listArticlesForAdmin(adminListFilterSchema.parse({ author: String(b.id), ...f }), who);
    const ids = async (who: typeof a, f: Record<string, string> = {}) => (await list(who, f)).items.map((r) => r.id);

    expect(await ids(a)).toEqual([newer, older]);
    // B saves an edit of the older article (waiting, not public): A's list, plain or searched, does not move.
    await wf.saveArticle(older, input(`${word} 先发布（修改中）`), b);
    expect(await ids(a)).toEqual([newer, older]);
    expect(await ids(a, { q: word })).toEqual([newer, older]);
    // An editor's list is in the same order for their own rows: unpublished work first, then by publication.
    expect(await ids(b)).toEqual([draft, newer, older]);
    // The reviewer reads every working copy: last saved first.
    expect(await ids(reviewer)).toEqual([older, draft, newer]);
    expect(await ids(reviewer, { q: word })).toEqual([older, draft, newer]);

    for (const row of (await list(a)).items) expect(row).toMatchObject({ mayEdit: false, readsWorkingCopy: false });
    for (const row of (await list(b)).items) expect(row).toMatchObject({ mayEdit: true, readsWorkingCopy: true });
    // A's own article: theirs to change, listed first while unpublished.
    const { id: mine } = await wf.createArticle(input(`${word} A 的草稿`), a);
    const own = await listArticlesForAdmin(adminListFilterSchema.parse({}), a);
    expect(own.items[0]).toMatchObject({ id: mine, mayEdit: true, readsWorkingCopy: true });
  });
});
