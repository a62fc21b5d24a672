/**
 * THE permission table: role → allowed actions. Every server action, admin
 * route handler and admin page asks `can()` (through lib/auth/guard.ts);
 * proxy.ts only keeps anonymous visitors out of /admin as a convenience.
 */
export const ROLES = ["admin", "reviewer", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { admin: "管理员", reviewer: "审核员", editor: "编辑" };

export const ACTIONS = [
  "admin.access",
  "article.create",
  /** edit articles one created (editors) */
  "article.edit.own",
  /** edit anybody's article (reviewers, admins) */
  "article.edit.any",
  "article.submit",
  "article.review",
  "article.publish",
  "article.unpublish",
  "article.delete",
  /** 首页与置顶: set 头条/置顶/推荐 on an article and order them (a publishing decision: takes effect at once) */
  "article.place",
  "media.upload",
  "section.manage",
  "page.manage",
  "settings.manage",
  "user.manage",
  "audit.read",
  "suggestion.manage",
  "stats.read",
  /** 网站健康检查: read the results, run a check, purge a tampered cached page */
  "inspection.read",
  "inspection.run",
  /** accept all current public content as the tamper-detection baseline (re-sign) */
  "inspection.baseline",
  /** content policy word lists (博彩/赌博, 色情, 诈骗, 违规广告, 违规网址, 错误表述): read / edit, import */
  "words.read",
  "words.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const EDITOR: readonly Action[] = ["admin.access", "article.create", "article.edit.own", "article.submit", "media.upload"];
const REVIEWER: readonly Action[] = [
  ...EDITOR,
  "article.edit.any",
  "article.review",
  "article.publish",
  "article.unpublish",
  "article.place",
  "suggestion.manage",
  "stats.read",
  "inspection.read",
  "inspection.run",
  "words.read",
];

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  editor: EDITOR,
  reviewer: REVIEWER,
  admin: ACTIONS,
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | null | undefined, action: Action): boolean {
  return !!role && PERMISSIONS[role].includes(action);
}
