import { parse } from "node-html-parser";
import { db } from "../../db";
import { publicWhere } from "../../articles/access";
import { articleHref } from "../../articles/types";
import { formatDate } from "../../format/date";
import { isOverdue, workingDaysSince } from "../../feedback/working-days";
import { getSiteSettings } from "../../settings/queries";
import { sectionHref } from "../../sections/types";
import { resolveUpdateRule } from "../../sections/update-rules";
import type { Finding, ItemResult } from "./types";
import { result } from "./result";

/** Items read from the database alone: freshness, empty sections, alt text, dates and sources, overdue messages. */

const DAY_MS = 86_400_000;
const daysSince = (d: Date, now: Date) => Math.floor((now.getTime() - d.getTime()) / DAY_MS);
/** Within this share of its limit an item is 预警 (due soon), not yet 不合格. */
const WARN_SHARE = 0.8;

export const HOME_LIMIT_DAYS = 14;

interface SectionRow {
  id: number;
  name: string;
  path: string;
  kind: string;
  updateRule: string;
  staleDays: number | null;
  closed: boolean;
  showOnHome: boolean;
}

/** Newest visible date and count per section, rolled up the tree (a parent lists its sub-sections' items). */
async function sectionTotals(now: Date) {
  const sections: SectionRow[] = await db.section.findMany({
    select: { id: true, name: true, path: true, kind: true, updateRule: true, staleDays: true, closed: true, showOnHome: true },
    orderBy: [{ path: "asc" }],
  });
  const own = await db.article.groupBy({ by: ["sectionId"], where: publicWhere(now), _max: { publishedAt: true }, _count: { _all: true } });
  const byId = new Map(own.map((g) => [g.sectionId, g]));
  return sections.map((s) => {
    let newest: Date | null = null;
    let count = 0;
    for (const t of sections) {
      if (t.path !== s.path && !t.path.startsWith(s.path + "/")) continue;
      const g = byId.get(t.id);
      if (!g) continue;
      count += g._count._all;
      const d = g._max.publishedAt;
      if (d && (!newest || d > newest)) newest = d;
    }
    return { ...s, newest, count };
  });
}

export async function checkHomeFresh(now: Date): Promise<ItemResult> {
  const newest = await db.article.findFirst({
    where: { ...publicWhere(now), section: { showOnHome: true } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, publishedAt: true, section: { select: { path: true } } },
  });
  if (!newest?.publishedAt) {
    return result("homeFresh", [{ text: "首页没有任何已发布的信息", fixHref: "/admin/articles/new", severity: "fail" }], "首页没有信息");
  }
  const age = daysSince(newest.publishedAt, now);
  const line = `首页最新信息“${newest.title}”发布于 ${formatDate(newest.publishedAt)}（${age} 天前）`;
  const findings: Finding[] = [];
  if (age > HOME_LIMIT_DAYS) findings.push({ text: `${line}，超过 ${HOME_LIMIT_DAYS} 天未更新`, href: articleHref(newest.section.path, newest.id), fixHref: "/admin/articles/new", severity: "fail" });
  else if (age > HOME_LIMIT_DAYS * WARN_SHARE) findings.push({ text: `${line}，即将超过 ${HOME_LIMIT_DAYS} 天`, fixHref: "/admin/articles/new", severity: "warn" });
  return result("homeFresh", findings, line);
}

export async function checkSections(now: Date): Promise<{ fresh: ItemResult; empty: ItemResult }> {
  const totals = await sectionTotals(now);
  const stale: Finding[] = [];
  const empty: Finding[] = [];
  let checked = 0;
  for (const s of totals) {
    const fix = `/admin/sections/${s.id}`;
    if (s.count === 0) {
      empty.push({ text: `栏目“${s.name}”没有任何已发布的信息`, href: sectionHref(s.path), fixHref: "/admin/articles/new", severity: "fail" });
      continue;
    }
    const rule = resolveUpdateRule(s);
    if (rule.limitDays === null || !s.newest) continue;
    checked++;
    const age = daysSince(s.newest, now);
    const line = `栏目“${s.name}”最近更新于 ${formatDate(s.newest)}（${age} 天前），规则：${rule.label}`;
    if (age > rule.limitDays) stale.push({ text: line, href: sectionHref(s.path), fixHref: fix, severity: "fail" });
    else if (age > rule.limitDays * WARN_SHARE) stale.push({ text: `${line}，即将到期`, href: sectionHref(s.path), fixHref: fix, severity: "warn" });
  }
  return {
    fresh: result("sectionFresh", stale, `检查了 ${checked} 个栏目（已结束的专题和不检查的栏目除外）`),
    empty: result("emptySections", empty, `共 ${totals.length} 个栏目`),
  };
}

export async function checkImagesAndMeta(now: Date): Promise<{ alt: ItemResult; meta: ItemResult }> {
  const articles = await db.article.findMany({
    where: publicWhere(now),
    select: { id: true, title: true, bodyHtml: true, source: true, publishedAt: true, section: { select: { path: true } }, cover: { select: { alt: true } } },
    orderBy: { id: "asc" },
  });
  const pages = await db.page.findMany({ select: { id: true, slug: true, title: true, bodyHtml: true } });
  const alt: Finding[] = [];
  const meta: Finding[] = [];
  let images = 0;
  const missingAlt = (html: string) => {
    const imgs = parse(html).querySelectorAll("img");
    images += imgs.length;
    return imgs.filter((i) => !(i.getAttribute("alt") ?? "").trim()).length;
  };
  for (const a of articles) {
    const href = articleHref(a.section.path, a.id);
    const fixHref = `/admin/articles/${a.id}`;
    const n = missingAlt(a.bodyHtml) + (a.cover && !a.cover.alt.trim() ? 1 : 0);
    if (a.cover) images++;
    if (n) alt.push({ text: `文章“${a.title}”有 ${n} 张图片没有替代文本`, href, fixHref, severity: "warn" });
    const missing = [!a.publishedAt && "发布日期", !a.source.trim() && "来源"].filter(Boolean);
    if (missing.length) meta.push({ text: `文章“${a.title}”缺少${missing.join("和")}`, href, fixHref, severity: "warn" });
  }
  for (const p of pages) {
    const n = missingAlt(p.bodyHtml);
    if (n) alt.push({ text: `页面“${p.title}”有 ${n} 张图片没有替代文本`, href: `/pages/${p.slug}`, fixHref: `/admin/pages/${p.id}`, severity: "warn" });
  }
  return {
    alt: result("imageAlt", alt, `检查了 ${images} 张图片`),
    meta: result("articleMeta", meta, `检查了 ${articles.length} 篇已发布文章`),
  };
}

export async function checkFeedback(now: Date): Promise<ItemResult> {
  const { feedbackOverdueDays: limit } = await getSiteSettings();
  const waiting = await db.suggestion.findMany({ where: { status: "new" }, select: { id: true, subject: true, createdAt: true, status: true }, orderBy: { createdAt: "asc" } });
  const findings: Finding[] = waiting
    .filter((w) => isOverdue(w.status, w.createdAt, limit, now))
    .map((w) => ({
      text: `留言“${w.subject}”已等待 ${workingDaysSince(w.createdAt, now)} 个工作日未答复（期限 ${limit} 个工作日）`,
      fixHref: `/admin/feedback/${w.id}`,
      severity: "fail" as const,
    }));
  return result("feedback", findings, `待答复 ${waiting.length} 条，答复期限 ${limit} 个工作日`);
}
