import { can, type Role } from "../auth/permissions";
import type { Prisma } from "../generated/prisma/client";

/**
 * Who may see or change an article — written once, used by every admin page,
 * list, search, server action, route handler and revision view, and by every
 * public read.
 *
 * Visitors see an article only when it is publicly visible: its public copy
 * is live and its date has come.
 *
 * Signed-in staff:
 *   - reviewers and admins read every article in every state (drafts,
 *     revisions, pending edits);
 *   - an editor reads their own articles in every state, and other people's
 *     only as visitors do (the public copy of a visible article): never
 *     another editor's draft, revision history or unpublished edit.
 *   - editing: `article.edit.any`, or `article.edit.own` on one's own article.
 */

export interface Who {
  id: number;
  role: Role;
}
type Owned = { createdById: number | null };
type Publishable = { isLive: boolean; publishedAt: Date | string | null };

// ---- Publicly visible -------------------------------------------------------

export function isPubliclyVisible(a: Publishable, now = new Date()): boolean {
  return a.isLive && a.publishedAt !== null && new Date(a.publishedAt).getTime() <= now.getTime();
}

export function publicWhere(now = new Date()): Prisma.ArticleWhereInput {
  return { isLive: true, publishedAt: { lte: now } };
}

/** The SQL dialect of a raw query: each engine's search module passes its own. */
export type SqlDialect = "sqlite" | "postgresql";

/**
 * The same rule for raw SQL over "Article" AS `alias`.
 * SQLite: dates are ISO text with "+00:00", as the Prisma adapter stores them;
 * the unary `+` keeps SQLite from picking the (isLive, publishedAt) index for a
 * range scan when a full-text match should drive the query.
 * PostgreSQL: TIMESTAMP(3) columns holding UTC.
 */
export function publicSql(alias: string, dialect: SqlDialect): string {
  return dialect === "sqlite"
    ? `${alias}."isLive" = 1 AND +${alias}."publishedAt" <= strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`
    : `${alias}."isLive" AND ${alias}."publishedAt" <= (now() AT TIME ZONE 'UTC')`;
}

// ---- Staff ------------------------------------------------------------------

/** Reviewers and admins read every working copy. */
export function readsEveryArticle(who: Who): boolean {
  return can(who.role, "article.edit.any") || can(who.role, "article.review");
}

/** May read the working copy: drafts, pending edits, the revision history. */
export function canRead(who: Who, a: Owned): boolean {
  return readsEveryArticle(who) || (a.createdById !== null && a.createdById === who.id && can(who.role, "admin.access"));
}

export function canEdit(who: Who, a: Owned): boolean {
  return can(who.role, "article.edit.any") || (can(who.role, "article.edit.own") && a.createdById !== null && a.createdById === who.id);
}

/**
 * May `who` put a stored file into an article (cover or attachment)? A file's address is all that keeps it
 * private, and the editor's page shows the address of every file an article names, so naming another
 * person's file by its id would reveal it. Allowed: those who read every article; the file's uploaders; any
 * file this article already names (in any of its revisions, which `who` may edit); any file a publicly
 * visible article shows anyway.
 */
export function mayUseMedia(who: Who, file: { uploadedBy: readonly number[]; inThisArticle: boolean; inPublicArticle: boolean }): boolean {
  return readsEveryArticle(who) || file.uploadedBy.includes(who.id) || file.inThisArticle || file.inPublicArticle;
}

/** Send back, publish, schedule: any article, for those whose role reviews. */
export function canReview(who: Who): boolean {
  return can(who.role, "article.review");
}

/** Rows the admin list may show: every row whose working copy `who` may read, plus the publicly visible ones (as their public copy). */
export function listableWhere(who: Who, now = new Date()): Prisma.ArticleWhereInput {
  return readsEveryArticle(who) ? {} : { OR: [{ createdById: who.id }, publicWhere(now)] };
}

/**
 * The admin list's order. Those who read every working copy: last saved first. Anyone else sees other people's
 * articles only as their public copies, so the order must not follow when those were last saved (a pending edit
 * or a review would move the row and tell): unpublished work — theirs alone — first, then by publication date;
 * the id breaks ties, never a save time.
 */
export function listOrder(who: Who): Prisma.ArticleOrderByWithRelationInput[] {
  return readsEveryArticle(who) ? [{ updatedAt: "desc" }, { id: "desc" }] : [{ publishedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }];
}

/** listOrder() for raw SQL over "Article" AS `alias` (the same on SQLite and PostgreSQL). */
export function listOrderSql(who: Who, alias: string): string {
  return readsEveryArticle(who)
    ? `${alias}."updatedAt" DESC, ${alias}."id" DESC`
    : `(${alias}."publishedAt" IS NULL) DESC, ${alias}."publishedAt" DESC, ${alias}."id" DESC`;
}

/** Rows whose working copy (draft text, pending edit, revisions) `who` may read. */
export function workingCopyWhere(who: Who): Prisma.ArticleWhereInput {
  return readsEveryArticle(who) ? {} : { createdById: who.id };
}

export interface SqlFragment {
  sql: string;
  args: unknown[];
}

const intParam = (dialect: SqlDialect) => (dialect === "sqlite" ? "?" : "?::int");

/**
 * The workflow state a list shows `who` for an article: its own where `who` reads the working copy; otherwise
 * only what its public copy says (已发布): another editor's pending edit, review or schedule is not theirs to know.
 */
export function listedStatus(who: Who, a: Owned & { status: string }): string {
  return canRead(who, a) ? a.status : "published";
}

/** Filtering a list by workflow state as listedStatus() shows it (the rows are listableWhere()'s already). */
export function listedStatusWhere(who: Who, status: string): Prisma.ArticleWhereInput {
  if (readsEveryArticle(who)) return { status };
  const own: Prisma.ArticleWhereInput = { createdById: who.id, status };
  return status === "published" ? { OR: [own, { isLive: true, OR: [{ createdById: null }, { createdById: { not: who.id } }] }] } : own;
}

/** listedStatusWhere() for raw SQL over "Article" AS `alias`. */
export function listedStatusSql(who: Who, status: string, alias: string, dialect: SqlDialect): SqlFragment {
  if (readsEveryArticle(who)) return { sql: `${alias}."status" = ?`, args: [status] };
  const own = `(${alias}."createdById" = ${intParam(dialect)} AND ${alias}."status" = ?)`;
  if (status !== "published") return { sql: own, args: [who.id, status] };
  const live = dialect === "sqlite" ? `${alias}."isLive" = 1` : `${alias}."isLive"`;
  return {
    sql: `(${own} OR (${live} AND (${alias}."createdById" IS NULL OR ${alias}."createdById" <> ${intParam(dialect)})))`,
    args: [who.id, status, who.id],
  };
}

/** listableWhere() for raw SQL over "Article" AS `alias`. */
export function listableSql(who: Who, alias: string, dialect: SqlDialect): SqlFragment {
  return readsEveryArticle(who)
    ? { sql: "TRUE", args: [] }
    : { sql: `(${alias}."createdById" = ${intParam(dialect)} OR (${publicSql(alias, dialect)}))`, args: [who.id] };
}

/** workingCopyWhere() for raw SQL over "Article" AS `alias`. */
export function workingCopySql(who: Who, alias: string, dialect: SqlDialect): SqlFragment {
  return readsEveryArticle(who) ? { sql: "TRUE", args: [] } : { sql: `${alias}."createdById" = ${intParam(dialect)}`, args: [who.id] };
}
