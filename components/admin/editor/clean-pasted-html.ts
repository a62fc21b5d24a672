/**
 * Clean-up of HTML pasted from Word / WPS (and any other source) before
 * ProseMirror parses it.
 *
 * Deliberately DOM-free (string and regex passes over tags only), so it runs
 * in unit tests under Node and never executes pasted markup. Regexes are good
 * enough here because this is not a security boundary: the result is parsed
 * by ProseMirror against the editor schema (unknown elements and attributes
 * fall away) and the saved HTML is sanitised again on the server by
 * sanitize-html (lib/content/sanitize.ts).
 *
 * Text between tags is never rewritten: Chinese punctuation (“”‘’《》、，。；：！？
 * （）——……), full-width spaces and entities reach the parser byte for byte.
 */

/** Classes that mean something to the editor or to the public stylesheet. */
const KEEP_CLASSES = new Set(["photo", "photo-credit", "align-center", "align-right", "Apple-converted-space"]);

/** Attributes worth handing to the parser; everything else (lang, align, width on cells, x:str…) is junk. */
const KEEP_ATTRS: Record<string, Set<string>> = {
  "*": new Set(["colspan", "rowspan"]),
  a: new Set(["href", "title", "target"]),
  img: new Set(["src", "srcset", "sizes", "alt", "width", "height"]),
  ol: new Set(["start"]),
  th: new Set(["scope"]),
};

/** Elements whose content is removed together with them. */
const DROP_WITH_CONTENT = ["head", "style", "script", "xml", "title", "template", "noscript", "object", "iframe"];

/** Elements that are unwrapped (tag removed, content kept). */
const UNWRAP = new Set(["html", "body", "font", "meta", "link", "base", "center", "ins", "del", "bdo", "abbr", "acronym", "small", "big"]);

/** Heading levels the editor knows (h2–h4); Word's "标题 1" maps to h2. */
const HEADING_MAP: Record<string, string> = { h1: "h2", h5: "h4", h6: "h4" };

/** Inline formatting worth keeping from a style attribute; ProseMirror turns these into marks. */
function filterStyle(style: string, tag: string): string {
  if (/^h[1-6]$|^th$/.test(tag)) return ""; // headings and header cells are bold anyway
  const kept: string[] = [];
  for (const decl of style.split(";")) {
    const m = /^\s*([a-zA-Z-]+)\s*:\s*(.+?)\s*$/.exec(decl);
    if (!m) continue;
    const prop = m[1].toLowerCase();
    const value = m[2].replace(/\s*!important$/i, "").trim().toLowerCase();
    if (prop === "font-weight" && /^(bold|bolder|[6-9]00)$/.test(value)) kept.push("font-weight:bold");
    else if (prop === "font-style" && value === "italic") kept.push("font-style:italic");
    else if ((prop === "text-decoration" || prop === "text-decoration-line") && /\bunderline\b/.test(value)) kept.push("text-decoration:underline");
  }
  return kept.join(";");
}

const ATTR_RE = /([^\s"'<>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const TAG_RE = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function unquote(v: string | undefined): string {
  if (v === undefined) return "";
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1);
  return v;
}

