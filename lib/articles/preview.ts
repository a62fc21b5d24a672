import { db } from "../db";
import { mediaUrl } from "../media/url";
import { canRead, type Who } from "./access";
import { parseSnapshot } from "./snapshot";
import { DISCLOSURE_KIND } from "../disclosure/fields";
import { articleHref, type ArticleDetail } from "./types";

/**
 * The working copy (the head revision: a draft, or a pending edit of a live
 * article) shaped as the public page's ArticleDetail, so 预览 renders it with
 * the very components visitors get. Null when missing; "forbidden" when `who`
 * may not read the working copy (lib/articles/access.ts canRead).
 */
export async function loadArticlePreview(id: number, who: Who): Promise<ArticleDetail | "forbidden" | null> {
  const a = await db.article.findUnique({ where: { id }, select: { id: true, createdById: true, headRevisionId: true, publishedAt: true, updatedAt: true } });
  if (!a || !a.headRevisionId) return null;
  if (!canRead(who, a)) return "forbidden";
  const head = await db.articleRevision.findUniqueOrThrow({ where: { id: a.headRevisionId }, select: { snapshot: true, createdAt: true } });
  const s = parseSnapshot(head.snapshot);
  const [section, media, assigned] = await Promise.all([
    db.section.findUnique({ where: { id: s.sectionId }, select: { name: true, path: true, kind: true } }),
    db.media.findMany({ where: { id: { in: [s.coverId, ...s.attachments.map((x) => x.mediaId)].filter((x): x is number => !!x) } } }),
    db.articleDisclosure.findUnique({ where: { articleId: id }, select: { indexNumber: true } }),
  ]);
  if (!section) return null;
  const byId = new Map(media.map((m) => [m.id, m]));
  const cover = s.coverId ? byId.get(s.coverId) : undefined;
  // Unpublished: the date it would carry if published now (as publishing sets it).
  const publishedAt = s.publishedAt ?? a.publishedAt?.toISOString() ?? new Date().toISOString();
  return {
    id: a.id,
    title: s.title,
    href: articleHref(section.path, a.id),
    publishedAt,
    sectionId: s.sectionId,
    sectionName: section.name,
    summary: s.summary,
    coverUrl: cover ? mediaUrl(cover.storageKey) : null,
    coverAlt: cover?.alt ?? "",
    sectionPath: section.path,
    bodyHtml: s.bodyHtml,
    source: s.source,
    author: s.author,
    updatedAt: head.createdAt.toISOString(),
    attachments: s.attachments.flatMap((x) => {
      const m = byId.get(x.mediaId);
      return m ? [{ title: x.title || m.originalName, url: mediaUrl(m.storageKey), mimeType: m.mimeType, size: m.size }] : [];
    }),
    // 索引号 is given on the first publish: a never-published draft has none yet.
    disclosure: section.kind === DISCLOSURE_KIND && s.disclosure ? { ...s.disclosure, indexNumber: assigned?.indexNumber ?? null } : null,
  };
}
