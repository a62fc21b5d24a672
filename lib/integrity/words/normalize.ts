import * as OpenCC from "opencc-js/t2cn";

/**
 * Folds text into the form the word lists are written in, so the usual
 * evasions do not slip past: full-width letters and digits (NFKC), mixed case,
 * traditional characters (OpenCC t → cn), and spaces, punctuation or
 * zero-width characters put between the characters of a word (dropped).
 *
 * `map[i]` is the UTF-16 offset in the original text of the character that
 * produced `text[i]`, and `ends[i]` the offset just after it, so a match found
 * in the folded text is highlighted at its real place.
 */
export type NormalizedText = { text: string; map: Int32Array; ends: Int32Array };

// Separators removed between characters: whitespace, punctuation, symbols and
// format characters (zero-width space/joiners, BOM, soft hyphen, bidi marks).
const DROPPED = /[\p{White_Space}\p{P}\p{S}\p{Cf}\p{M}\p{Cc}]/u;

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** Word-list entries go through the same folding as the text they are matched in. */
export function normalizeWord(word: string): string {
  return normalizeText(word).text;
}

const utf16 = new TextDecoder("utf-16le");

/**
 * Per-character folding of the Basic Multilingual Plane, computed once (about
 * 30 ms at start-up): FOLD[c] is the folded code unit, 0 when the character is
 * dropped, SLOW when it folds into several characters or is a surrogate (those
 * take the full NFKC path). Normalisation is then one table lookup per
 * character — it runs on every saved field and every fetched page.
 */
const SLOW = 0xffff;
const FOLD = (() => {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = SLOW;
      continue;
    }
    const folded = String.fromCharCode(c).normalize("NFKC").toLowerCase();
    const kept = Array.from(folded).filter((ch) => !DROPPED.test(ch)).join("");
    table[c] = kept.length === 0 ? 0 : kept.length === 1 && kept.charCodeAt(0) !== SLOW ? kept.charCodeAt(0) : SLOW;
  }
  table[SLOW] = SLOW;
  return table;
})();

export function normalizeText(input: string): NormalizedText {
  const n = input.length;
  let cap = n + 16;
  let units = new Uint16Array(cap);
  let map = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let len = 0;
  const push = (unit: number, start: number, end: number) => {
    if (len === cap) {
      cap *= 2;
      const u = new Uint16Array(cap), m = new Int32Array(cap), e = new Int32Array(cap);
      u.set(units); m.set(map); e.set(ends);
      units = u; map = m; ends = e;
    }
    units[len] = unit;
    map[len] = start;
    ends[len] = end;
    len++;
  };
  for (let i = 0; i < n; ) {
    const f = FOLD[input.charCodeAt(i)];
    if (f === 0) {
      i++;
      continue;
    }
    if (f !== SLOW) {
      push(f, i, i + 1);
      i++;
      continue;
    }
    const c = input.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const folded = input.slice(i, i + width).normalize("NFKC").toLowerCase();
    for (let k = 0; k < folded.length; ) {
      const fc = folded.charCodeAt(k);
      const fw = fc >= 0xd800 && fc <= 0xdbff && k + 1 < folded.length ? 2 : 1;
      if (!DROPPED.test(folded.slice(k, k + fw))) for (let j = 0; j < fw; j++) push(folded.charCodeAt(k + j), i, i + width);
      k += fw;
    }
    i += width;
  }
  const joined = utf16.decode(units.subarray(0, len));
  let simplified = toSimplified(joined);
  // OpenCC converts phrase by phrase; a phrase of another length would break
  // the offset map, so then convert character by character instead.
  if (simplified.length !== joined.length) {
    simplified = Array.from(joined, (ch) => {
      const one = toSimplified(ch);
      return one.length === ch.length ? one : ch;
    }).join("");
  }
  return { text: simplified, map: map.subarray(0, len), ends: ends.subarray(0, len) };
}
