import { db } from "@/lib/db";
import { DEFAULT_WORD_LIST } from "./default-list";

/**
 * Fills an EMPTY word list with the default one (a fresh site, or a site
 * upgraded to a version with word lists). A list an admin has edited is left
 * alone; one emptied on purpose comes back at the next start, because a
 * portal with no list at all would let the footer defacement through.
 */
export async function ensureDefaultWordList(): Promise<number> {
  if ((await db.wordListEntry.count()) > 0) return 0;
  const r = await db.wordListEntry.createMany({
    data: DEFAULT_WORD_LIST.map((e) => ({ word: e.word, category: e.category, suggestion: e.suggestion ?? "" })),
  });
  return r.count;
}
