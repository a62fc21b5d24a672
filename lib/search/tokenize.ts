import { jieba } from "../text/jieba";

/**
 * How text becomes searchable. Chinese has no spaces, and both SQLite FTS5
 * and PostgreSQL's parsers treat a run of Chinese as one "word", so:
 *
 * - indexed text: every run of Chinese characters becomes its overlapping
 *   character pairs, in order, plus its last character ("安庆市" → "安庆 庆市
 *   市"); Latin words and numbers stay whole, lower-cased. Any Chinese
 *   substring of 2+ characters is then a phrase of consecutive pairs, and a
 *   single character a prefix of some pair.
 * - queries: split on spaces and punctuation; longer Chinese chunks are
 *   segmented into words with jieba (so 安庆文明城市 means 安庆 AND 文明城市,
 *   wherever they stand), each word matched as a substring.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
// Runs of Chinese, or runs of other letters/digits (which stop at the first Chinese character).
const PIECES = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;


function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  out.push(chars[chars.length - 1]);
  return out;
}

/**
 * The text as its pieces, each preceded by a space: Chinese runs as they are,
 * other words lower-cased (" 安庆市 皖 icp 备 09009541 号"). A Chinese word is
 * in the text exactly when it is a substring of this (the same test as a
 * phrase of its pairs), a Latin word or number prefix when " " + it is.
 */
export function indexPieces(text: string): string {
  let out = "";
  for (const piece of text.normalize("NFKC").match(PIECES) ?? []) out += " " + (CJK.test(piece) ? piece : piece.toLowerCase());
  return out;
}

/** The token stream stored in the index for a title or body. */
export function indexTokens(text: string): string {
  const out: string[] = [];
  for (const piece of text.normalize("NFKC").match(PIECES) ?? []) {
    if (CJK.test(piece)) out.push(...pairs(piece));
    else out.push(piece.toLowerCase());
  }
  return out.join(" ");
}

export interface QueryTerm {
  /** What the visitor typed for this term (used for highlighting). */
  text: string;
  cjk: boolean;
}

export const MAX_QUERY_TERMS = 12;

/** The terms of a query, all required. Punctuation and FTS syntax are dropped, never interpreted. */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const piece of query.normalize("NFKC").slice(0, 200).match(PIECES) ?? []) {
    if (!CJK.test(piece)) terms.push({ text: piece.toLowerCase(), cjk: false });
    else if ([...piece].length <= 3) terms.push({ text: piece, cjk: true });
    else for (const w of jieba().cut(piece, true)) if (w.trim()) terms.push({ text: w, cjk: true });
  }
  const unique = [...new Map(terms.map((t) => [t.text, t])).values()];
  return unique.slice(0, MAX_QUERY_TERMS);
}

/** A tsquery operand, quoted, so that any text stays one inert lexeme. */
const lexeme = (t: string) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** FTS5 MATCH expression: each term a quoted phrase (or prefix), ANDed. Quoting makes any input inert. */
export function ftsExpression(terms: QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  const parts = terms.map((t) => {
    const tokens = t.cjk ? pairs(t.text) : [t.text];
    // A lone character, or a word the visitor may not have finished, matches as a prefix.
    if (tokens.length === 1) return `"${tokens[0].replace(/"/g, '""')}"*`;
    // "文明城市" → "文明 明城 城市": the pairs, consecutive (the final single character is dropped: it is implied).
    return `"${tokens.slice(0, -1).join(" ").replace(/"/g, '""')}"`;
  });
  return `{titleTokens bodyTokens} : (${parts.join(" AND ")})`;
}

/**
 * PostgreSQL tsquery for the same terms over the same tokens: each term a
 * phrase of consecutive pairs (<->) or a prefix (:*), ANDed. Every lexeme is
 * quoted, so any input stays inert.
 */
export function tsqueryExpression(terms: QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  const parts = terms.map((t) => {
    const tokens = t.cjk ? pairs(t.text) : [t.text];
    if (tokens.length === 1) return `${lexeme(tokens[0])}:*`;
    return `(${tokens.slice(0, -1).map(lexeme).join(" <-> ")})`;
  });
  return parts.join(" & ");
}

/**
 * How PostgreSQL matches the terms (lib/search/index-postgres.ts). GIN keeps
 * no positions, so a phrase (<->) made PostgreSQL re-read the tsvector of
 * every candidate. Instead:
 *
 * - `lexemes` (for to_tsquery('simple', …)): each term's pairs ANDed, or the
 *   prefix of a single character or Latin word — all the GIN index answers
 *   alone (no recheck): every term's candidates.
 * - `verify`: the Chinese words of 3+ characters, whose pairs may stand apart
 *   in a candidate: a substring test on the indexed text (indexPieces) decides.
 * - `substrings`: every term as a substring of the indexed text: the exact
 *   match without the index, for rows reached in id order.
 * - `rank`: the phrase/prefix tsquery of tsqueryExpression, for ts_rank only.
 */
export interface PgMatch {
  lexemes: string;
  verify: string[];
  substrings: string[];
  rank: string;
}

export function pgMatch(terms: QueryTerm[]): PgMatch | null {
  const rank = tsqueryExpression(terms);
  if (!rank) return null;
  const lexemes: string[] = [];
  const verify: string[] = [];
  const substrings: string[] = [];
  for (const t of terms) {
    const tokens = t.cjk ? pairs(t.text) : [t.text];
    if (tokens.length === 1) lexemes.push(`${lexeme(tokens[0])}:*`);
    else lexemes.push(...tokens.slice(0, -1).map(lexeme));
    if (tokens.length > 2) verify.push(t.text);
    substrings.push(t.cjk ? t.text : " " + t.text);
  }
  return { lexemes: [...new Set(lexemes)].join(" & "), verify, substrings, rank };
}
