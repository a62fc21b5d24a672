import { db } from "../db";
import { canReview, publicWhere, workingCopyWhere, type Who } from "./access";
import type { WorkflowStatus } from "./workflow-labels";

const LIST_LIMIT = 20;
const listSelect = { id: true, title: true, updatedAt: true } as const;

/**
 * What the 工作台 shows `who`: counts per state (of the articles whose working copy `who` reads; 已发布 site-wide), the review queue (reviewers),
 * their own articles sent back (已退回, with the reviewer's comment, until
 * resubmitted: see isReturned) and their other drafts.
 */
export async function dashboardArticles(who: Who) {
  const mayReview = canReview(who);
  const returnedWhere = { createdById: who.id, status: "draft", reviewComment: { not: "" } };
  const draftWhere = { createdById: who.id, status: "draft", reviewComment: "" };
  const [byStatus, liveCount, reviewItems, reviewTotal, returned, drafts, draftTotal] = await Promise.all([
    // States of the working copies `who` may read (an editor: their own); 已发布 is public for everyone.
    db.article.groupBy({ by: ["status"], where: workingCopyWhere(who), _count: { _all: true } }),
    db.article.count({ where: publicWhere() }),
    mayReview ? db.article.findMany({ where: { status: "review" }, orderBy: { updatedAt: "desc" }, take: LIST_LIMIT, select: listSelect }) : [],
    mayReview ? db.article.count({ where: { status: "review" } }) : 0,
    // Few by nature (each waits on its author): all of them, never hidden behind a "more" line.
    db.article.findMany({ where: returnedWhere, orderBy: { updatedAt: "desc" }, select: { ...listSelect, reviewComment: true } }),
    db.article.findMany({ where: draftWhere, orderBy: { updatedAt: "desc" }, take: LIST_LIMIT, select: listSelect }),
    db.article.count({ where: draftWhere }),
  ]);
  const counts: Record<WorkflowStatus, number> = { draft: 0, review: 0, scheduled: 0, published: 0, unpublished: 0 };
  for (const row of byStatus) {
    if (row.status in counts && row.status !== "published") counts[row.status as WorkflowStatus] = row._count._all;
  }
  // 已发布 counts what visitors see: a live article being re-edited is both 草稿 and 已发布.
  counts.published = liveCount;
  return { counts, reviewItems, reviewTotal, returned, drafts, draftTotal };
}
