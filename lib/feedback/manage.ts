import { audit } from "../audit/log";
import { DomainError } from "../errors";
import type { Actor } from "../auth/session";
import { db } from "../db";
import { checkAndAssert } from "../integrity/policy/enforce";
import { feedbackReplyPolicyInput } from "../integrity/policy/sources";
import { getSiteSettings } from "../settings/queries";
import { z } from "../validation/zod";
import { STATUSES, type SuggestionStatus } from "./categories";
import { isOverdue, workingDaysSince } from "./working-days";
import { pageSlice } from "../pagination";

export const INBOX_PAGE_SIZE = 20;

export interface InboxItem {
  id: number;
  code: string;
  category: string;
  subject: string;
  name: string;
  status: string;
  createdAt: Date;
  repliedAt: Date | null;
  /** Working days waited; null once answered or closed. */
  ageDays: number | null;
  overdue: boolean;
}

export type InboxFilter = SuggestionStatus | "all";

export function parseInboxFilter(value: string | undefined): InboxFilter {
  return (STATUSES as readonly string[]).includes(value ?? "") ? (value as SuggestionStatus) : "all";
}

/** The inbox: unanswered first (oldest first: they are the most urgent), then the rest newest first. */
export async function listInbox(filter: InboxFilter, page: number, now = new Date()) {
  const where = filter === "all" ? {} : { status: filter };
  // A page number past the end (a stale link after items were closed) shows the last page, not an empty inbox.
  const total = await db.suggestion.count({ where });
  const { page: current, pageCount: pages, skip } = pageSlice(page, total, INBOX_PAGE_SIZE);
  const [settings, rows, grouped] = await Promise.all([
    getSiteSettings(),
    db.suggestion.findMany({
      where,
      orderBy: filter === "new" ? [{ createdAt: "asc" }] : [{ createdAt: "desc" }],
      skip,
      take: INBOX_PAGE_SIZE,
      select: { id: true, code: true, category: true, subject: true, name: true, status: true, createdAt: true, repliedAt: true },
    }),
    db.suggestion.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const limit = settings.feedbackOverdueDays;
  const items: InboxItem[] = rows.map((r) => ({
    ...r,
    ageDays: r.status === "new" ? workingDaysSince(r.createdAt, now) : null,
    overdue: isOverdue(r.status, r.createdAt, limit, now),
  }));
  const counts: Record<InboxFilter, number> = { all: 0, new: 0, replied: 0, closed: 0 };
  for (const g of grouped) {
    if (g.status in counts) counts[g.status as SuggestionStatus] = g._count._all;
    counts.all += g._count._all;
  }
  return { items, total, page: current, pages, counts, overdueLimit: limit };
}

/** For the dashboard: how many wait for a reply, and how many of them are overdue. */
export async function inboxSummary(now = new Date()): Promise<{ waiting: number; overdue: number; overdueLimit: number }> {
  const [settings, waiting] = await Promise.all([
    getSiteSettings(),
    db.suggestion.findMany({ where: { status: "new" }, select: { createdAt: true } }),
  ]);
  const limit = settings.feedbackOverdueDays;
  return { waiting: waiting.length, overdue: waiting.filter((w) => isOverdue("new", w.createdAt, limit, now)).length, overdueLimit: limit };
}

export async function getSuggestion(id: number, now = new Date()) {
  const row = await db.suggestion.findUnique({ where: { id } });
  if (!row) return null;
  const [settings, replier] = await Promise.all([
    getSiteSettings(),
    row.repliedById ? db.user.findUnique({ where: { id: row.repliedById }, select: { name: true, email: true } }) : null,
  ]);
  return {
    ...row,
    replierName: replier ? replier.name || replier.email : "",
    ageDays: row.status === "new" ? workingDaysSince(row.createdAt, now) : null,
    overdue: isOverdue(row.status, row.createdAt, settings.feedbackOverdueDays, now),
    overdueLimit: settings.feedbackOverdueDays,
  };
}

const id = z.coerce.number().int().positive();

export const replySchema = z.object({
  id,
  reply: z.string().trim().min(1, "请填写答复内容").max(4000, "答复不能超过 4000 个字"),
  replyPublic: z.boolean().default(false),
});
export type ReplyInput = z.infer<typeof replySchema>;

/** Saves (or corrects) the reply. A closed message stays closed; otherwise it becomes 已回复. */
export async function replyToSuggestion(input: ReplyInput, actor: Actor, now = new Date()): Promise<void> {
  const before = await db.suggestion.findUnique({ where: { id: input.id }, select: { status: true, reply: true, subject: true } });
  if (!before) throw new DomainError("该留言不存在或已被删除");
  // The citizen reads the reply on the public query page (and everyone does when it is published).
  await checkAndAssert(feedbackReplyPolicyInput(input.reply, input.replyPublic ? before.subject : undefined), "保存答复");
  await db.suggestion.update({
    where: { id: input.id },
    data: {
      reply: input.reply,
      replyPublic: input.replyPublic,
      repliedAt: now,
      repliedById: actor.id,
      status: before.status === "closed" ? "closed" : "replied",
    },
  });
  await audit(actor, {
    action: "suggestion.reply",
    targetType: "suggestion",
    targetId: input.id,
    summary: `${before.reply ? "修改答复" : "答复"}“${before.subject}”${input.replyPublic ? "（公开）" : "（不公开）"}`,
  });
}

export const statusSchema = z.object({ id, action: z.enum(["close", "reopen"], { error: "未知的操作" }) });
export type StatusInput = z.infer<typeof statusSchema>;

/** 办结 ends the case; 重新打开 returns it to 已回复 (or 待处理 when it was never answered). */
export async function changeSuggestionStatus(input: StatusInput, actor: Actor, now = new Date()): Promise<void> {
  const before = await db.suggestion.findUnique({ where: { id: input.id }, select: { status: true, reply: true, subject: true } });
  if (!before) throw new DomainError("该留言不存在或已被删除");
  if (input.action === "close") {
    if (before.status === "closed") throw new DomainError("该留言已办结");
    await db.suggestion.update({ where: { id: input.id }, data: { status: "closed", closedAt: now } });
  } else {
    if (before.status !== "closed") throw new DomainError("只有已办结的留言可以重新打开");
    await db.suggestion.update({ where: { id: input.id }, data: { status: before.reply ? "replied" : "new", closedAt: null } });
  }
  await audit(actor, {
    action: input.action === "close" ? "suggestion.close" : "suggestion.reopen",
    targetType: "suggestion",
    targetId: input.id,
    summary: `${input.action === "close" ? "办结" : "重新打开"}“${before.subject}”`,
  });
}
