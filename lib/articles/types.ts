import type { DisclosureView } from "../disclosure/fields";

export type ArticleStatus = "draft" | "review" | "published" | "unpublished";

/** What lists show: dates are ISO strings so the DTO survives the data cache. */
export interface ArticleListItem {
  id: number;
  title: string;
  href: string;
  publishedAt: string;
  sectionId: number;
  sectionName: string;
  summary: string;
  coverUrl: string | null;
  coverAlt: string;
  /** The cover's size, for a reserved box (no layout shift). */
  coverWidth?: number | null;
  coverHeight?: number | null;
  /** 置顶: shown first in its section lists (lib/placement). */
  pinned?: boolean;
}

export interface AttachmentDto {
  title: string;
  url: string;
  mimeType: string;
  size: number;
}

export interface ArticleDetail extends ArticleListItem {
  sectionPath: string;
  bodyHtml: string;
  source: string;
  author: string;
  updatedAt: string;
  attachments: AttachmentDto[];
  /** 政府信息公开 header table; only for articles in a 信息公开 section. */
  disclosure: DisclosureView | null;
}

export interface Neighbours {
  previous: ArticleListItem | null;
  next: ArticleListItem | null;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export function articleHref(sectionPath: string, id: number): string {
  return `/${sectionPath}/${id}`;
}
