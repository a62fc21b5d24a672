import { db } from "../db";
import { audit } from "../audit/log";
import type { Actor } from "../auth/session";
import { z } from "../validation/zod";
import { getSiteSettings } from "./queries";
import { DEFAULT_INDEX_PATTERN, indexPatternSchema } from "../disclosure/index-number";
import { fingerprintSettings } from "../integrity/fingerprint/store";
import { checkAndAssert } from "../integrity/policy/enforce";
import { wordingWarnings } from "../integrity/policy/check";
import { settingsPolicyInput } from "../integrity/policy/sources";

const text = (max: number) => z.string().trim().max(max).default("");

export const settingsSchema = z.object({
  siteName: z.string().trim().min(1, "请填写网站名称").max(60),
  siteDomain: text(100),
  owner: z.string().trim().min(1, "请填写版权所有单位").max(100),
  icpNumber: text(60),
  policeRecordNumber: text(60),
  policeRecordCode: z.string().trim().regex(/^\d*$/, "公安备案号代码只能是数字").max(30).default(""),
  siteIdCode: z.string().trim().regex(/^[0-9A-Za-z]*$/, "网站标识码只能是字母和数字").max(20).default(""),
  contactEmail: z.union([z.literal(""), z.string().trim().email("请输入有效的邮箱地址")]).default(""),
  address: text(200),
  postcode: z.string().trim().regex(/^(\d{6})?$/, "邮编为6位数字").default(""),
  phone: text(60),
  techSupport: text(100),
  feedbackOverdueDays: z.coerce
    .number({ error: "请填写1到60之间的整数" })
    .int("请填写整数")
    .min(1, "至少为1个工作日")
    .max(60, "最多为60个工作日")
    .default(5),
  indexNumberPattern: indexPatternSchema.prefault(DEFAULT_INDEX_PATTERN),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

/** Refused when a field (the footer's 版权所有 above all) carries a blocking word; returns 错误表述 warnings. */
export async function updateSettings(input: SettingsInput, actor: Actor): Promise<{ warnings: string[] }> {
  const report = await checkAndAssert(settingsPolicyInput(input), "保存");
  const before = await getSiteSettings();
  await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
  await fingerprintSettings();
  const changed = (Object.keys(input) as (keyof SettingsInput)[]).filter((k) => before[k] !== input[k]);
  await audit(actor, { action: "settings.update", targetType: "settings", targetId: 1, summary: changed.length ? `修改：${changed.join("、")}` : "无变化" });
  return { warnings: wordingWarnings(report) };
}
