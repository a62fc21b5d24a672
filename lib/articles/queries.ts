import { db } from "../db";
import { publicWhere } from "./access";
import { mediaUrl } from "../media/url";
import { placedArticleWhere } from "../placement/active";
import type { Prisma } from "../generated/prisma/client";
import { articleHref, type ArticleDetail, type ArticleListItem, type Neighbours, type Paged } from "./types";
import { pageSlice } from "../pagination";
import { DISCLOSURE_KIND } from "../disclosure/fields";
import { disclosureSelect, toDisclosureView } from "../disclosure/publish";

export const PAGE_SIZE = 20;

// A visitor may see an article only when it is publicly visible (lib/articles/access.ts).

export const listSelect = {
  id: true,
  title: true,
  summary: true,
  publishedAt: true,
  sectionId: true,
  section: { select: { name: true, path: true } },
  cover: { select: { storageKey: true, alt: true, width: true, height: true } },
} satisfies Prisma.ArticleSelect;

type ListRow = Prisma.ArticleGetPayload<{ select: typeof listSelect }>;

export function toListItem(a: ListRow): ArticleListItem {
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
    coverWidth: a.cover?.width ?? null,
    coverHeight: a.cover?.height ?? null,
  };
}

const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];

/**
 * A section list: its 置顶 articles first (in their manual order, then newest
 * first), then the rest newest first; `skip`/`take` count over both, so pages
 * neither repeat nor skip an article.
 */
async function pinnedFirst(sectionIds: number[], skip: number, take: number, now: Date): Promise<ArticleListItem[]> {
  const pinnedRows = await db.article.findMany({
    where: { ...placedArticleWhere("pinned", now), sectionId: { in: sectionIds } },
    orderBy: newestFirst,
    select: { ...listSelect, placements: { where: { kind: "pinned" }, select: { position: true } } },
  });
  // Stable sort: equal positions keep newest first.
  const pinned = pinnedRows.sort((a, b) => (a.placements[0]?.position ?? 0) - (b.placements[0]?.position ?? 0));
  const fromPinned = pinned.slice(skip, skip + take);
  const restTake = take - fromPinned.length;
  const rest =
    restTake > 0
      ? await db.article.findMany({
          where: { ...publicWhere(now), sectionId: { in: sectionIds }, id: { notIn: pinned.map((p) => p.id) } },
          orderBy: newestFirst,
          skip: Math.max(0, skip - pinned.length),
          take: restTake,
          select: listSelect,
        })
      : [];
  return [...fromPinned.map((a) => ({ ...toListItem(a), pinned: true })), ...rest.map(toListItem)];
}

export async function latestInSections(sectionIds: number[], take: number): Promise<ArticleListItem[]> {
  return pinnedFirst(sectionIds, 0, take, new Date());
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
  const now = new Date();
  const total = await db.article.count({ where: { ...publicWhere(now), sectionId: { in: sectionIds } } });
  const slice = pageSlice(page, total, PAGE_SIZE);
  const items = await pinnedFirst(sectionIds, slice.skip, slice.take, now);
  return { items, page: slice.page, pageCount: slice.pageCount, total };
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
