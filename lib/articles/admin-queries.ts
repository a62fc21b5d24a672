import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { searchArticlesForAdmin } from "../search/admin";
import { toMediaDto, type MediaDto } from "../media/upload";
import { z } from "../validation/zod";
import { canEdit, canRead, listableWhere, listedStatus, listedStatusWhere, listOrder, type Who } from "./access";
import { parseSnapshot, type ArticleSnapshot } from "./snapshot";
import { isReturned } from "./workflow-labels";
import { pageSlice } from "../pagination";

export const adminListFilterSchema = z.object({
  status: z.enum(["draft", "review", "scheduled", "published", "unpublished", "live"]).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AdminListFilter = z.infer<typeof adminListFilterSchema>;

export const ADMIN_PAGE_SIZE = 30;

export interface AdminArticleRow {
  id: number;
  title: string;
  sectionName: string;
  status: string;
  isLive: boolean;
  hasUnpublishedChanges: boolean;
  authorName: string;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  /** The reviewer's 退回 comment while the article is sent back (isReturned); "" otherwise. */
  returnedComment: string;
  /** Whether the row's working copy (the editor page, 预览, 历史版本) is `who`'s to read (canRead). */
  readsWorkingCopy: boolean;
  /** Whether `who` may change it (canEdit): the row offers 编辑, else 查看 where the working copy is readable. */
  mayEdit: boolean;
  /** The public page, when it is live. */
  publicHref: string | null;
}

/** The admin list: only rows `who` may list (lib/articles/access.ts); another editor's article shows as its public copy. */
export async function listArticlesForAdmin(f: AdminListFilter, who: Who) {
  const where: Prisma.ArticleWhereInput = { AND: [listableWhere(who)] };
  if (f.status === "live") where.isLive = true;
  else if (f.status) (where.AND as Prisma.ArticleWhereInput[]).push(listedStatusWhere(who, f.status));
  if (f.section) where.sectionId = f.section;
  if (f.author) where.createdById = f.author;
  const include = { section: { select: { name: true, path: true } }, createdBy: { select: { name: true } } } as const;
  const skip = (f.page - 1) * ADMIN_PAGE_SIZE;
  let total: number;
  let rows: Prisma.ArticleGetPayload<{ include: typeof include }>[];
  if (f.q) {
    // The same search as the public site (see lib/search/admin.ts), then the page's rows in its order.
    const found = await searchArticlesForAdmin(
      f.q,
      { status: f.status === "live" ? undefined : f.status, isLive: f.status === "live" ? true : undefined, sectionId: f.section, createdById: f.author },
      who,
      ADMIN_PAGE_SIZE,
      skip,
    );
    total = found.total;
    const byId = new Map((await db.article.findMany({ where: { id: { in: found.ids } }, include })).map((a) => [a.id, a]));
    rows = found.ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    [total, rows] = await Promise.all([
      db.article.count({ where }),
      db.article.findMany({ where, orderBy: listOrder(who), skip, take: ADMIN_PAGE_SIZE, include }),
    ]);
  }
  const items: AdminArticleRow[] = rows.map((a) => {
    // Another editor's article is listed as its public copy: nothing about its working copy (a pending edit,
    // its review or schedule, when it was last saved, review comments) is theirs to see.
    const reads = canRead(who, a);
    return {
      id: a.id,
      title: a.title,
      sectionName: a.section.name,
      status: listedStatus(who, a),
      isLive: a.isLive,
      hasUnpublishedChanges: reads && a.isLive && a.headRevisionId !== a.liveRevisionId,
      authorName: a.createdBy?.name ?? "—",
      updatedAt: (reads ? a.updatedAt : (a.publishedAt ?? a.updatedAt)).toISOString(),
      publishedAt: a.publishedAt?.toISOString() ?? null,
      scheduledAt: reads ? (a.scheduledAt?.toISOString() ?? null) : null,
      returnedComment: reads && isReturned(a) ? a.reviewComment : "",
      readsWorkingCopy: reads,
      mayEdit: canEdit(who, a),
      publicHref: a.isLive ? `/${a.section.path}/${a.id}` : null,
    };
  });
  return { items, total, page: f.page, pageCount: pageSlice(f.page, total, ADMIN_PAGE_SIZE).pageCount };
}

export interface ArticleForEdit {
  id: number;
  status: string;
  isLive: boolean;
  hasUnpublishedChanges: boolean;
  createdById: number | null;
  publicHref: string | null;
  reviewComment: string;
  unpublishReason: string;
  scheduledAt: string | null;
  headRevision: number;
  snapshot: ArticleSnapshot;
  media: MediaDto[];
  /** 政府信息公开 索引号, once the first publish assigned it. */
  indexNumber: string | null;
}

/** The working copy for the editor page; "forbidden" when `who` may not read it. */
export async function loadArticleForEdit(id: number, who: Who): Promise<ArticleForEdit | "forbidden" | null> {
  const a = await db.article.findUnique({ where: { id }, include: { section: { select: { path: true } }, disclosure: { select: { indexNumber: true } } } });
  if (!a || !a.headRevisionId) return null;
  if (!canRead(who, a)) return "forbidden";
  const head = await db.articleRevision.findUniqueOrThrow({ where: { id: a.headRevisionId } });
  const snapshot = parseSnapshot(head.snapshot);
  const mediaIds = [snapshot.coverId, ...snapshot.attachments.map((x) => x.mediaId)].filter((x): x is number => !!x);
  const media = await db.media.findMany({ where: { id: { in: mediaIds } } });
  return {
    id: a.id,
    status: a.status,
    isLive: a.isLive,
    hasUnpublishedChanges: a.isLive && a.headRevisionId !== a.liveRevisionId,
    createdById: a.createdById,
    publicHref: a.isLive ? `/${a.section.path}/${a.id}` : null,
    reviewComment: a.reviewComment,
    unpublishReason: a.unpublishReason,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    headRevision: head.number,
    snapshot,
    media: media.map(toMediaDto),
    indexNumber: a.disclosure?.indexNumber ?? null,
  };
}

export interface ArticleHeader {
  id: number;
  title: string;
  status: string;
  isLive: boolean;
  createdById: number | null;
}

/** What the revisions page shows about the article; "forbidden" when `who` may not read its history. */
export async function loadArticleHeader(id: number, who: Who): Promise<ArticleHeader | "forbidden" | null> {
  const a = await db.article.findUnique({ where: { id }, select: { id: true, title: true, status: true, isLive: true, createdById: true } });
  if (!a) return null;
  return canRead(who, a) ? a : "forbidden";
}

/** Filter choices of the admin list. */
/** Authors to filter the admin list by. */
export async function listAuthors() {
  return db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
