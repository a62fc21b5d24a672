import { db } from "../db";
import { htmlToText } from "../content/sanitize";
import { publicWhere } from "../articles/access";
import { articleHref } from "../articles/types";

/** RSS readers expect the latest items only; 50 is what the portal promises. */
export const FEED_SIZE = 50;

/** Feed descriptions are plain text: the summary, or the start of the body. */
const EXCERPT_CHARS = 200;

export interface FeedItem {
  id: number;
  title: string;
  /** Site path, e.g. "/news/12". */
  href: string;
  description: string;
  sectionName: string;
  /** ISO */
  publishedAt: string;
  /** ISO; the last time the public copy changed. */
  updatedAt: string;
}

export function excerpt(summary: string, bodyHtml: string): string {
  if (summary.trim()) return summary.trim();
  const text = htmlToText(bodyHtml);
  const chars = Array.from(text);
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join("")}…` : text;
}

/** The newest live articles of the given sections (all sections when null), newest first. */
export async function latestFeedItems(sectionIds: number[] | null, take = FEED_SIZE): Promise<FeedItem[]> {
  const rows = await db.article.findMany({
    where: { ...publicWhere(), ...(sectionIds ? { sectionId: { in: sectionIds } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      title: true,
      summary: true,
      bodyHtml: true,
      publishedAt: true,
      updatedAt: true,
      section: { select: { name: true, path: true } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    href: articleHref(a.section.path, a.id),
    description: excerpt(a.summary, a.bodyHtml),
    sectionName: a.section.name,
    publishedAt: (a.publishedAt ?? a.updatedAt).toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}
