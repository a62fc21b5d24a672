import { db } from "../db";
import { canRead, canReview, type Who } from "./access";
import { latestSubmission, type ArticleEventItem } from "./events";
import { diffRevisions, type RevisionDiff } from "./revisions";

/**
 * The reviewer's read-only view of a pending article: what is submitted
 * (the working copy, shown through 预览), how it differs from what visitors
 * see now (the live revision), and the submitter's note. Who may open it is
 * the working-copy rule (lib/articles/access.ts canRead: reviewers and admins
 * for every article, an editor for their own); who may act on it, canReview.
 */
export interface ReviewView {
  id: number;
  title: string;
  status: string;
  isLive: boolean;
  scheduledAt: string | null;
  authorName: string;
  headNumber: number;
  /** null: never published, so there is nothing live to compare with. */
  liveNumber: number | null;
  /**
   * What the submitted revision is compared with: the live version; for an
   * article never published, the version the reviewer last sent back (so a
   * resubmission shows what changed since the 退回). null: nothing to compare.
   */
  base: { number: number; label: "线上版本" | "退回时的版本" } | null;
  diff: RevisionDiff | null;
  submission: ArticleEventItem | null;
  /** May publish, schedule or send back (when the status allows). */
  mayAct: boolean;
}

export async function loadReview(id: number, who: Who): Promise<ReviewView | "forbidden" | null> {
  const a = await db.article.findUnique({
    where: { id },
    select: { id: true, title: true, status: true, isLive: true, scheduledAt: true, createdById: true, headRevisionId: true, liveRevisionId: true, createdBy: { select: { name: true } } },
  });
  if (!a || !a.headRevisionId) return null;
  if (!canRead(who, a)) return "forbidden";
  const revisionIds = [a.headRevisionId, a.liveRevisionId].filter((x): x is number => x !== null);
  const revs = await db.articleRevision.findMany({ where: { id: { in: revisionIds } }, select: { id: true, number: true } });
  const headNumber = revs.find((r) => r.id === a.headRevisionId)!.number;
  const liveNumber = a.isLive ? (revs.find((r) => r.id === a.liveRevisionId)?.number ?? null) : null;
  const returned =
    liveNumber === null
      ? await db.articleEvent.findFirst({ where: { articleId: a.id, kind: "return", revision: { not: null } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { revision: true } })
      : null;
  const base =
    liveNumber !== null
      ? { number: liveNumber, label: "线上版本" as const }
      : returned?.revision != null && returned.revision !== headNumber
        ? { number: returned.revision, label: "退回时的版本" as const }
        : null;
  const [diff, submission] = await Promise.all([base ? diffRevisions(a.id, base.number, headNumber) : null, latestSubmission(a.id)]);
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    isLive: a.isLive,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    authorName: a.createdBy?.name ?? "—",
    headNumber,
    liveNumber,
    base,
    diff,
    submission,
    mayAct: canReview(who) && (a.status === "review" || a.status === "scheduled"),
  };
}
