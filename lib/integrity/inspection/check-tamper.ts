import { db } from "../../db";
import { publicWhere } from "../../articles/access";
import { articleHref } from "../../articles/types";
import { getSiteSettings } from "../../settings/queries";
import { sectionHref } from "../../sections/types";
import {
  articleFields,
  FIELD_LABELS,
  pageFields,
  sectionFields,
  settingsFields,
  type ArticleFields,
  type Fields,
  type PageFields,
  type SectionFields,
  type SettingsFields,
  type TargetType,
} from "../fingerprint/fields";
import { loadFingerprints, type StoredFingerprint } from "../fingerprint/store";
import { extractPage, type ExtractedPage } from "./extract";
import { fetchPage } from "./http";
import { result } from "./result";
import type { Finding, ItemResult } from "./types";

/**
 * 防篡改. Two independent looks:
 * 1. the database rows that feed public pages against their signed
 *    fingerprints (catches a direct database write before any page shows it);
 * 2. the pages a visitor gets over HTTP against the same fingerprints
 *    (catches a tampered cache, proxy or CDN entry, and a database write once
 *    a page has been regenerated), plus injected scripts and hidden links.
 */

export interface TamperOptions {
  baseUrl: string;
  now: Date;
  /** pages changed within this many days are always fetched */
  recentDays?: number;
  /** at most this many recently changed articles are always fetched; the others join the rotation */
  recentCap?: number;
  /** how many other article pages are fetched per run, rotating */
  sampleSize?: number;
  /** which slice of the rest this run samples (e.g. the number of earlier runs) */
  rotation?: number;
  /** false: only verify the database against the fingerprints (no HTTP) */
  fetchPages?: boolean;
}

export interface FetchedPage {
  url: string;
  path: string;
  page: ExtractedPage | null;
  status: number;
}

interface Target {
  type: TargetType;
  id: string;
  label: string;
  path: string;
  fixHref: string;
  current: Fields;
}

function diff(expected: Fields, actual: Fields): string[] {
  const e = expected as unknown as Record<string, unknown>;
  const a = actual as unknown as Record<string, unknown>;
  return Object.keys(e).filter((k) => JSON.stringify(e[k]) !== JSON.stringify(a[k]));
}

const labels = (keys: string[]) => keys.map((k) => FIELD_LABELS[k] ?? k).join("、");

async function loadTargets(now: Date) {
  const articles = await db.article.findMany({
    where: publicWhere(now),
    select: { id: true, title: true, bodyHtml: true, publishedAt: true, source: true, author: true, updatedAt: true, section: { select: { path: true } } },
    orderBy: { id: "asc" },
  });
  const pages = await db.page.findMany({ orderBy: { id: "asc" } });
  const sections = await db.section.findMany({ select: { id: true, name: true, path: true }, orderBy: { path: "asc" } });
  const settings = await getSiteSettings();
  const settingsRow = await db.siteSettings.findUnique({ where: { id: 1 }, select: { id: true } });
  const targets: (Target & { changedAt?: Date })[] = [
    ...articles.map((a) => ({
      type: "article" as const,
      id: String(a.id),
      label: `文章“${a.title}”`,
      path: articleHref(a.section.path, a.id),
      fixHref: `/admin/articles/${a.id}`,
      current: articleFields(a),
      changedAt: a.updatedAt,
    })),
    ...pages.map((p) => ({ type: "page" as const, id: String(p.id), label: `页面“${p.title}”`, path: `/pages/${p.slug}`, fixHref: `/admin/pages/${p.id}`, current: pageFields(p), changedAt: p.updatedAt })),
    ...sections.map((s) => ({ type: "section" as const, id: String(s.id), label: `栏目“${s.name}”`, path: sectionHref(s.path), fixHref: `/admin/sections/${s.id}`, current: sectionFields(s) })),
  ];
  if (settingsRow) targets.push({ type: "settings", id: "1", label: "网站设置（页脚）", path: "/", fixHref: "/admin/settings", current: settingsFields(settings) });
  return targets;
}

function verifyStored(targets: Target[], prints: Map<string, StoredFingerprint>): { findings: Finding[]; tampered: Set<string> } {
  const findings: Finding[] = [];
  const tampered = new Set<string>();
  for (const t of targets) {
    const key = `${t.type}:${t.id}`;
    const fp = prints.get(key);
    const at = { href: t.path, fixHref: t.fixHref, severity: "fail" as const };
    if (!fp) {
      tampered.add(key);
      findings.push({ ...at, text: `${t.label}没有发布指纹：不是通过本系统发布的，或指纹被删除（数据库被直接改写）` });
    } else if (!fp.valid || !fp.fields) {
      tampered.add(key);
      findings.push({ ...at, text: `${t.label}的发布指纹签名无效：指纹记录被绕过本系统改写` });
    } else {
      const changed = diff(fp.fields, t.current);
      if (changed.length) {
        tampered.add(key);
        findings.push({ ...at, text: `${t.label}的数据库内容与发布时不一致（${labels(changed)}）：未经本系统发布被改写${describe(t.current, changed)}` });
      }
    }
  }
  return { findings, tampered };
}

/** Shows the changed identity text itself: for the footer that is the point of the alert. */
function describe(fields: Fields, changed: string[]): string {
  const f = fields as unknown as Record<string, unknown>;
  const shown = changed.filter((k) => k === "footer" || k === "title" || k === "name" || k === "siteName");
  return shown.map((k) => `；现为“${String(f[k]).slice(0, 80)}”`).join("");
}

