import type { QueryTerm } from "./tokenize";

/** Text split into plain and matched parts; rendered by React, so nothing is ever injected as HTML. */
export type Marked = { text: string; hit: boolean }[];

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function mark(text: string, terms: QueryTerm[]): Marked {
  if (terms.length === 0) return [{ text, hit: false }];
  const re = new RegExp(`(${terms.map((t) => escapeRegExp(t.text)).sort((a, b) => b.length - a.length).join("|")})`, "giu");
  return text
    .split(re)
    .filter((s) => s !== "")
    .map((s) => ({ text: s, hit: terms.some((t) => t.text.toLowerCase() === s.toLowerCase()) }));
}

/** About `width` characters of the body around its first hit (or its beginning). */
export function snippet(body: string, terms: QueryTerm[], width = 120): Marked {
  const lower = body.toLowerCase();
  const at = terms.map((t) => lower.indexOf(t.text.toLowerCase())).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - Math.floor(width / 3));
  const part = (start > 0 ? "…" : "") + body.slice(start, start + width) + (start + width < body.length ? "…" : "");
  return mark(part, terms);
}
