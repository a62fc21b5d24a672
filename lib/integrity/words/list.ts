import { db } from "@/lib/db";
import { isWordCategory } from "./categories";
import { compileWordList, type WordEntry, type WordMatcher } from "./matcher";

/**
 * The compiled word list of this process. Compiling 10,000 words takes tens of
 * milliseconds, so it is kept and rebuilt only when the list changed: one
 * cheap aggregate query (row count + newest update) tells, which also notices
 * edits made by another process (the admin server vs. `npm run check:site`).
 */
type Cached = { key: string; matcher: WordMatcher };
const globalForWords = globalThis as unknown as { __wordMatcher?: Cached };

export async function loadWordEntries(): Promise<WordEntry[]> {
  const rows = await db.wordListEntry.findMany({ orderBy: { id: "asc" } });
  return rows.flatMap((r) =>
    isWordCategory(r.category) ? [{ word: r.word, category: r.category, suggestion: r.suggestion || null }] : [],
  );
}

export async function currentWordMatcher(): Promise<WordMatcher> {
  const agg = await db.wordListEntry.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const key = `${agg._count._all}:${agg._max.updatedAt?.getTime() ?? 0}`;
  const cached = globalForWords.__wordMatcher;
  if (cached && cached.key === key) return cached.matcher;
  const matcher = compileWordList(await loadWordEntries());
  globalForWords.__wordMatcher = { key, matcher };
  return matcher;
}

/** Called after an edit so the next scan does not wait on a same-millisecond key. */
export function forgetWordMatcher(): void {
  globalForWords.__wordMatcher = undefined;
}
