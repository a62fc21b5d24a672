import type { ArticleSnapshot } from "@/lib/articles/snapshot";
import type { SiteSettingsDto } from "@/lib/settings/queries";
import { htmlPolicyInput, mergeInputs, textFields, type PolicyInput } from "./fields";

/**
 * Where each kind of content shows the text the policy checks, named as the
 * editor knows it. Kept in one place so the publish paths and the admin's
 * "check now" feature describe locations the same way.
 */

export type MediaText = { id: number; originalName: string; alt: string; caption: string };

export function articlePolicyInput(s: Omit<ArticleSnapshot, "publishedAt" | "sectionId" | "disclosure"> & { disclosure?: ArticleSnapshot["disclosure"] }, media: readonly MediaText[] = []): PolicyInput {
  const byId = new Map(media.map((m) => [m.id, m]));
  const cover = s.coverId ? byId.get(s.coverId) : undefined;
  return mergeInputs(
    textFields([
      { where: "标题", text: s.title, field: "title" },
      { where: "摘要", text: s.summary, field: "summary" },
      { where: "关键词", text: s.keywords, field: "keywords" },
      { where: "来源", text: s.source, field: "source" },
      { where: "作者", text: s.author, field: "author" },
      cover && { where: "封面图片的替代文字", text: cover.alt, field: "coverId" },
      cover && { where: "封面图片的说明", text: cover.caption, field: "coverId" },
      s.disclosure && { where: "信息公开 发文机关", text: s.disclosure.issuer, field: "disclosure.issuer" },
      s.disclosure && { where: "信息公开 文号", text: s.disclosure.docNumber, field: "disclosure.docNumber" },
    ]),
    htmlPolicyInput(s.bodyHtml, "正文", "bodyHtml"),
    textFields(
      s.attachments.flatMap((a, i) => {
        const file = byId.get(a.mediaId);
        return [
          { where: `第${i + 1}个附件的标题`, text: a.title, field: "attachments" },
          file && { where: `第${i + 1}个附件的文件名`, text: file.originalName, field: "attachments" },
        ];
      }),
    ),
  );
}

export function pagePolicyInput(p: { title: string; bodyHtml: string }): PolicyInput {
  return mergeInputs(textFields([{ where: "页面标题", text: p.title, field: "title" }]), htmlPolicyInput(p.bodyHtml, "页面正文", "bodyHtml"));
}

export function sectionPolicyInput(s: { name: string; description: string }): PolicyInput {
  return textFields([
    { where: "栏目名称", text: s.name, field: "name" },
    { where: "栏目说明", text: s.description, field: "description" },
  ]);
}

/** The settings as the footer and header label them (版权所有 is the line defacers like). */
export const SETTINGS_PLACES: Record<keyof Omit<SiteSettingsDto, "feedbackOverdueDays">, string> = {
  indexNumberPattern: "信息公开 索引号规则",
  siteName: "页头 网站名称",
  siteDomain: "网站域名",
  owner: "页脚 版权所有",
  icpNumber: "页脚 ICP备案号",
  policeRecordNumber: "页脚 公安备案号",
  policeRecordCode: "页脚 公安备案号代码",
  siteIdCode: "页脚 网站标识码",
  contactEmail: "页脚 联系邮箱",
  address: "页脚 地址",
  postcode: "页脚 邮编",
  phone: "页脚 电话",
  techSupport: "页脚 技术支持",
};

export function settingsPolicyInput(s: Partial<SiteSettingsDto>): PolicyInput {
  return textFields(
    (Object.keys(SETTINGS_PLACES) as (keyof typeof SETTINGS_PLACES)[]).map((k) => ({ where: SETTINGS_PLACES[k], text: String(s[k] ?? ""), field: k })),
  );
}

/** The reply; when it is published (留言选登) the message's subject shows beside it, so that too. */
export function feedbackReplyPolicyInput(reply: string, publicSubject?: string): PolicyInput {
  return textFields([
    { where: "答复内容", text: reply, field: "reply" },
    publicSubject !== undefined && { where: "留言标题（公开后显示在留言选登中）", text: publicSubject, field: "replyPublic" },
  ]);
}
