import { Jieba, TfIdf } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict";

/**
 * The one jieba segmenter of the process (search queries, the search index's keywords,
 * the Keywords meta tag). Loading the dictionary takes ~0.5 s and tens of MB, so it is
 * built on first use and shared, across module copies too (globalThis).
 */
const g = globalThis as unknown as { __jieba?: Jieba; __tfidf?: TfIdf };

export function jieba(): Jieba {
  return (g.__jieba ??= Jieba.withDict(dict));
}

export function tfidf(): TfIdf {
  return (g.__tfidf ??= TfIdf.withDict(idf));
}
