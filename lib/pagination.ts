/**
 * The one page arithmetic of every list (articles, admin lists, search, feedback, audit):
 * at least one page; a page number below 1, not a number, or past the end (a stale link
 * after items went away) shows the nearest real page, never an empty list.
 */
export interface PageSlice {
  page: number;
  pageCount: number;
  skip: number;
  take: number;
}

export function pageSlice(requested: number, total: number, pageSize: number): PageSlice {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount);
  return { page, pageCount, skip: (page - 1) * pageSize, take: pageSize };
}
