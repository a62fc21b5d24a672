import http from "node:http";
import type { Db } from "@/lib/db";
import { articleHref } from "@/lib/articles/types";
import { sanitizeRichText } from "@/lib/content/sanitize";
import { formatDate } from "@/lib/format/date";
import { getSiteSettings } from "@/lib/settings/queries";

/**
 * A stand-in for the public site in integration tests (no Next server there):
 * renders pages from the database with the markup the real components use
 * (.article-title, .article-meta, #article-body, #section-title,
 * .footer-identity) — the e2e suite checks the real pages against the same
 * extractor. Like ISR it keeps each page once rendered until `purge()`, so a
 * test can change the database "before and after the cached page changes",
 * and `inject` lets a test tamper with one cached page.
 */

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

async function footer(): Promise<string> {
  const s = await getSiteSettings();
  const spans = [
    `<span>版权所有：${esc(s.owner)}</span>`,
    s.icpNumber && `<a href="https://beian.miit.gov.cn/">${esc(s.icpNumber)}</a>`,
    s.siteIdCode && `<span>网站标识码：${esc(s.siteIdCode)}</span>`,
    s.address && `<span>地址：${esc(s.address)}</span>`,
    s.postcode && `<span>邮编：${esc(s.postcode)}</span>`,
    s.phone && `<span>联系电话：${esc(s.phone)}</span>`,
    s.contactEmail && `<span>联系信箱：<a href="mailto:${esc(s.contactEmail)}">${esc(s.contactEmail)}</a></span>`,
    s.policeRecordNumber && `<span>${esc(s.policeRecordNumber)}</span>`,
    s.techSupport && `<span>技术支持：${esc(s.techSupport)}</span>`,
    `<span class="visitor-counter">您是第 <span></span> 位访客</span>`,
  ];
  return `<footer class="site-footer"><div class="container footer-identity"><p>${spans.filter(Boolean).join("\n")}</p></div></footer>`;
}

const doc = async (main: string) => `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body><main>${main}</main>${await footer()}</body></html>`;

async function render(db: Db, path: string): Promise<string | null> {
  if (path === "/") {
    const latest = await db.article.findMany({ where: { isLive: true }, orderBy: { publishedAt: "desc" }, take: 10, include: { section: true } });
    return doc(`<ul>${latest.map((a) => `<li><a href="${articleHref(a.section.path, a.id)}">${esc(a.title)}</a></li>`).join("")}</ul>`);
  }
  const page = /^\/pages\/([a-z0-9-]+)$/.exec(path);
  if (page) {
    const p = await db.page.findUnique({ where: { slug: page[1] } });
    return p ? doc(`<div class="static-page"><h1 class="article-title">${esc(p.title)}</h1><div class="article-body">${sanitizeRichText(p.bodyHtml)}</div></div>`) : null;
  }
  const art = /^\/(.+)\/(\d+)$/.exec(path);
  if (art) {
    const a = await db.article.findFirst({ where: { id: Number(art[2]), isLive: true, section: { path: art[1] } } });
    if (!a) return null;
    const meta = [
      `<span>发布日期：<time>${a.publishedAt ? formatDate(a.publishedAt) : ""}</time></span>`,
      `<span class="meta-sep" aria-hidden="true">|</span><span>浏览次数：<span></span></span>`,
      a.source && `<span class="meta-sep">|</span><span>来源：${esc(a.source)}</span>`,
      a.author && `<span class="meta-sep">|</span><span>作者：${esc(a.author)}</span>`,
    ];
    return doc(
      `<article class="article"><h1 class="article-title">${esc(a.title)}</h1><p class="article-meta">${meta.filter(Boolean).join("")}</p><div id="article-body" class="article-body">${sanitizeRichText(a.bodyHtml)}</div></article>`,
    );
  }
  const section = await db.section.findUnique({ where: { path: path.slice(1) } });
  return section ? doc(`<section><h1 id="section-title">${esc(section.name)}</h1></section>`) : null;
}

export interface FakeSite {
  url: string;
  purge(): void;
  /** appends HTML to the cached copy of one page (a tampered cache or proxy entry) */
  inject(path: string, html: string): void;
  close(): Promise<void>;
}

export async function startFakeSite(db: Db, port: number, uploads: Set<string>): Promise<FakeSite> {
  const cache = new Map<string, string>();
  const injected = new Map<string, string>();
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path.startsWith("/uploads/")) {
      res.writeHead(uploads.has(path) ? 200 : 404).end();
      return;
    }
    let html = cache.get(path) ?? null;
    if (html === null) {
      html = await render(db, path);
      if (html !== null) cache.set(path, html);
    }
    if (html === null) {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>页面不存在</h1>");
      return;
    }
    const extra = injected.get(path);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(extra ? html.replace("</main>", `${extra}</main>`) : html);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    purge: () => {
      cache.clear();
      injected.clear();
    },
    inject: (path, html) => injected.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An "external" web site: /ok answers, anything else is a server error. */
export async function startExternalSite(port: number): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    res.writeHead(req.url === "/ok" ? 200 : 500).end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
