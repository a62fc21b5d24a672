"use server";

import { guardedAction } from "@/lib/auth/guard";
import { revalidateArticle } from "@/lib/cache/revalidate";
import { articleIdSchema, articleInputSchema, publishSchema, reasonSchema, restoreSchema, saveArticleSchema, scheduleSchema, submitSchema } from "@/lib/articles/schema";
import * as workflow from "@/lib/articles/workflow";

export const createArticleAction = guardedAction("article.create", articleInputSchema, async (input, actor) => {
  const { id } = await workflow.createArticle(input, actor);
  return { ok: true, data: { id }, message: "已保存为草稿" };
});

export const saveArticleAction = guardedAction("article.edit.own", saveArticleSchema, async ({ id, ...input }, actor) => {
  const { revision } = await workflow.saveArticle(id, input, actor);
  return { ok: true, data: { revision }, message: `已保存（第${revision}版）` };
});

/** The editor's idle autosave: a revision marked 自动保存 of the working copy; never publishes. */
export const autosaveArticleAction = guardedAction("article.edit.own", saveArticleSchema, async ({ id, ...input }, actor) => {
  const { revision } = await workflow.saveArticle(id, input, actor, "自动保存");
  return { ok: true, data: { revision }, message: `已自动保存（第${revision}版）` };
});

export const submitArticleAction = guardedAction("article.submit", submitSchema, async ({ id, note }, actor) => {
  await workflow.submitArticle(id, actor, note);
  return { ok: true, message: "已提交审核" };
});

export const returnArticleAction = guardedAction("article.review", reasonSchema, async ({ id, reason }, actor) => {
  await workflow.returnArticle(id, reason, actor);
  return { ok: true, message: "已退回修改" };
});

export const publishArticleAction = guardedAction("article.publish", publishSchema, async ({ id, at }, actor) => {
  const changed = await workflow.publishArticle(id, at, actor);
  await revalidateArticle(changed);
  return { ok: true, message: changed.public ? "已发布" : "已设置定时发布" };
});

/** 定时发布 with a required future time (the schedule dialog); publishArticleAction would publish a past time at once. */
export const scheduleArticleAction = guardedAction("article.publish", scheduleSchema, async ({ id, at }, actor) => {
  await revalidateArticle(await workflow.publishArticle(id, at, actor));
  return { ok: true, message: "已设置定时发布" };
});

export const unpublishArticleAction = guardedAction("article.unpublish", reasonSchema, async ({ id, reason }, actor) => {
  await revalidateArticle(await workflow.unpublishArticle(id, reason, actor));
  return { ok: true, message: "已撤稿" };
});

export const deleteArticleAction = guardedAction("article.delete", articleIdSchema, async ({ id }, actor) => {
  await revalidateArticle(await workflow.deleteArticle(id, actor));
  return { ok: true, message: "已删除" };
});

export const restoreRevisionAction = guardedAction("article.edit.own", restoreSchema, async ({ id, number }, actor) => {
  const { revision } = await workflow.restoreRevision(id, number, actor);
  return { ok: true, data: { revision }, message: `已恢复为第${revision}版（需重新发布才会在网站上生效）` };
});
