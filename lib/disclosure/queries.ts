import { db } from "../db";
import { pageOfSections } from "../articles/queries";
import type { ArticleListItem, Paged } from "../articles/types";
import type { Validity } from "./fields";

/** A row of a 信息公开 section's catalogue table. */
export interface DisclosureListItem extends ArticleListItem {
  indexNumber: string;
  docNumber: string;
  writtenOn: string;
  validity: Validity;
}

export const isDisclosureItem = (a: ArticleListItem): a is DisclosureListItem => "indexNumber" in a;

/**
 * The section list's own page (置顶 first, then newest; lib/articles/queries.ts
 * pageOfSections) with each row's 信息公开 fields added for the catalogue table.
 */
export async function pageOfDisclosure(sectionIds: number[], page: number): Promise<Paged<DisclosureListItem>> {
  const listed = await pageOfSections(sectionIds, page);
  const fields = await db.articleDisclosure.findMany({
    where: { articleId: { in: listed.items.map((a) => a.id) } },
    select: { articleId: true, indexNumber: true, docNumber: true, writtenOn: true, validity: true },
  });
  const byId = new Map(fields.map((f) => [f.articleId, f]));
  const items = listed.items.map((a) => {
    const d = byId.get(a.id);
    return {
      ...a,
      indexNumber: d?.indexNumber ?? "",
      docNumber: d?.docNumber ?? "",
      writtenOn: d?.writtenOn ?? "",
      validity: (d?.validity ?? "valid") as Validity,
    };
  });
  return { ...listed, items };
}
