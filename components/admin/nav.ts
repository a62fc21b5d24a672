import type { Action } from "@/lib/auth/permissions";

/** Admin menu; each entry is shown only to roles that may use it (the pages check again). */
export const ADMIN_NAV: { href: string; label: string; permission: Action }[] = [
  { href: "/admin", label: "工作台", permission: "admin.access" },
  { href: "/admin/articles", label: "文章管理", permission: "admin.access" },
  { href: "/admin/articles/new", label: "写文章", permission: "article.create" },
  { href: "/admin/home-layout", label: "首页编排", permission: "article.place" },
  { href: "/admin/stats", label: "访问统计", permission: "stats.read" },
  { href: "/admin/feedback", label: "留言管理", permission: "suggestion.manage" },
  { href: "/admin/inspection", label: "网站健康检查", permission: "inspection.read" },
  { href: "/admin/words", label: "敏感词库", permission: "words.read" },
  { href: "/admin/sections", label: "栏目管理", permission: "section.manage" },
  { href: "/admin/pages", label: "单页管理", permission: "page.manage" },
  { href: "/admin/settings", label: "网站设置", permission: "settings.manage" },
  { href: "/admin/users", label: "用户管理", permission: "user.manage" },
  { href: "/admin/audit", label: "操作日志", permission: "audit.read" },
];
