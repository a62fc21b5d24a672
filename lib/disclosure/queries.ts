import { db } from "../db";
import { publicWhere } from "../articles/access";
import { PAGE_SIZE } from "../articles/queries";
import { articleHref, type ArticleListItem, type Paged } from "../articles/types";
import { pageSlice } from "../pagination";
import type { Validity } from "./fields";

/** A row of a 信息公开 section's catalogue table. */
export interface DisclosureListItem extends ArticleListItem {
  indexNumber: string;
  docNumber: string;
  writtenOn: string;
  validity: Validity;
}

export const isDisclosureItem = (a: ArticleListItem): a is DisclosureListItem => "indexNumber" in a;

/** Newest first, like every section list; the same public rows as lib/articles/queries.ts pageOfSections. */
export async function pageOfDisclosure(sectionIds: number[], page: number): Promise<Paged<DisclosureListItem>> {
  const where = { ...publicWhere(), sectionId: { in: sectionIds } };
  const total = await db.article.count({ where });
  const slice = pageSlice(page, total, PAGE_SIZE);
  const rows = await db.article.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: slice.skip,
    take: slice.take,
    select: {
      id: true,
      title: true,
      summary: true,
      publishedAt: true,
      sectionId: true,
      section: { select: { name: true, path: true } },
      disclosure: { select: { indexNumber: true, docNumber: true, writtenOn: true, validity: true } },
    },
  });
  const items = rows.map((a) => ({
    id: a.id,
    title: a.title,
    href: articleHref(a.section.path, a.id),
    publishedAt: (a.publishedAt ?? new Date(0)).toISOString(),
    sectionId: a.sectionId,
    sectionName: a.section.name,
    summary: a.summary,
    coverUrl: null,
    coverAlt: "",
    indexNumber: a.disclosure?.indexNumber ?? "",
    docNumber: a.disclosure?.docNumber ?? "",
    writtenOn: a.disclosure?.writtenOn ?? "",
    validity: (a.disclosure?.validity ?? "valid") as Validity,
  }));
  return { items, page: slice.page, pageCount: slice.pageCount, total };
}
