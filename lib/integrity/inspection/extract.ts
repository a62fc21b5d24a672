import { parse, type HTMLElement } from "node-html-parser";
import { compactText, elementText, sha256 } from "../fingerprint/text";
import { restorePreferences as RESTORE_PREFERENCES_SCRIPT } from "../../site/preferences-script";

/**
 * Reads a fetched public page the way the fingerprints describe it (title,
 * meta row, body text, footer identity) and looks for what the CMS can
 * never produce: scripts that are not the framework's or the portal's own,
 * frames, and links hidden from sight (a classic of SEO spam injection).
 * node-html-parser: a maintained, forgiving parser; we need selectors and
 * text, not a browser.
 */

export interface ExtractedPage {
  title: string | null;
  meta: string[] | null;
  bodyHash: string | null;
  sectionName: string | null;
  footer: string | null;
  /** every visible text of <body>, for the word scan */
  text: string;
  injected: string[];
}

/**
 * The framework's own inline scripts, recognised strictly: a flight-data push
 * must be one call whose argument is pure JSON (so nothing can be appended
 * after it), the Turbopack bootstrap may only list chunk files.
 */
function jsonCall(source: string, prefix: string): unknown {
  const code = source.replace(/;$/, "");
  if (!code.startsWith(prefix) || !code.endsWith(")")) return undefined;
  try {
    return JSON.parse(code.slice(prefix.length, -1));
  } catch {
    return undefined;
  }
}

function inlineScriptAllowed(code: string): boolean {
  const c = code.trim();
  if (c === RESTORE_PREFERENCES_SCRIPT || c === "(self.__next_f=self.__next_f||[]).push([0])") return true;
  if (Array.isArray(jsonCall(c, "self.__next_f.push("))) return true;
  const boot = jsonCall(c, '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(');
  if (boot && typeof boot === "object" && !Array.isArray(boot)) {
    const keysOk = Object.keys(boot).every((k) => k === "otherChunks" || k === "runtimeModuleIds");
    const strings = JSON.stringify(boot).match(/"[^"]*"/g) ?? [];
    const valuesOk = strings.every((x) => x === '"otherChunks"' || x === '"runtimeModuleIds"' || /^"static\/chunks\/[\w.-]+\.(js|css)"$/.test(x));
    return keysOk && valuesOk;
  }
  return false;
}

function scriptSrcAllowed(src: string, origin: string): boolean {
  try {
    const u = new URL(src, origin);
    return u.origin === new URL(origin).origin && u.pathname.startsWith("/_next/");
  } catch {
    return false;
  }
}

function sameSite(href: string, origin: string): boolean {
  try {
    return new URL(href, origin).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

function styleMap(el: HTMLElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (el.getAttribute("style") ?? "").split(";")) {
    const i = decl.indexOf(":");
    if (i > 0) out.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).replace(/!important/i, "").trim().toLowerCase());
  }
  return out;
}

