import { ROLE_LABELS } from "../auth/permissions";
import { formatDateTime } from "../format/date";

/** The site settings' field names as the 网站设置 form labels them. */
export const SETTINGS_FIELD_LABELS: Record<string, string> = {
  siteName: "网站名称",
  siteDomain: "网站域名",
  owner: "版权所有单位",
  techSupport: "技术支持",
  icpNumber: "ICP备案号",
  policeRecordNumber: "公安备案号",
  policeRecordCode: "公安备案号代码",
  siteIdCode: "网站标识码",
  contactEmail: "联系信箱",
  phone: "联系电话",
  address: "地址",
  postcode: "邮编",
  feedbackOverdueDays: "留言答复时限",
};

const PHRASES: [RegExp, string][] = [
  [/^rate limited$/, "尝试次数过多，已暂时禁止登录"],
  [/^throttled$/, "失败次数过多，登录已放慢"],
  [/\s*\(same file as before, reused\)$/, "（与此前上传的文件相同，已复用）"],
];

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/g;
const roleLabel = (r: string) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r;

/**
 * An audit entry's 详情 in Chinese. Entries are stored as they were written,
 * including those written before every summary was Chinese (English phrases,
 * settings field names, role codes, UTC ISO times), so the log is made
 * readable when shown rather than by rewriting history.
 */
export function readableSummary(action: string, summary: string): string {
  let s = summary;
  for (const [re, zh] of PHRASES) s = s.replace(re, zh);
  if (action === "settings.update") {
    s = s.replace(/^修改：(.*)$/, (_, list: string) => `修改：${list.split("、").map((k) => SETTINGS_FIELD_LABELS[k] ?? k).join("、")}`);
  }
  if (action === "user.create" || action === "user.update") {
    s = s.replace(/（(admin|reviewer|editor)）/g, (_, r: string) => `（${roleLabel(r)}）`);
    s = s.replace(/角色 (admin|reviewer|editor)→(admin|reviewer|editor)/g, (_, a: string, b: string) => `角色 ${roleLabel(a)}→${roleLabel(b)}`);
  }
  s = s.replace(/ @ (?=\d{4}-)/, "，定时于 ");
  return s.replace(ISO, (iso) => `${formatDateTime(iso)}（北京时间）`);
}
