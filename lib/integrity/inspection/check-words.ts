import { db } from "../../db";
import { publicWhere } from "../../articles/access";
import { articleHref } from "../../articles/types";
import { htmlToText } from "../../content/sanitize";
import { getSiteSettings } from "../../settings/queries";
import { sectionHref } from "../../sections/types";
import { scanTexts, type WordHit } from "../words/scan";
import type { FetchedPage } from "./check-tamper";
import { result } from "./result";
import type { Finding, ItemResult } from "./types";

/**
 * 违规内容与错误表述: everything the public can read, as stored (articles,
 * attachments' names, static pages, section names, the footer settings,
 * public replies) and as served (the text of every page the tamper check
 * fetched — whatever the fingerprint says, a page showing a blocked word
 * fails).
 */

interface Source {
  label: string;
  href?: string;
  fixHref?: string;
  text: string;
}

async function storedSources(now: Date): Promise<Source[]> {
  const articles = await db.article.findMany({
    where: publicWhere(now),
    select: { id: true, title: true, summary: true, bodyHtml: true, source: true, author: true, section: { select: { path: true } }, attachments: { select: { title: true } } },
  });
  const pages = await db.page.findMany({ select: { id: true, slug: true, title: true, bodyHtml: true } });
  const sections = await db.section.findMany({ select: { id: true, name: true, path: true, description: true } });
  const settings = await getSiteSettings();
  const replies = await db.suggestion.findMany({ where: { replyPublic: true }, select: { id: true, subject: true, reply: true, content: true } });
  return [
    ...articles.map((a) => ({
      label: `文章“${a.title}”`,
      href: articleHref(a.section.path, a.id),
      fixHref: `/admin/articles/${a.id}`,
      text: [a.title, a.summary, a.source, a.author, htmlToText(a.bodyHtml), ...a.attachments.map((x) => x.title)].join("\n"),
    })),
    ...pages.map((p) => ({ label: `页面“${p.title}”`, href: `/pages/${p.slug}`, fixHref: `/admin/pages/${p.id}`, text: `${p.title}\n${htmlToText(p.bodyHtml)}` })),
    ...sections.map((s) => ({ label: `栏目“${s.name}”`, href: sectionHref(s.path), fixHref: `/admin/sections/${s.id}`, text: `${s.name}\n${s.description}` })),
    { label: "网站设置（页脚）", href: "/", fixHref: "/admin/settings", text: Object.values(settings).join("\n") },
    ...replies.map((r) => ({ label: `公开答复“${r.subject}”`, href: "/feedback", fixHref: `/admin/feedback/${r.id}`, text: `${r.subject}\n${r.content}\n${r.reply}` })),
  ];
}

function findingsOf(source: Source, hits: WordHit[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const h of hits) {
    if (seen.has(h.word)) continue;
    seen.add(h.word);
    const text = h.blocking
      ? `${source.label}含${h.categoryLabel}词“${h.word}”（原文“${h.matched}”，…${h.excerpt}…）`
      : `${source.label}含错误表述“${h.word}”${h.suggestion ? `，应为“${h.suggestion}”` : ""}（…${h.excerpt}…）`;
    out.push({ text, href: source.href, fixHref: source.fixHref, severity: h.blocking ? "fail" : "warn" });
  }
  return out;
}

/**
 * A word on served pages usually sits in what every page shares (the footer,
 * the navigation): one finding per word, naming the pages, not one per page.
 */
function servedFindings(pages: FetchedPage[], hits: WordHit[][]): Finding[] {
  const byWord = new Map<string, { hit: WordHit; paths: string[] }>();
  pages.forEach((p, i) => {
    for (const h of hits[i]) {
      const entry = byWord.get(h.word) ?? { hit: h, paths: [] };
      if (!entry.paths.includes(p.path)) entry.paths.push(p.path);
      byWord.set(h.word, entry);
    }
  });
  return [...byWord.values()].map(({ hit, paths }) => {
    const shown = paths.slice(0, 5).join("、") + (paths.length > 5 ? " 等" : "");
    const what = hit.blocking ? `${hit.categoryLabel}词“${hit.word}”（原文“${hit.matched}”）` : `错误表述“${hit.word}”${hit.suggestion ? `，应为“${hit.suggestion}”` : ""}`;
    return { text: `${paths.length} 个页面（访客看到的页面）含${what}：${shown}`, href: paths[0], severity: hit.blocking ? ("fail" as const) : ("warn" as const) };
  });
}

export async function checkWords(now: Date, fetched: FetchedPage[]): Promise<ItemResult> {
  const stored = await storedSources(now);
  const served = fetched.filter((f) => f.page);
  const hits = await scanTexts([...stored.map((s) => s.text), ...served.map((f) => f.page!.text)]);
  const findings = [...stored.flatMap((s, i) => findingsOf(s, hits[i])), ...servedFindings(served, hits.slice(stored.length))];
  return result("words", findings, `扫描了 ${stored.length} 项已发布内容和 ${served.length} 个页面`, now);
}
