import { db } from "@/lib/db";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { z } from "@/lib/validation/zod";
import { refusalMessage, wordingWarnings } from "./check";
import { loadPolicyContext, runPolicy } from "./enforce";
import { articlePolicyInput, pagePolicyInput } from "./sources";

/**
 * The check the editors' forms run after saving (and when publishing is
 * refused): what the content policy finds in the fields as they are on
 * screen, for highlighting. Lenient input: a half-written article is checked
 * as it is.
 */
const text = z.string().max(2_000_000).default("");
export const contentCheckSchema = z.object({
  kind: z.enum(["article", "page"]).default("article"),
  title: text,
  summary: text,
  keywords: text,
  bodyHtml: text,
  source: text,
  author: text,
  coverId: z.number().int().positive().nullable().default(null),
  attachments: z.array(z.object({ mediaId: z.number().int().positive(), title: z.string().max(200).default("") })).max(50).default([]),
});
export type ContentCheckInput = z.infer<typeof contentCheckSchema>;

/** Plain, serialisable shape for the client. */
export type ContentCheckHit = {
  where: string;
  field: string | null;
  /** the characters as typed, for highlighting in the editor */
  matched: string;
  word: string;
  categoryLabel: string;
  blocking: boolean;
  suggestion: string | null;
  excerpt: string;
};
export type ContentCheckResult = { hits: ContentCheckHit[]; refusal: string | null; warnings: string[] };

export async function checkContent(input: ContentCheckInput): Promise<ContentCheckResult> {
  const ctx = await loadPolicyContext();
  const bodyHtml = sanitizeRichText(input.bodyHtml);
  let policyInput;
  if (input.kind === "page") policyInput = pagePolicyInput({ title: input.title, bodyHtml });
  else {
    const ids = [...input.attachments.map((a) => a.mediaId), ...(input.coverId ? [input.coverId] : [])];
    const media = ids.length ? await db.media.findMany({ where: { id: { in: ids } }, select: { id: true, originalName: true, alt: true, caption: true } }) : [];
    policyInput = articlePolicyInput({ ...input, bodyHtml }, media);
  }
  const report = runPolicy(policyInput, ctx);
  const hits: ContentCheckHit[] = [
    ...report.words.map((w) => ({
      where: w.where,
      field: w.field ?? null,
      matched: w.matched,
      word: w.word,
      categoryLabel: w.categoryLabel,
      blocking: w.blocking,
      suggestion: w.suggestion,
      excerpt: w.excerpt,
    })),
    ...report.links.map((l) => ({
      where: l.where,
      field: l.field ?? null,
      matched: l.text,
      word: l.host,
      categoryLabel: "违规链接",
      blocking: true,
      suggestion: null,
      excerpt: l.reason,
    })),
  ];
  return { hits, refusal: refusalMessage(report, "发布"), warnings: wordingWarnings(report) };
}