function escapeAttr(v: string): string {
  return v.replace(/&(?![#a-zA-Z0-9]+;)/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attributes of one opening tag, reduced to the ones worth keeping, serialised again. */
function cleanAttributes(tag: string, raw: string): string {
  const out: string[] = [];
  const perTag = KEEP_ATTRS[tag];
  for (const m of raw.matchAll(ATTR_RE)) {
    const name = m[1].toLowerCase();
    const value = unquote(m[2]);
    if (name.includes(":")) continue; // o:…, v:…, w:…, xml:lang and friends
    if (name === "style") {
      const style = filterStyle(value, tag);
      if (style) out.push(`style="${escapeAttr(style)}"`);
    } else if (name === "class") {
      const cls = value.split(/\s+/).filter((c) => KEEP_CLASSES.has(c)).join(" ");
      if (cls) out.push(`class="${escapeAttr(cls)}"`);
    } else if (name.startsWith("data-") || KEEP_ATTRS["*"].has(name) || perTag?.has(name)) {
      out.push(m[2] === undefined ? name : `${name}="${escapeAttr(value)}"`);
    }
  }
  return out.length ? " " + out.join(" ") : "";
}

/** Plain text of a small HTML snippet (a Word list marker), entities for spaces decoded. */
function snippetText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|&#160;|&#xa0;/gi, " ")
    .replace(/&middot;/gi, "·")
    .replace(/&amp;/gi, "&")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

const BULLET_MARKER = /^[·•▪▫◦‣⁃●○■□◆◇▶►➢➤✓✔✧★☆§ØüÒoq\-–—*\uF000-\uF8FF]$/;
const NUMBER_MARKER = /^(\d+)[.．)）]$/;
const SUPPORT_LISTS = /(?:<!\[if !supportLists\]>|<!--\[if !supportLists\]-->)([\s\S]*?)(?:<!\[endif\]>|<!--\[endif\]-->)/i;
const LIST_PARAGRAPH = /<p\b([^>]*?mso-list:\s*l\d+\s+level(\d+)[^>]*)>([\s\S]*?)<\/p>/gi;
const LIST_RUN = /(?:<p\b[^>]*?mso-list:\s*l\d+\s+level\d+[^>]*>[\s\S]*?<\/p>\s*)+/gi;

/**
 * Word does not paste lists as <ol>/<ul>: every item is a <p style="mso-list:l0 level1 lfo1">
 * whose marker ("1." or "·") sits in a conditional block. Runs of such paragraphs whose markers
 * are all plain bullets or arabic numbers become real lists (nested by level). Anything else
 * (“一、”, “（一）”, “第一条”) stays as paragraphs with its marker text, so no character is lost.
 */
function convertWordLists(html: string): string {
  return html.replace(LIST_RUN, (run) => {
    const items: { level: number; type: "ul" | "ol"; start: number; html: string }[] = [];
    for (const m of run.matchAll(LIST_PARAGRAPH)) {
      const marker = SUPPORT_LISTS.exec(m[3]);
      if (!marker) return run;
      const text = snippetText(marker[1]);
      const num = NUMBER_MARKER.exec(text);
      let type: "ul" | "ol";
      if (num) type = "ol";
      else if (BULLET_MARKER.test(text)) type = "ul";
      else return run; // a marker we cannot express as HTML list numbering: keep the paragraphs
      items.push({ level: Number(m[2]), type, start: num ? Number(num[1]) : 1, html: m[3].replace(SUPPORT_LISTS, "") });
    }
    if (!items.length) return run;
    let out = "";
    const stack: { level: number; type: "ul" | "ol" }[] = [];
    const open = (type: "ul" | "ol", start: number) => (type === "ol" && start !== 1 ? `<ol start="${start}">` : `<${type}>`);
    for (const item of items) {
      while (stack.length && stack[stack.length - 1].level > item.level) out += `</li></${stack.pop()!.type}>`;
      const top = stack[stack.length - 1];
      if (top && top.level === item.level) {
        if (top.type === item.type) out += "</li>";
        else {
          out += `</li></${top.type}>${open(item.type, item.start)}`;
          top.type = item.type;
        }
      } else {
        out += open(item.type, item.start);
        stack.push({ level: item.level, type: item.type });
      }
      out += `<li>${item.html}`;
    }
    while (stack.length) out += `</li></${stack.pop()!.type}>`;
    return out;
  });
}

/** Value of one CSS property in a raw attribute string ("font-weight" does not match "mso-bidi-font-weight"). */
function styleValue(rawAttrs: string, prop: string): string | null {
  const style = /(?:^|\s)style\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(rawAttrs);
  if (!style) return null;
  for (const decl of unquote(style[1]).split(";")) {
    const m = /^\s*([a-zA-Z-]+)\s*:\s*(.+?)\s*$/.exec(decl);
    if (m && m[1].toLowerCase() === prop) return m[2].toLowerCase();
  }
  return null;
}

/**
 * Emphasis tags that explicitly switch their emphasis off: Google Docs wraps a
 * whole document in <b style="font-weight:normal">. ProseMirror would skip the
 * mark because of the style; without the style it would make everything bold.
 */
function cancelsItself(name: string, rawAttrs: string): boolean {
  if (name === "b" || name === "strong") return /^(normal|lighter|[1-4]00)$/.test(styleValue(rawAttrs, "font-weight") ?? "");
  if (name === "i" || name === "em") return styleValue(rawAttrs, "font-style") === "normal";
  return false;
}

const TRACKED = new Set(["span", "b", "strong", "i", "em"]);

/** Rewrites every tag: drops Word namespaces, <font>, junk attributes and spans left without attributes. */
function rewriteTags(html: string): string {
  // For each open tag of the tracked kinds: was it kept? (So its closing tag goes the same way.)
  const open = new Map<string, boolean[]>();
  const push = (name: string, kept: boolean) => {
    const stack = open.get(name) ?? [];
    stack.push(kept);
    open.set(name, stack);
  };
  return html.replace(TAG_RE, (_whole, slash: string, rawName: string, rawAttrs: string) => {
    let name = rawName.toLowerCase();
    if (name.includes(":") || UNWRAP.has(name)) return "";
    if (TRACKED.has(name)) {
      if (slash) {
        const stack = open.get(name);
        // A stray closing tag is passed on; the browser's parser ignores it.
        const kept = stack && stack.length ? stack.pop() : true;
        return kept ? `</${name}>` : "";
      }
      if (/\/\s*$/.test(rawAttrs)) return "";
      if (cancelsItself(name, rawAttrs)) {
        push(name, false);
        return "";
      }
      const attrs = cleanAttributes(name, rawAttrs);
      // A span that only carried Word junk is unwrapped. One that never had attributes is left
      // for ProseMirror, which turns Chrome's <span>&nbsp;</span> back into a plain space.
      const keep = name !== "span" || !/\S/.test(rawAttrs) || attrs !== "";
      push(name, keep);
      return keep ? `<${name}${attrs}>` : "";
    }
    name = HEADING_MAP[name] ?? name;
    if (slash) return `</${name}>`;
    const selfClosing = /\/\s*$/.test(rawAttrs);
    const attrs = cleanAttributes(name, rawAttrs.replace(/\/\s*$/, ""));
    return `<${name}${attrs}${selfClosing ? " /" : ""}>`;
  });
}

/** <img> whose source is on the author's disk or inline in the clipboard (Word, WPS, screenshots). */
const LOCAL_SRC = String.raw`\bsrc\s*=\s*(?:"\s*(?:file|data|blob|cid):[^"]*"|'\s*(?:file|data|blob|cid):[^']*'|(?:file|data|blob|cid):[^\s>]*)`;
const UNIMPORTABLE_IMG = new RegExp(String.raw`<img\b(?:[^>"']|"[^"]*"|'[^']*')*?` + LOCAL_SRC + String.raw`(?:[^>"']|"[^"]*"|'[^']*')*>`, "gi");

const EMPTY_INLINE = /<(span|b|strong|i|em|u|s|strike|sub|sup|a)(?:\s[^>]*)?><\/\1>/gi;
// Only ASCII whitespace, no-break spaces and <br>: a paragraph of full-width spaces is text and stays.
const EMPTY_PARAGRAPH = /<p(?:\s[^>]*)?>(?:[ \t\r\n\f]|&nbsp;|&#160;|&#xa0;|\u00a0|<br\s*\/?>)*<\/p>/gi;

/**
 * Cleans pasted HTML (Word, WPS, web pages) for the rich-text editor: removes
 * <head>/<style>/<xml>, comments and Office conditional comments, <o:p>,
 * namespaced tags (<st1:chsdate> keeps its date text), <font>, class="Mso…",
 * style attributes (except bold / italic / underline), spans left without
 * attributes and empty paragraphs; turns Word's fake list paragraphs into
 * <ul>/<ol>. Paragraphs, headings, emphasis, lists, tables, links and all text
 * characters are kept.
 */
export function cleanPastedHtml(html: string): string {
  let s = html;
  // Only the copied fragment, when the clipboard marks it.
  const frag = /<!--\s*StartFragment\s*-->([\s\S]*?)<!--\s*EndFragment\s*-->/i.exec(s);
  if (frag) s = frag[1];
  for (const tag of DROP_WITH_CONTENT) s = s.replace(new RegExp(`<${tag}\\b[\\s\\S]*?<\\/${tag}\\s*>`, "gi"), "");
  s = s.replace(/<!DOCTYPE[^>]*>|<\?xml[^>]*>/gi, "");
  s = convertWordLists(s);
  // Conditional comments (<!--[if gte mso 9]>…<![endif]-->) are ordinary comments as far as this is concerned.
  s = s.replace(/<!--[\s\S]*?-->/g, "");
  // Word repeats a line break for old browsers inside this block: drop the duplicate.
  s = s.replace(/<!\[if !supportLineBreakNewLine\]>[\s\S]*?<!\[endif\]>/gi, "");
  // Downlevel-revealed markers: the content between them is real (e.g. list numbers "一、").
  s = s.replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, "");
  // <o:p>&nbsp;</o:p> is Word's placeholder for an empty paragraph.
  s = s.replace(/<o:p>([\s\S]*?)<\/o:p>/gi, (_m, inner: string) => (/^(?:[ \t\r\n]|&nbsp;|&#160;|\u00a0)*$/i.test(inner) ? "" : inner));
  // Images that live on the author's disk or inline in the clipboard cannot be kept (the editor says so).
  s = s.replace(UNIMPORTABLE_IMG, "");
  s = rewriteTags(s);
  let prev: string;
  do {
    prev = s;
    s = s.replace(EMPTY_INLINE, "");
  } while (s !== prev);
  // Not trimmed: a pasted inline fragment may start or end with meaningful (full-width) spaces.
  return s.replace(EMPTY_PARAGRAPH, "");
}

/** True when pasted HTML carries images that cannot be imported (local files or inline data from Word/WPS). */
export function hasUnimportableImages(html: string): boolean {
  UNIMPORTABLE_IMG.lastIndex = 0;
  return UNIMPORTABLE_IMG.test(html) || /<v:imagedata\b/i.test(html);
}

/**
 * Plain-text paste: every line becomes a paragraph (blank lines only separate
 * paragraphs). Lines are kept exactly, leading full-width spaces included.
 */
export function plainTextToParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => line !== "");
}
