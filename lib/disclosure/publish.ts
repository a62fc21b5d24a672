import type { Prisma } from "../generated/prisma/client";
import { DISCLOSURE_KIND, EMPTY_DISCLOSURE, type DisclosureFields, type DisclosureView } from "./fields";
import { allocateIndexNumber } from "./index-number";

type Tx = Prisma.TransactionClient;

/**
 * Writes the public copy of the 信息公开 fields as an article is published
 * (inside the publishing transaction). An article in a 信息公开 section gets
 * its 索引号 on the first publish; a later publish updates the fields and
 * keeps the number. Moved out of such a section, the row (and its number)
 * stays, unshown, in case it moves back.
 */
export async function publishDisclosure(tx: Tx, articleId: number, fields: DisclosureFields | null, sectionId: number, at: Date): Promise<void> {
  const section = await tx.section.findUnique({ where: { id: sectionId }, select: { kind: true } });
  const existing = await tx.articleDisclosure.findUnique({ where: { articleId }, select: { articleId: true } });
  if (section?.kind !== DISCLOSURE_KIND && !fields) return;
  if (existing) {
    if (fields) await tx.articleDisclosure.update({ where: { articleId }, data: fields });
    return;
  }
  const indexNumber = await allocateIndexNumber(tx, at);
  await tx.articleDisclosure.create({ data: { articleId, indexNumber, ...(fields ?? EMPTY_DISCLOSURE) } });
}

/** The row's shape as the public page shows it. */
export const disclosureSelect = {
  indexNumber: true,
  issuer: true,
  docNumber: true,
  writtenOn: true,
  topic: true,
  validity: true,
  repealedOn: true,
} satisfies Prisma.ArticleDisclosureSelect;

export function toDisclosureView(row: Prisma.ArticleDisclosureGetPayload<{ select: typeof disclosureSelect }>): DisclosureView {
  return { ...row, validity: row.validity as DisclosureView["validity"] };
}
