import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { RevisionListItem } from "./revisions";

/**
 * The editorial record of an article: each workflow step as a row
 * (ArticleEvent) with who did it, when, and the words that went with it — the
 * submission note, the reviewer's 退回 comment, the 撤稿 reason, the time a
 * publication was scheduled for. Written in the same transaction as the step
 * itself (lib/articles/workflow.ts); shown beside the revisions on the
 * article's history page and, for the latest submission, in the review view.
 */

export const EVENT_LABELS = {
  submit: "提交审核",
  resubmit: "重新提交审核",
  return: "退回修改",
  publish: "发布",
  schedule: "定时发布",
  unpublish: "撤稿",
  restore: "恢复旧版本",
} as const;
export type EventKind = keyof typeof EVENT_LABELS;

/** What the comment means for each kind, as the history page titles it. */
const COMMENT_LABELS: Partial<Record<EventKind, string>> = {
  submit: "提交说明",
  resubmit: "提交说明",
  return: "退回意见",
  unpublish: "撤稿原因",
};

type Tx = Prisma.TransactionClient;

export interface NewEvent {
  articleId: number;
  kind: EventKind;
  /** null: the system (a scheduled publication coming due). */
  actorId: number | null;
  comment?: string;
  scheduledAt?: Date | null;
}

/** Records a step; the revision number is the article's working copy at that moment. */
export async function recordEvent(tx: Tx, e: NewEvent): Promise<void> {
  const a = await tx.article.findUnique({ where: { id: e.articleId }, select: { headRevisionId: true } });
  const head = a?.headRevisionId ? await tx.articleRevision.findUnique({ where: { id: a.headRevisionId }, select: { number: true } }) : null;
  await tx.articleEvent.create({
    data: { articleId: e.articleId, kind: e.kind, actorId: e.actorId, comment: e.comment ?? "", scheduledAt: e.scheduledAt ?? null, revision: head?.number ?? null },
  });
}

export interface ArticleEventItem {
  id: number;
  kind: string;
  label: string;
  /** "提交说明", "退回意见", "撤稿原因"; empty for kinds whose comment needs no title. */
  commentLabel: string;
  comment: string;
  actorName: string;
  /** ISO */
  createdAt: string;
  /** ISO; 定时发布 only. */
  scheduledAt: string | null;
  revision: number | null;
}

const SELECT = {
  id: true,
  kind: true,
  comment: true,
  createdAt: true,
  scheduledAt: true,
  revision: true,
  actorId: true,
  actor: { select: { name: true } },
} as const;
type Row = Prisma.ArticleEventGetPayload<{ select: typeof SELECT }>;

function toItem(r: Row): ArticleEventItem {
  return {
    id: r.id,
    kind: r.kind,
    label: EVENT_LABELS[r.kind as EventKind] ?? r.kind,
    commentLabel: COMMENT_LABELS[r.kind as EventKind] ?? "",
    comment: r.comment,
    actorName: r.actor?.name ?? (r.actorId === null ? "系统" : "（已删除的用户）"),
    createdAt: r.createdAt.toISOString(),
    scheduledAt: r.scheduledAt?.toISOString() ?? null,
    revision: r.revision,
  };
}

/** Newest first. */
export async function listEvents(articleId: number): Promise<ArticleEventItem[]> {
  const rows = await db.articleEvent.findMany({ where: { articleId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: SELECT });
  return rows.map(toItem);
}

/** The submission the review view is about: the latest 提交审核 / 重新提交审核. */
export async function latestSubmission(articleId: number): Promise<ArticleEventItem | null> {
  const row = await db.articleEvent.findFirst({
    where: { articleId, kind: { in: ["submit", "resubmit"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: SELECT,
  });
  return row ? toItem(row) : null;
}

export type HistoryEntry = { type: "revision"; at: string; revision: RevisionListItem } | { type: "event"; at: string; event: ArticleEventItem };

/**
 * Revisions and workflow events in one list, newest first. A step taken in
 * the same click as a save (保存 then 提交审核) comes after it, so on a tie
 * the event is the newer of the two.
 */
export function interleaveHistory(revisions: RevisionListItem[], events: ArticleEventItem[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...revisions.map((r) => ({ type: "revision" as const, at: r.createdAt, revision: r })),
    ...events.map((e) => ({ type: "event" as const, at: e.createdAt, event: e })),
  ];
  const rank = (e: HistoryEntry) => (e.type === "event" ? 1 : 0);
  return entries.sort((x, y) => Date.parse(y.at) - Date.parse(x.at) || rank(y) - rank(x));
}
