import { db } from "@/lib/db";
import { isWordCategory } from "./categories";
import { compileWordList, type WordEntry, type WordMatcher } from "./matcher";

/**
 * The compiled lists of this process. Compiling 10,000 words takes tens of
 * milliseconds, so they are kept and rebuilt only when the table changed: one
 * cheap aggregate query (row count + newest update) tells, which also notices
 * edits made by another process (the admin server vs. `npm run check:site`).
 */
export type PolicyLists = {
  words: WordMatcher;
  /** 违规网址 entries as lower-case host names, for the link policy */
  blockedDomains: readonly string[];
};
type Cached = { key: string; lists: PolicyLists };
const globalForWords = globalThis as unknown as { __policyLists?: Cached };

export async function loadWordEntries(): Promise<WordEntry[]> {
  const rows = await db.wordListEntry.findMany({ orderBy: { id: "asc" } });
  return rows.flatMap((r) =>
    isWordCategory(r.category) ? [{ word: r.word, category: r.category, suggestion: r.suggestion || null }] : [],
  );
}

export function compilePolicyLists(entries: readonly WordEntry[]): PolicyLists {
  return {
    words: compileWordList(entries),
    blockedDomains: entries.filter((e) => e.category === "domain").map((e) => e.word.trim().toLowerCase().replace(/^\*?\./, "")),
  };
}

export async function currentPolicyLists(): Promise<PolicyLists> {
  const agg = await db.wordListEntry.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const key = `${agg._count._all}:${agg._max.updatedAt?.getTime() ?? 0}`;
  const cached = globalForWords.__policyLists;
  if (cached && cached.key === key) return cached.lists;
  const lists = compilePolicyLists(await loadWordEntries());
  globalForWords.__policyLists = { key, lists };
  return lists;
}

export async function currentWordMatcher(): Promise<WordMatcher> {
  return (await currentPolicyLists()).words;
}

/** Called after an edit so the next scan does not wait on a same-millisecond key. */
export function forgetPolicyLists(): void {
  globalForWords.__policyLists = undefined;
}
