import { htmlToText } from "../content/sanitize";
import { parseBeijingDateTime } from "../format/date";
import { z } from "../validation/zod";
import { disclosureInputSchema } from "../disclosure/fields";
import { MAX_ARTICLE_KEYWORDS, MAX_KEYWORD_CHARS, splitKeywords } from "./keywords";

/** "2017-11-20T08:30" (seconds optional) typed in a datetime-local field, read as Beijing time. */
export const beijingDateTime = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const d = parseBeijingDateTime(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "请输入有效的日期和时间" });
      return z.NEVER;
    }
    return d;
  });

const imagesWithoutAlt = (html: string) => (html.match(/<img\b[^>]*>/gi) ?? []).filter((tag) => !/\balt\s*=\s*"[^"]*\S[^"]*"/i.test(tag)).length;

export const articleInputSchema = z.object({
  title: z.string().trim().min(1, "请填写标题").max(200, "标题不能超过200个字"),
  sectionId: z.coerce.number({ message: "请选择栏目" }).int().positive("请选择栏目"),
  summary: z.string().trim().max(500, "摘要不能超过500个字").default(""),
  // Stored as "a,b,c" whatever separators were typed; empty means extracted for the Keywords meta tag.
  keywords: z
    .string()
    .max(300, "关键词过长")
    .default("")
    .refine((v) => splitKeywords(v).length <= MAX_ARTICLE_KEYWORDS, `关键词最多${MAX_ARTICLE_KEYWORDS}个`)
    .refine((v) => splitKeywords(v).every((k) => Array.from(k).length <= MAX_KEYWORD_CHARS), `每个关键词不能超过${MAX_KEYWORD_CHARS}个字`)
    .transform((v) => splitKeywords(v).join(",")),
  bodyHtml: z
    .string()
    .max(2_000_000, "正文过长")
    .refine((html) => htmlToText(html).length > 0 || /<img\b/i.test(html), "请填写正文")
    .refine((html) => imagesWithoutAlt(html) === 0, "正文中的每张图片都必须填写替代文字（图片说明）"),
  source: z.string().trim().max(100, "来源不能超过100个字").default(""),
  author: z.string().trim().max(100, "作者不能超过100个字").default(""),
  publishedAt: beijingDateTime.prefault(""),
  coverId: z.number().int().positive().nullable().default(null),
  attachments: z
    .array(z.object({ mediaId: z.number().int().positive(), title: z.string().trim().max(200).default("") }))
    .max(20, "附件不能超过20个")
    .default([]),
  // Sent by the editor when the chosen section is a 信息公开 one.
  disclosure: disclosureInputSchema.nullable().optional(),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

export const articleIdSchema = z.object({ id: z.number().int().positive() });
export const saveArticleSchema = articleInputSchema.extend({ id: z.number().int().positive() });
export const reasonSchema = z.object({
  id: z.number().int().positive(),
  reason: z.string().trim().min(2, "请填写原因（至少2个字）").max(500),
});
export const publishSchema = z.object({ id: z.number().int().positive(), at: beijingDateTime.prefault("") });
/** 定时发布 from its dialog: a time is required, and it must still be ahead (else it would publish at once). */
export const scheduleSchema = z.object({
  id: z.number().int().positive(),
  at: beijingDateTime
    .prefault("")
    .refine((d) => d !== null, "请选择定时发布的时间")
    .refine((d) => d === null || d.getTime() > Date.now(), "定时发布的时间必须晚于现在（北京时间）"),
});
/** 提交审核 with an optional note for the reviewer (what changed, what to look at). */
export const submitSchema = z.object({
  id: z.number().int().positive(),
  note: z.string().trim().max(500, "提交说明不能超过500个字").default(""),
});
export const restoreSchema = z.object({ id: z.number().int().positive(), number: z.number().int().positive() });
