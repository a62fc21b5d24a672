import { z } from "../validation/zod";
import { CATEGORY_KEYS } from "./categories";
import { FEEDBACK_LIMITS as L, FEEDBACK_MESSAGES as M } from "./limits";

/** Mainland mobile: 11 digits starting 13–19, with an optional +86 / 86 prefix. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
/** Landline with area code: 0556-5551234, 010-12345678, optional extension -123. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** Phone numbers are accepted with spaces or dashes between groups, as people write them. */
export function isValidContact(raw: string): boolean {
  const v = raw.trim();
  if (v.includes("@")) return z.email().safeParse(v).success;
  const phone = v.replace(/[\s()（）]/g, "");
  if (MOBILE.test(phone.replace(/-/g, ""))) return true;
  return LANDLINE.test(phone);
}

/**
 * One match per link: a whole http(s)/www URL, or a bare domain with a
 * common TLD (spam often drops the scheme). Not the domain of an e-mail
 * address. (linkify-it would be the library for this; it is not installed.)
 */
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"'，。、；：！？）)】]+|(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:com|net|org|cn|top|xyz|info|cc|vip|io|me|biz|club|site|online)\b(?![@.\w-])/gi;

export function countLinks(text: string): number {
  return text.match(URL_PATTERN)?.length ?? 0;
}

/** Counted in characters as people see them (一个汉字 = 1), not UTF-16 units. */
const chars = (s: string) => [...s].length;

export const submissionSchema = z.object({
  category: z.enum(CATEGORY_KEYS, { error: M.categoryInvalid }),
  subject: z
    .string()
    .trim()
    .min(1, M.subjectRequired)
    .refine((s) => chars(s) <= L.subjectMax, M.subjectTooLong),
  content: z
    .string()
    .trim()
    .refine((s) => chars(s) >= L.contentMin, M.contentTooShort)
    .refine((s) => chars(s) <= L.contentMax, M.contentTooLong)
    .refine((s) => countLinks(s) <= L.maxLinks, M.tooManyLinks),
  name: z
    .string()
    .trim()
    .refine((s) => chars(s) <= L.nameMax, M.nameTooLong)
    .default(""),
  contact: z
    .string()
    .trim()
    .min(1, M.contactRequired)
    .max(L.contactMax, M.contactInvalid)
    .refine(isValidContact, M.contactInvalid),
});
export type SubmissionInput = z.infer<typeof submissionSchema>;

/** The form's text fields, as typed: sent back on every refusal so nothing is lost. */
export const FORM_FIELDS = ["category", "subject", "content", "name", "contact"] as const;
export type FormValues = Record<(typeof FORM_FIELDS)[number], string>;

export const FIELD_LABELS: FormValues = { category: "留言类别", subject: "主题", content: "留言内容", name: "姓名", contact: "联系方式" };
