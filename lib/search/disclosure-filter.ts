import { db } from "../db";
import { publicWhere } from "../articles/access";
import { htmlToText } from "../content/sanitize";
import { normalizeDocNumber } from "../disclosure/fields";
import type { Prisma } from "../generated/prisma/client";
import { pageSlice } from "../pagination";
import type { QueryTerm } from "./tokenize";

/**
 * 信息公开检索: the search page's 发文机关 and 文号 filters. They are fields of
 * the 政府信息公开 catalogue, not words of the text, so they are matched on
 * the ArticleDisclosure rows (发文机关 exactly, 文号 as a part, after the same
 * bracket normalisation as the editor's) — newest first, with the query's
 * terms, when given, each required in the title, body, 文号 or 发文机关.
 * Few rows carry these fields, so plain indexed queries are enough here.
 */
export interface DisclosureFilter {
  issuer: string | null;
  docNumber: string | null;
  sectionIds: number[] | null;
  from: Date | null;
  to: Date | null;
}

export interface DisclosureHitRow {
  id: number;
  title: string;
  body: string;
  sectionId: number;
  publishedAt: string | null;
}

export function disclosureWhere(f: DisclosureFilter, terms: QueryTerm[]): Prisma.ArticleWhereInput {
  const docNumber = f.docNumber ? normalizeDocNumber(f.docNumber) : null;
  return {
    AND: [
      publicWhere(),
      f.sectionIds ? { sectionId: { in: f.sectionIds } } : {},
      f.from ? { publishedAt: { gte: f.from } } : {},
      f.to ? { publishedAt: { lt: f.to } } : {},
      { disclosure: { is: { ...(f.issuer ? { issuer: f.issuer } : {}), ...(docNumber ? { docNumber: { contains: docNumber } } : {}) } } },
      ...terms.map((t) => ({
        OR: [
          { title: { contains: t.text } },
          { bodyHtml: { contains: t.text } },
          { disclosure: { is: { docNumber: { contains: t.text } } } },
          { disclosure: { is: { issuer: { contains: t.text } } } },
        ],
      })),
    ],
  };
}

export async function searchDisclosure(f: DisclosureFilter, terms: QueryTerm[], page: number, pageSize: number) {
  const where = disclosureWhere(f, terms);
  const total = await db.article.count({ where });
  const slice = pageSlice(page, total, pageSize);
  const rows = await db.article.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: slice.skip,
    take: slice.take,
    select: { id: true, title: true, bodyHtml: true, sectionId: true, publishedAt: true },
  });
  const hits: DisclosureHitRow[] = rows.map((a) => ({ id: a.id, title: a.title, body: htmlToText(a.bodyHtml), sectionId: a.sectionId, publishedAt: a.publishedAt?.toISOString() ?? null }));
  return { hits, total, page: slice.page, pageCount: slice.pageCount };
}

/** 发文机关 of the documents visitors can see, for the filter's choices. */
export async function publicIssuers(): Promise<string[]> {
  const rows = await db.articleDisclosure.findMany({
    where: { issuer: { not: "" }, article: publicWhere() },
    distinct: ["issuer"],
    orderBy: { issuer: "asc" },
    select: { issuer: true },
  });
  return rows.map((r) => r.issuer);
}
