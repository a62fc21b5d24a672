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

/** Send back, publish, schedule: any article, for those whose role reviews. */
export function canReview(who: Who): boolean {
  return can(who.role, "article.review");
}

/** Rows the admin list may show: every row whose working copy `who` may read, plus the publicly visible ones (as their public copy). */
export function listableWhere(who: Who, now = new Date()): Prisma.ArticleWhereInput {
  return readsEveryArticle(who) ? {} : { OR: [{ createdById: who.id }, publicWhere(now)] };
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