function pickPages(targets: (Target & { changedAt?: Date })[], opts: TamperOptions, prints: Map<string, StoredFingerprint>): Target[] {
  const recentMs = (opts.recentDays ?? 7) * 86_400_000;
  const recent = (t: Target & { changedAt?: Date }) => {
    const signed = prints.get(`${t.type}:${t.id}`)?.signedAt;
    return [t.changedAt, signed].some((d) => d && opts.now.getTime() - d.getTime() <= recentMs);
  };
  // Recently changed articles first, newest first, up to a cap (after a baseline or a bulk import every article is "recent").
  const fresh = targets
    .filter((t) => t.type === "article" && recent(t))
    .sort((a, b) => (b.changedAt?.getTime() ?? 0) - (a.changedAt?.getTime() ?? 0));
  const cap = opts.recentCap ?? 40;
  const always = [...targets.filter((t) => t.type !== "article"), ...fresh.slice(0, cap)];
  const rest = [...fresh.slice(cap), ...targets.filter((t) => t.type === "article" && !recent(t))];
  const size = Math.min(opts.sampleSize ?? 12, rest.length);
  const start = rest.length ? ((opts.rotation ?? 0) * size) % rest.length : 0;
  const sample = Array.from({ length: size }, (_, i) => rest[(start + i) % rest.length]);
  return [...always, ...sample];
}

/** The footer of one fetched page against the signed footer identity: null when it matches. */
function footerProblem(page: ExtractedPage, footer: SettingsFields | null): string | null {
  if (!footer) return null;
  if (page.footer === null) return "没有页脚身份信息";
  return page.footer === footer.footer ? null : `现为“${page.footer.slice(0, 80)}”`;
}

function comparePage(t: Target, page: ExtractedPage, fp: StoredFingerprint | undefined): string[] {
  const problems: string[] = [];
  const expected = fp?.valid ? fp.fields : null;
  if (!expected) return problems;
  if (t.type === "article") {
    const e = expected as ArticleFields;
    const bad = [
      page.title !== e.title && "title",
      JSON.stringify(page.meta) !== JSON.stringify(e.meta) && "meta",
      page.bodyHash !== e.bodyHash && "bodyHash",
    ].filter((x): x is string => !!x);
    if (bad.length) problems.push(`页面上的${labels(bad)}与发布时不一致${page.title !== e.title ? `，标题现为“${page.title ?? ""}”` : ""}`);
  } else if (t.type === "page") {
    const e = expected as PageFields;
    const bad = [page.title !== e.title && "title", page.bodyHash !== e.bodyHash && "bodyHash"].filter((x): x is string => !!x);
    if (bad.length) problems.push(`页面上的${labels(bad)}与发布时不一致`);
  } else if (t.type === "section") {
    const e = expected as SectionFields;
    if (page.sectionName !== e.name) problems.push(`页面上的栏目名称与发布时不一致，现为“${page.sectionName ?? ""}”`);
  }
  return problems;
}

export async function checkTamper(opts: TamperOptions): Promise<{ item: ItemResult; fetched: FetchedPage[] }> {
  const prints = await loadFingerprints();
  const targets = await loadTargets(opts.now);
  const stored = verifyStored(targets, prints);
  const findings = [...stored.findings];

  const settingsFp = prints.get("settings:1");
  const footer = settingsFp?.valid ? (settingsFp.fields as SettingsFields) : null;
  const toFetch = opts.fetchPages === false ? [] : pickPages(targets, opts, prints);
  const fetched: FetchedPage[] = [];
  /** footer difference → pages showing it (one finding per kind of footer, not one per page) */
  const footerPages = new Map<string, string[]>();
  const base = opts.baseUrl.replace(/\/$/, "");
  for (const t of toFetch) {
    const url = base + t.path;
    const res = await fetchPage(url);
    if (!res.ok) {
      fetched.push({ url, path: t.path, page: null, status: res.status });
      findings.push({ text: `${t.label}的页面无法取得（${res.status || res.error || "无响应"}），本次未能比对`, href: t.path, fixHref: t.fixHref, severity: "warn" });
      continue;
    }
    const page = extractPage(res.html, base);
    fetched.push({ url, path: t.path, page, status: res.status });
    const key = `${t.type}:${t.id}`;
    const footerBad = footerProblem(page, footer);
    if (footerBad) footerPages.set(footerBad, [...(footerPages.get(footerBad) ?? []), t.path]);
    const problems = comparePage(t, page, prints.get(key));
    for (const p of problems) {
      // The database still matches the fingerprint: the difference sits in a cache or proxy copy, which purging replaces.
      const purge = stored.tampered.has(key) ? undefined : { targetType: t.type, targetId: t.id };
      findings.push({ text: `${t.label}（${t.path}）：${p}`, href: t.path, fixHref: t.fixHref, purge, severity: "fail" });
    }
    for (const inj of page.injected) findings.push({ text: `${t.label}（${t.path}）：${inj}`, href: t.path, fixHref: t.fixHref, purge: { targetType: t.type, targetId: t.id }, severity: "fail" });
  }
  for (const [problem, paths] of footerPages) {
    const shown = paths.slice(0, 5).join("、") + (paths.length > 5 ? " 等" : "");
    findings.push({
      text: `${paths.length} 个页面的页脚与发布时不一致，${problem}（${shown}）`,
      href: paths[0],
      fixHref: "/admin/settings",
      // The settings row still matches its signature: only cached copies differ.
      purge: stored.tampered.has("settings:1") ? undefined : { targetType: "settings", targetId: "1" },
      severity: "fail",
    });
  }
  const summary = `核对了 ${targets.length} 项已发布内容的签名指纹，抓取比对了 ${fetched.length} 个页面`;
  return { item: result("tamper", findings, summary, opts.now), fetched };
}
