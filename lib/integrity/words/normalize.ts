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

export function normalizeText(input: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < input.length) {
    const code = input.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = width === 2 ? input.slice(i, i + 2) : input[i];
    // Common CJK ideographs and ASCII letters/digits need no NFKC: skip the
    // call for them, it dominates the cost on long Chinese articles.
    let folded: string;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) {
      folded = ch;
    } else if (code >= 0x41 && code <= 0x5a) {
      folded = String.fromCharCode(code + 32);
    } else {
      folded = ch.normalize("NFKC").toLowerCase();
    }
    for (const part of folded) {
      if (DROPPED.test(part)) continue;
      for (let k = 0; k < part.length; k++) {
        out.push(part[k]);
        map.push(i);
        ends.push(i + width);
      }
    }
    i += width;
  }
  const joined = out.join("");
  let simplified = toSimplified(joined);
  // OpenCC converts phrase by phrase; a phrase of another length would break
  // the offset map, so then convert character by character instead.
  if (simplified.length !== joined.length) simplified = out.map((c) => (c.length === 1 ? toSimplified(c) : c)).join("");
  if (simplified.length !== joined.length) simplified = joined;
  return { text: simplified, map: Int32Array.from(map), ends: Int32Array.from(ends) };
}
