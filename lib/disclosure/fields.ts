import { beijingDayStart } from "../format/date";
import { z } from "../validation/zod";

/**
 * The 政府信息公开 fields of an article in a 信息公开 section (Section.kind
 * "disclosure"): what the editor types, how it is checked and normalised,
 * and the labels every page shows. Client-safe (the editor imports it).
 */

export const DISCLOSURE_KIND = "disclosure";

/** 主题分类: the common subject classes of government information catalogues (gov.cn 政策文件库 style). */
export const TOPICS = [
  "综合政务",
  "国民经济管理、国有资产监管",
  "财政、金融、审计",
  "税务",
  "国土资源、能源",
  "农业、林业、水利",
  "工业、交通",
  "商贸、海关、旅游",
  "市场监管、安全生产监管",
  "城乡建设、环境保护",
  "科技、教育",
  "文化、广电、新闻出版",
  "卫生、体育",
  "劳动、人事、监察",
  "公安、安全、司法",
  "民政、扶贫、救灾",
  "民族、宗教",
  "对外事务",
  "其他",
] as const;
export type Topic = (typeof TOPICS)[number];

export const VALIDITIES = ["valid", "repealed", "expired"] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = { valid: "有效", repealed: "废止", expired: "失效" };

/** The editable fields, as a revision snapshot stores them (dates are Beijing calendar days "YYYY-MM-DD"). */
export interface DisclosureFields {
  issuer: string;
  docNumber: string;
  writtenOn: string;
  topic: string;
  validity: Validity;
  repealedOn: string;
}

export const EMPTY_DISCLOSURE: DisclosureFields = { issuer: "", docNumber: "", writtenOn: "", topic: "", validity: "valid", repealedOn: "" };

/**
 * 文号 as published: the year always in 〔〕 (editors type 【】, [], ［］, 〖〗 or （） around it),
 * no spaces, full-width digits made half-width. "安地税发[2017]12号" → "安地税发〔2017〕12号".
 */
export function normalizeDocNumber(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .replace(/[【\[［〖(（]((?:19|20)\d{2})[】\]］〗)）]/g, "〔$1〕");
}

/**
 * 机关代字〔年份〕序号号 (安地税发〔2017〕12号), or the 公告 form 机关公告2018年第31号.
 * Checked after normalizeDocNumber.
 */
const DOC_NUMBER = /^[\u4e00-\u9fffA-Za-z]{1,30}(?:〔(?:19|20)\d{2}〕第?\d{1,5}号|(?:19|20)\d{2}年第\d{1,5}号)$/;

export const docNumberSchema = z
  .string()
  .trim()
  .max(60, "文号不能超过60个字")
  .transform(normalizeDocNumber)
  .refine((v) => v === "" || DOC_NUMBER.test(v), "文号格式应为“机关代字〔年份〕序号号”，如 安地税发〔2017〕12号");

const day = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || beijingDayStart(v) !== null, `请填写有效的${label}（年-月-日）`);

export const disclosureInputSchema = z
  .object({
    issuer: z.string().trim().min(1, "请填写发文机关").max(100, "发文机关不能超过100个字"),
    docNumber: docNumberSchema.prefault(""),
    writtenOn: day("成文日期").prefault(""),
    topic: z.enum(TOPICS, { message: "请选择主题分类" }),
    validity: z.enum(VALIDITIES, { message: "请选择有效性" }).default("valid"),
    repealedOn: day("废止日期").prefault(""),
  })
  .superRefine((d, ctx) => {
    if (d.validity === "repealed" && !d.repealedOn) ctx.addIssue({ code: "custom", path: ["repealedOn"], message: "废止的文件请填写废止日期" });
    if (d.validity === "valid" && d.repealedOn) ctx.addIssue({ code: "custom", path: ["repealedOn"], message: "有效的文件不应填写废止日期" });
    if (d.writtenOn && d.repealedOn && d.repealedOn < d.writtenOn) ctx.addIssue({ code: "custom", path: ["repealedOn"], message: "废止日期不能早于成文日期" });
  });

/** Reads a stored snapshot's disclosure part (older snapshots have none). */
export function readDisclosure(value: unknown): DisclosureFields | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<DisclosureFields>;
  return {
    issuer: v.issuer ?? "",
    docNumber: v.docNumber ?? "",
    writtenOn: v.writtenOn ?? "",
    topic: v.topic ?? "",
    validity: (VALIDITIES as readonly string[]).includes(v.validity ?? "") ? (v.validity as Validity) : "valid",
    repealedOn: v.repealedOn ?? "",
  };
}

/** What the public page's 信息公开 table shows. */
export interface DisclosureView extends DisclosureFields {
  /** Null before the first publish (a preview shows “发布时生成”). */
  indexNumber: string | null;
}

/** The checked fieldset as the editor's save action receives it. */
export type DisclosureInput = z.output<typeof disclosureInputSchema>;