const WHITE = /^(#fff|#ffffff|#fffffff?f?|white|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\)|rgba\(\s*255\s*,\s*255\s*,\s*255\s*,[^)]*\))$/;
const ZERO = /^-?0(\.0+)?(px|em|rem|pt|%)?$/;

function px(value: string | undefined): number {
  const m = value?.match(/^(-?\d+(?:\.\d+)?)(px|em|rem|pt)?$/);
  if (!m) return 0;
  return Number(m[1]) * (m[2] === "em" || m[2] === "rem" ? 16 : 1);
}

/** Why an element's inline style (or attribute) keeps it out of sight, or null. */
export function hiddenBy(el: HTMLElement): string | null {
  if (el.hasAttribute("hidden")) return "hidden 属性";
  const s = styleMap(el);
  if (s.size === 0) return null;
  if (s.get("display") === "none") return "display:none";
  if (s.get("visibility") === "hidden" || s.get("visibility") === "collapse") return "visibility:hidden";
  if (s.has("font-size") && ZERO.test(s.get("font-size")!)) return "font-size:0";
  if (s.has("opacity") && Number(s.get("opacity")) === 0) return "opacity:0";
  const pos = s.get("position");
  if ((pos === "absolute" || pos === "fixed") && ["left", "top", "right"].some((k) => px(s.get(k)) <= -500)) return "移出屏幕";
  if (px(s.get("text-indent")) <= -500) return "text-indent 移出屏幕";
  if ((s.has("width") && ZERO.test(s.get("width")!)) || (s.has("height") && ZERO.test(s.get("height")!))) {
    if (s.get("overflow") === "hidden") return "零尺寸";
  }
  const bg = s.get("background-color") ?? s.get("background");
  if (s.has("color") && WHITE.test(s.get("color")!) && (!bg || WHITE.test(bg))) return "白底白字";
  return null;
}

function hiddenAncestry(el: HTMLElement): string | null {
  for (let cur: HTMLElement | null = el; cur && cur.tagName; cur = cur.parentNode as HTMLElement | null) {
    const why = hiddenBy(cur);
    if (why) return why;
  }
  return null;
}

function findInjections(root: HTMLElement, origin: string): string[] {
  const out: string[] = [];
  for (const s of root.querySelectorAll("script")) {
    const src = s.getAttribute("src");
    if (src) {
      if (!scriptSrcAllowed(src, origin)) out.push(`外部脚本：${src}`);
    } else if (!inlineScriptAllowed(s.rawText)) {
      out.push(`注入的内联脚本：${compactText(s.rawText).slice(0, 60)}`);
    }
  }
  for (const tag of ["iframe", "frame", "object", "embed"]) {
    for (const el of root.querySelectorAll(tag)) out.push(`注入的 <${tag}>：${el.getAttribute("src") ?? el.getAttribute("data") ?? ""}`);
  }
  for (const m of root.querySelectorAll("meta")) {
    if ((m.getAttribute("http-equiv") ?? "").toLowerCase() === "refresh") out.push(`自动跳转：${m.getAttribute("content") ?? ""}`);
  }
  for (const el of root.querySelectorAll("*")) {
    const handler = Object.keys(el.attributes).find((a) => /^on[a-z]+$/i.test(a));
    if (handler) out.push(`事件脚本 ${handler}：<${el.tagName.toLowerCase()}>`);
  }
  for (const a of root.querySelectorAll("a")) {
    const href = a.getAttribute("href");
    // A hidden link into the site itself is page furniture (the home carousel's
    // other slides), not link spam: spam points away from the site.
    if (!href || sameSite(href, origin)) continue;
    const why = hiddenAncestry(a);
    if (why) out.push(`隐藏链接（${why}）：${compactText(a.textContent).slice(0, 30) || "（无文字）"} → ${href}`);
  }
  return out;
}

function visibleText(body: HTMLElement | null): string {
  if (!body) return "";
  const copy = parse(body.toString());
  copy.querySelectorAll("script, style, noscript, template").forEach((el) => el.remove());
  return copy.textContent.replace(/\s+/g, " ").trim();
}

function metaRow(root: HTMLElement): string[] | null {
  const row = root.querySelector(".article-meta");
  if (!row) return null;
  return row
    .children.filter((el) => el.tagName === "SPAN")
    .map((s) => elementText(s))
    .filter((t) => /^(发布日期|来源|作者)：/.test(t));
}

export function extractPage(html: string, origin: string): ExtractedPage {
  const root = parse(html, { comment: false });
  const footerEl = root.querySelector(".footer-identity");
  let footer: string | null = null;
  if (footerEl) {
    const f = parse(footerEl.toString());
    f.querySelectorAll(".visitor-counter").forEach((el) => el.remove());
    footer = elementText(f);
  }
  const body = root.querySelector("#article-body") ?? root.querySelector(".static-page .article-body");
  return {
    title: root.querySelector(".article-title") ? elementText(root.querySelector(".article-title")) : null,
    meta: metaRow(root),
    bodyHash: body ? sha256(elementText(body)) : null,
    sectionName: root.querySelector("#section-title") ? elementText(root.querySelector("#section-title")) : null,
    footer,
    text: visibleText(root.querySelector("body")),
    injected: findInjections(root, origin),
  };
}
