import { jieba, tfidf } from "../text/jieba";
import { cachedRead } from "../cache/cached";
import { tags } from "../cache/tags";
import { db } from "../db";
import { splitKeywords } from "../articles/keywords";
import { isPubliclyVisible } from "../articles/access";

/**
 * Keywords for the Keywords meta tag: the editor's 关键词 when filled in,
 * otherwise the top TF-IDF terms of title + summary (jieba's extractor with
 * its bundled IDF table).
 */

const MAX_KEYWORDS = 5;
// Nouns, place/organisation/person names, verbal nouns, idioms, abbreviations, Latin words.
const CONTENT_POS = ["n", "nr", "ns", "nt", "nz", "nrt", "vn", "l", "j", "i", "eng"];
// A term must say something: drop pure numbers and single characters.
const MEANINGFUL = (w: string) => Array.from(w).length >= 2 && !/^[\d.]+$/.test(w);


/** Same text, same answer: memoised per process (metadata of one article is asked for on every render of its page). */
const memo = new Map<string, string[]>();
const MEMO_SIZE = 2000;

export function extractKeywords(text: string, max = MAX_KEYWORDS): string[] {
  const key = `${max}\u0000${text}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const found = tfidf()
    .extractKeywords(jieba(), text.normalize("NFKC"), max * 3, CONTENT_POS)
    .filter((k) => MEANINGFUL(k.keyword))
    // Ties in weight are broken by the word itself, so the order never depends on the extractor's internals.
    .sort((a, b) => b.weight - a.weight || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0))
    .slice(0, max)
    .map((k) => k.keyword);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, found);
  return found;
}

export function articleKeywords(a: { keywords: string; title: string; summary: string }): string[] {
  const own = splitKeywords(a.keywords);
  return own.length ? own : extractKeywords(`${a.title}\n${a.summary}`);
}

/** The article's keywords, cached with its page (the article tag expires both on publish). */
export const readArticleKeywords = (id: number) =>
  cachedRead(["article-keywords", id], [tags.article(id)], async () => {
    const a = await db.article.findUnique({ where: { id }, select: { keywords: true, title: true, summary: true, isLive: true, publishedAt: true } });
    return a && isPubliclyVisible(a) ? articleKeywords(a) : [];
  });
