import type { SiteSettingsDto } from "../settings/queries";
import type { SectionKind } from "../sections/types";
import { DEFAULT_INDEX_PATTERN } from "../disclosure/index-number";

/** Identity of the demo site, modelled on the seed page's footer — minus the injected gambling name. */
export const demoSettings: SiteSettingsDto = {
  siteName: "安庆市地方税务局",
  siteDomain: "www.aqds.gov.cn",
  owner: "安庆市地方税务局",
  icpNumber: "皖ICP备09009541号",
  policeRecordNumber: "皖公网安备 34080302000053号",
  policeRecordCode: "34080302000053",
  siteIdCode: "3408000031",
  contactEmail: "aqdsj02@mail.hf.ah.cn",
  address: "安庆市孝肃路251号",
  postcode: "246000",
  phone: "0551-65301251",
  techSupport: "合肥深拓计算机系统集成有限公司",
  feedbackOverdueDays: 5,
  indexNumberPattern: DEFAULT_INDEX_PATTERN,
};

export interface DemoSection {
  path: string;
  name: string;
  kind: SectionKind;
  description?: string;
}

/** Parents before children; position follows this order among siblings. */
export const demoSections: DemoSection[] = [
  { path: "news", name: "工作动态", kind: "channel", description: "全市地税系统工作动态" },
  { path: "notices", name: "通知公告", kind: "disclosure", description: "办税提醒、通知与公示" },
  { path: "policies", name: "政策法规", kind: "disclosure", description: "税收政策文件及解读" },
  { path: "service", name: "纳税服务", kind: "channel", description: "办税指南与常见问题" },
  { path: "topics", name: "税收专题", kind: "topic", description: "重点工作专题" },
  { path: "topics/congress-19", name: "迅速掀起学习宣传贯彻落实十九大精神热潮", kind: "topic" },
  { path: "topics/publicity-month", name: "第26个全国税收宣传月", kind: "topic" },
  { path: "topics/reform", name: "深化国税地税征管体制改革", kind: "topic" },
];
