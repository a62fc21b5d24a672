import { db } from "../db";
import { publicWhere } from "./access";
import { mediaUrl } from "../media/url";
import type { Prisma } from "../generated/prisma/client";
import { articleHref, type ArticleDetail, type ArticleListItem, type Neighbours, type Paged } from "./types";
import { pageSlice } from "../pagination";
import { DISCLOSURE_KIND } from "../disclosure/fields";
import { disclosureSelect, toDisclosureView } from "../disclosure/publish";

export const PAGE_SIZE = 20;

// A visitor may see an article only when it is publicly visible (lib/articles/access.ts).

const listSelect = {
  id: true,
  title: true,
  summary: true,
  publishedAt: true,
  sectionId: true,
  section: { select: { name: true, path: true } },
  cover: { select: { storageKey: true, alt: true } },
} satisfies Prisma.ArticleSelect;

type ListRow = Prisma.ArticleGetPayload<{ select: typeof listSelect }>;

function toListItem(a: ListRow): ArticleListItem {
  return {
    id: a.id,
    title: a.title,
    href: articleHref(a.section.path, a.id),
    publishedAt: (a.publishedAt ?? new Date(0)).toISOString(),
    sectionId: a.sectionId,
    sectionName: a.section.name,
    summary: a.summary,
    coverUrl: a.cover ? mediaUrl(a.cover.storageKey) : null,
    coverAlt: a.cover?.alt ?? "",
  };
}

const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];

export async function latestInSections(sectionIds: number[], take: number): Promise<ArticleListItem[]> {
  const rows = await db.article.findMany({
    where: { ...publicWhere(), sectionId: { in: sectionIds } },
    orderBy: newestFirst,
    take,
    select: listSelect,
  });
  return rows.map(toListItem);
}

export async function latestWithCover(take: number): Promise<ArticleListItem[]> {
  const rows = await db.article.findMany({
    where: { ...publicWhere(), coverId: { not: null } },
    orderBy: newestFirst,
    take,
    select: listSelect,
  });
  return rows.map(toListItem);
}

export async function pageOfSections(sectionIds: number[], page: number): Promise<Paged<ArticleListItem>> {
  const where = { ...publicWhere(), sectionId: { in: sectionIds } };
  const total = await db.article.count({ where });
  const slice = pageSlice(page, total, PAGE_SIZE);
  const rows = await db.article.findMany({ where, orderBy: newestFirst, skip: slice.skip, take: slice.take, select: listSelect });
  return { items: rows.map(toListItem), page: slice.page, pageCount: slice.pageCount, total };
}

export async function findPublishedArticle(id: number): Promise<ArticleDetail | null> {
  const a = await db.article.findFirst({
    where: { id, ...publicWhere() },
    select: {
      ...listSelect,
      bodyHtml: true,
      source: true,
      author: true,
      updatedAt: true,
      section: { select: { name: true, path: true, kind: true } },
      disclosure: { select: disclosureSelect },
      attachments: {
        orderBy: { position: "asc" },
        select: { title: true, media: { select: { storageKey: true, originalName: true, mimeType: true, size: true } } },
      },
    },
  });
  if (!a) return null;
  return {
    ...toListItem(a),
    sectionPath: a.section.path,
    bodyHtml: a.bodyHtml,
    source: a.source,
    author: a.author,
    updatedAt: a.updatedAt.toISOString(),
    attachments: a.attachments.map((x) => ({
      title: x.title || x.media.originalName,
      url: mediaUrl(x.media.storageKey),
      mimeType: x.media.mimeType,
      size: x.media.size,
    })),
    disclosure: a.section.kind === DISCLOSURE_KIND && a.disclosure ? toDisclosureView(a.disclosure) : null,
  };
}

/** Previous = the next older article in the same section, next = the next newer one. */
export async function neighboursOf(article: { id: number; sectionId: number; publishedAt: string }): Promise<Neighbours> {
  const at = new Date(article.publishedAt);
  const base = { ...publicWhere(), sectionId: article.sectionId, id: { not: article.id } };
  const [previous, next] = await Promise.all([
    db.article.findFirst({
      where: { ...base, OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: article.id } }] },
      orderBy: newestFirst,
      select: listSelect,
    }),
    db.article.findFirst({
      where: { ...base, OR: [{ publishedAt: { gt: at } }, { publishedAt: at, id: { gt: article.id } }] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: listSelect,
    }),
  ]);
  return { previous: previous && toListItem(previous), next: next && toListItem(next) };
}
