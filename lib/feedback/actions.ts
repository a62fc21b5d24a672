"use server";

import { guardedAction } from "@/lib/auth/guard";
import { changeSuggestionStatus, replySchema, replyToSuggestion, statusSchema } from "@/lib/feedback/manage";

// The public 留言选登 list and 留言查询 render per request, so no cache tag needs revalidating here.

export const replySuggestionAction = guardedAction("suggestion.manage", replySchema, async (input, actor) => {
  await replyToSuggestion(input, actor);
  return { ok: true, message: input.replyPublic ? "答复已保存，并在“留言选登”中公开" : "答复已保存（不公开，留言人可凭查询码查看）" };
});

export const changeSuggestionStatusAction = guardedAction("suggestion.manage", statusSchema, async (input, actor) => {
  await changeSuggestionStatus(input, actor);
  return { ok: true, message: input.action === "close" ? "留言已办结" : "留言已重新打开" };
});
