import { sanitizeRichText } from "../content/sanitize";
import { readDisclosure, type DisclosureFields } from "../disclosure/fields";
import type { ArticleInput } from "./schema";

/** What one revision stores: every field an editor edits. */
export interface ArticleSnapshot {
  title: string;
  sectionId: number;
  summary: string;
  /** 关键词, "a,b,c"; empty: the Keywords meta tag is extracted from title and summary. */
  keywords: string;
  bodyHtml: string;
  source: string;
  author: string;
  /** ISO; the 发布日期 shown to visitors. Null: the moment it is published. */
  publishedAt: string | null;
  coverId: number | null;
  attachments: { mediaId: number; title: string }[];
  /** 政府信息公开 fields; null outside 信息公开 sections (and in revisions saved before they existed). */
  disclosure: DisclosureFields | null;
}

export function snapshotFromInput(input: ArticleInput): ArticleSnapshot {
  return {
    title: input.title,
    sectionId: input.sectionId,
    summary: input.summary,
    keywords: input.keywords,
    bodyHtml: sanitizeRichText(input.bodyHtml),
    source: input.source,
    author: input.author,
    publishedAt: input.publishedAt ? input.publishedAt.toISOString() : null,
    coverId: input.coverId,
    attachments: input.attachments,
    disclosure: input.disclosure ?? null,
  };
}

export function parseSnapshot(json: string): ArticleSnapshot {
  const s = JSON.parse(json) as ArticleSnapshot;
  // Revisions saved before 关键词 existed have none.
  return { ...s, keywords: s.keywords ?? "", disclosure: readDisclosure(s.disclosure) };
}
