import AhoCorasick from "modern-ahocorasick";
import { CATEGORY_LABELS, isBlockingCategory, type WordCategory } from "./categories";
import { normalizeText, normalizeWord } from "./normalize";

export type WordEntry = { word: string; category: WordCategory; suggestion?: string | null };

/** One match, with offsets into the ORIGINAL text (for highlighting). */
export type WordHit = {
  /** the list entry as written in the list */
  word: string;
  /** the characters of the text that matched, e.g. "365 赛 事" */
  matched: string;
  category: WordCategory;
  categoryLabel: string;
  blocking: boolean;
  /** UTF-16 offset of the first matched character in the original text */
  index: number;
  /** UTF-16 offset just after the last matched character */
  end: number;
  /** a few characters either side, for messages and reports */
  excerpt: string;
  /** 错误表述: the right form */
  suggestion: string | null;
};

export type WordMatcher = { scan(text: string): WordHit[]; size: number };

const EXCERPT_SIDE = 12;

/** Compile a list once; scanning reuses the automaton. */
export function compileWordList(entries: readonly WordEntry[]): WordMatcher {
  const patterns: { pattern: string; data: WordEntry }[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const pattern = normalizeWord(entry.word);
    if (!pattern || seen.has(pattern)) continue;
    seen.add(pattern);
    patterns.push({ pattern, data: entry });
  }
  const automaton = new AhoCorasick(patterns);
  return {
    size: patterns.length,
    scan(text: string): WordHit[] {
      if (!text || patterns.length === 0) return [];
      const folded = normalizeText(text);
      if (!folded.text) return [];
      // leftmost-longest: "365赛事投注" is one hit, not also "赛事投注" inside it.
      const matches = automaton.search(folded.text, { strategy: "leftmost-longest" });
      return matches.map((m) => {
        const entry = m.data!;
        const index = folded.map[m.start];
        const end = folded.ends[m.end - 1];
        const from = Math.max(0, index - EXCERPT_SIDE);
        const to = Math.min(text.length, end + EXCERPT_SIDE);
        return {
          word: entry.word,
          matched: text.slice(index, end),
          category: entry.category,
          categoryLabel: CATEGORY_LABELS[entry.category],
          blocking: isBlockingCategory(entry.category),
          index,
          end,
          excerpt: (from > 0 ? "…" : "") + text.slice(from, to).replace(/\s+/g, " ") + (to < text.length ? "…" : ""),
          suggestion: entry.suggestion ?? null,
        };
      });
    },
  };
}
