import { parse } from "node-html-parser";
import { db } from "../../db";
import { publicWhere } from "../../articles/access";
import { articleHref } from "../../articles/types";
import { mediaUrl } from "../../media/url";
import { checkLink, forEachLimited, type LinkStatus } from "./http";
import { result } from "./result";
import type { Finding, ItemResult } from "./types";

/**
 * 链接可用性: every link and image in published articles and static pages,
 * and every attachment, checked over HTTP (internal ones against the site
 * being inspected, external ones where they point).
 */

interface Ref {
  label: string;
  href: string;
  fixHref: string;
}

export interface LinkScanOptions {
  baseUrl: string;
  now: Date;
  /** public origins that also mean "this site" (SITE_URL, 网站域名) */
  ownOrigins?: string[];
  concurrency?: number;
  perHostGapMs?: number;
  timeoutMs?: number;
  retryDelayMs?: number;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

function linksOf(html: string): string[] {
  const root = parse(html);
  return [
    ...root.querySelectorAll("a[href]").map((a) => a.getAttribute("href")!),
    ...root.querySelectorAll("img[src]").map((i) => i.getAttribute("src")!),
  ];
}

/** Absolute URL to request, or null for what is not a web link (mailto:, tel:, #anchor). */
function resolve(raw: string, base: URL, own: Set<string>): { url: string; internal: boolean } | null {
  const href = raw.trim();
  if (!href || href.startsWith("#")) return null;
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return { url: href, internal: false };
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  if (u.origin === base.origin || own.has(u.origin)) {
    return { url: new URL(u.pathname + u.search, base).toString(), internal: true };
  }
  return { url: u.toString(), internal: false };
}

export async function checkLinks(opts: LinkScanOptions): Promise<{ item: ItemResult; checked: number }> {
  const base = new URL(opts.baseUrl);
  const own = new Set((opts.ownOrigins ?? []).filter(Boolean));
  const refs = new Map<string, { internal: boolean; refs: Ref[] }>();
  const add = (raw: string, ref: Ref) => {
    const r = resolve(raw, base, own);
    if (!r) return;
    const entry = refs.get(r.url) ?? { internal: r.internal, refs: [] };
    if (!entry.refs.some((x) => x.label === ref.label)) entry.refs.push(ref);
    refs.set(r.url, entry);
  };

  const articles = await db.article.findMany({
    where: publicWhere(opts.now),
    select: { id: true, title: true, bodyHtml: true, section: { select: { path: true } }, attachments: { select: { title: true, media: { select: { storageKey: true } } } } },
  });
  for (const a of articles) {
    const ref = { label: `文章“${a.title}”`, href: articleHref(a.section.path, a.id), fixHref: `/admin/articles/${a.id}` };
    for (const l of linksOf(a.bodyHtml)) add(l, ref);
    for (const f of a.attachments) add(mediaUrl(f.media.storageKey), ref);
  }
  for (const p of await db.page.findMany({ select: { id: true, slug: true, title: true, bodyHtml: true } })) {
    const ref = { label: `页面“${p.title}”`, href: `/pages/${p.slug}`, fixHref: `/admin/pages/${p.id}` };
    for (const l of linksOf(p.bodyHtml)) add(l, ref);
  }

  const urls = [...refs.keys()];
  const statuses = new Map<string, LinkStatus>();
  let done = 0;
  await opts.onProgress?.(0, urls.length);
  await forEachLimited(
    urls,
    (u) => {
      try {
        return new URL(u).host;
      } catch {
        return u;
      }
    },
    async (u) => {
      statuses.set(u, await checkLink(u, { timeoutMs: opts.timeoutMs, retryDelayMs: opts.retryDelayMs }));
      done++;
      await opts.onProgress?.(done, urls.length);
    },
    { concurrency: opts.concurrency ?? 4, perHostGapMs: opts.perHostGapMs ?? 300 },
  );

  const findings: Finding[] = [];
  let internalCount = 0;
  for (const [u, entry] of refs) {
    if (entry.internal) internalCount++;
    const s = statuses.get(u);
    if (!s || s.ok) continue;
    const why = s.status ? `HTTP ${s.status}` : (s.error ?? "无法连接");
    for (const r of entry.refs) {
      findings.push({ text: `${r.label}中的${entry.internal ? "站内" : "站外"}链接 ${u} 无法打开（${why}）`, href: r.href, fixHref: r.fixHref, severity: "fail" });
    }
  }
  const summary = `检查了 ${urls.length} 个链接（站内 ${internalCount} 个，站外 ${urls.length - internalCount} 个）`;
  return { item: result("deadLinks", findings, summary, opts.now), checked: urls.length };
}
