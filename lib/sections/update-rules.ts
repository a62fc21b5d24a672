/**
 * 栏目更新 rules of the inspection standard: how long a section may go
 * without a new item. `auto` reads the section's name and kind; an admin may
 * pick a rule and override its limit per section (栏目管理).
 */
export const UPDATE_RULES = ["auto", "news", "notice", "yearly", "exempt"] as const;
export type UpdateRule = (typeof UPDATE_RULES)[number];

export const UPDATE_RULE_LABELS: Record<UpdateRule, string> = {
  auto: "自动（按栏目名称和类型判断）",
  news: "动态、要闻类：2周内更新",
  notice: "通知公告、政策文件类：6个月内更新",
  yearly: "其他栏目：1年内更新",
  exempt: "不检查更新",
};

const RULE_DAYS: Record<"news" | "notice" | "yearly", number> = { news: 14, notice: 183, yearly: 365 };

export interface SectionRuleInput {
  name: string;
  kind: string;
  updateRule: string;
  staleDays: number | null;
  closed: boolean;
}

export interface ResolvedRule {
  rule: UpdateRule;
  /** null: exempt */
  limitDays: number | null;
  label: string;
}

function guess(s: SectionRuleInput): "news" | "notice" | "yearly" {
  if (/动态|要闻|新闻|资讯|快讯/.test(s.name)) return "news";
  if (s.kind === "disclosure" || /通知|公告|公示|政策|法规|文件|规范性/.test(s.name)) return "notice";
  return "yearly";
}

export function resolveUpdateRule(s: SectionRuleInput): ResolvedRule {
  // A 专题 that has ended is exempt whatever its rule (the standard's own exception).
  if (s.closed) return { rule: "exempt", limitDays: null, label: "专题已结束，不检查更新" };
  const picked = (UPDATE_RULES as readonly string[]).includes(s.updateRule) ? (s.updateRule as UpdateRule) : "auto";
  if (picked === "exempt") return { rule: "exempt", limitDays: null, label: UPDATE_RULE_LABELS.exempt };
  const rule = picked === "auto" ? guess(s) : picked;
  const limitDays = s.staleDays ?? RULE_DAYS[rule];
  return { rule, limitDays, label: s.staleDays ? `${limitDays}天内更新（栏目单独设置）` : UPDATE_RULE_LABELS[rule] };
}
