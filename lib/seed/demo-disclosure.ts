import { addDays, beijingDay } from "../format/date";
import type { DisclosureFields, Topic } from "../disclosure/fields";
import type { DemoArticle } from "./demo-articles";

/**
 * Plausible 政府信息公开 fields for the demo's 通知公告 and 政策法规 items
 * (both 信息公开 sections). 发文机关 follows each item's source; 文号 uses
 * the issuer's usual 机关代字 and the year of the (shifted) 成文日期, which
 * is a few days before publication. One provincial notice is shown as 废止.
 */

const ISSUERS: Record<string, { issuer: string; prefix: string }> = {
  国家税务总局: { issuer: "国家税务总局", prefix: "税总发" },
  安徽省地方税务局: { issuer: "安徽省地方税务局", prefix: "皖地税发" },
};
const LOCAL = { issuer: "安庆市地方税务局", prefix: "安地税发" };
/** Office notices (holidays, system upgrades) carry the 办公室 代字. */
const OFFICE_SOURCES = new Set(["办公室", "征管科"]);

const TOPIC_BY_TITLE: [RegExp, Topic][] = [
  [/办税服务厅|放假|暂停/, "综合政务"],
  [/监督员/, "劳动、人事、监察"],
  [/房产税|城镇土地使用税/, "城乡建设、环境保护"],
];

export const REPEALED_DEMO_TITLE = "安徽省地方税务局关于进一步加强房产税和城镇土地使用税征收管理的通知";

export function demoDisclosure(a: DemoArticle, publishedAt: Date, serial: number, today = new Date()): DisclosureFields {
  const who = ISSUERS[a.source] ?? LOCAL;
  const published = beijingDay(publishedAt);
  const writtenOn = addDays(published, -3);
  const prefix = OFFICE_SOURCES.has(a.source) ? "安地税办" : who.prefix;
  const repealed = a.title === REPEALED_DEMO_TITLE;
  const repealedOn = [addDays(published, 60), beijingDay(today)].sort()[0];
  return {
    issuer: who.issuer,
    docNumber: `${prefix}〔${writtenOn.slice(0, 4)}〕${serial + 11}号`,
    writtenOn,
    topic: TOPIC_BY_TITLE.find(([re]) => re.test(a.title))?.[1] ?? "税务",
    validity: repealed ? "repealed" : "valid",
    repealedOn: repealed ? repealedOn : "",
  };
}
