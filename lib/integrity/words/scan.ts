/**
 * The small interface other parts of the portal use to check text against the
 * content policy word lists (the tamper checker scans fetched pages with it;
 * the publish, settings, page, section and feedback paths scan their fields).
 *
 *   const hits = await scanText(text);
 *   hits.filter((h) => h.blocking) // 博彩/赌博, 色情, 诈骗, 违规广告
 *
 * Offsets (`index`, `end`) point into the text passed in, so callers can
 * highlight the match; `excerpt` is a short piece around it for messages.
 */
import { currentWordMatcher } from "./list";

export type { WordHit } from "./matcher";
export type { WordCategory } from "./categories";
export { CATEGORY_LABELS } from "./categories";

export async function scanText(text: string): Promise<import("./matcher").WordHit[]> {
  const matcher = await currentWordMatcher();
  return matcher.scan(text);
}

/** Scan many texts with one list load (e.g. every field of a page). */
export async function scanTexts(texts: readonly string[]): Promise<import("./matcher").WordHit[][]> {
  const matcher = await currentWordMatcher();
  return texts.map((t) => matcher.scan(t));
}
