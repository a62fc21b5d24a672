import { beijingParts } from "../format/date";
import type { Prisma } from "../generated/prisma/client";
import { z } from "../validation/zod";

/**
 * 索引号: generated from the site's pattern on an article's first publish,
 * unique, never changed afterwards. Tokens: <网站标识码>, <年>, <月>,
 * <序号> (the publish year's sequence, 5 digits). The sequence is a
 * SiteCounter row per year, incremented inside the publishing transaction:
 * the row lock serialises concurrent publishers on PostgreSQL, a rolled-back
 * publish gives its number back.
 */

export const DEFAULT_INDEX_PATTERN = "<网站标识码>/<年>-<序号>";
export const INDEX_TOKENS = ["<网站标识码>", "<年>", "<月>", "<序号>"] as const;
const SEQUENCE_DIGITS = 5;

export const indexPatternSchema = z
  .string()
  .trim()
  .min(1, "请填写索引号规则")
  .max(60, "索引号规则不能超过60个字")
  .refine((p) => p.includes("<年>") && p.includes("<序号>"), "索引号规则必须包含 <年> 和 <序号>（序号按年编排）")
  .refine((p) => (p.match(/<[^>]*>/g) ?? []).every((t) => (INDEX_TOKENS as readonly string[]).includes(t)), `只能使用 ${INDEX_TOKENS.join("、")}`)
  .refine((p) => /^[\w\-/.<>\u4e00-\u9fff]*$/.test(p.replace(/<[^>]*>/g, "")), "索引号规则只能含字母、数字、汉字和 - / . _");

export function formatIndexNumber(pattern: string, values: { siteIdCode: string; year: number; month: number; sequence: number }): string {
  return pattern
    .replaceAll("<网站标识码>", values.siteIdCode)
    .replaceAll("<年>", String(values.year))
    .replaceAll("<月>", String(values.month).padStart(2, "0"))
    .replaceAll("<序号>", String(values.sequence).padStart(SEQUENCE_DIGITS, "0"));
}

export const sequenceKey = (year: number) => `disclosure-index:${year}`;

/** The next 索引号 for an article published at `at` (Beijing year and month). */
export async function allocateIndexNumber(tx: Prisma.TransactionClient, at: Date): Promise<string> {
  const { y, m } = beijingParts(at);
  const settings = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { siteIdCode: true, indexNumberPattern: true } });
  const counter = await tx.siteCounter.upsert({
    where: { key: sequenceKey(y) },
    create: { key: sequenceKey(y), value: 1 },
    update: { value: { increment: 1 } },
  });
  const pattern = settings?.indexNumberPattern || DEFAULT_INDEX_PATTERN;
  return formatIndexNumber(pattern, { siteIdCode: settings?.siteIdCode ?? "", year: y, month: m, sequence: counter.value });
}
