import type { Who } from "../articles/access";
import { adminArticleSearch, matchExpression, type AdminArticleFilter } from "./index";
import { queryTerms } from "./tokenize";

/**
 * Text search for the admin article list, with the public search's terms
 * (jieba-segmented, punctuation and FTS syntax dropped). A query with no
 * searchable term matches nothing rather than everything.
 */
export async function searchArticlesForAdmin(q: string, filter: AdminArticleFilter, who: Who, limit: number, offset: number) {
  const terms = queryTerms(q);
  const match = matchExpression(terms);
  if (!match) return { ids: [], total: 0 };
  return adminArticleSearch(
    match,
    terms.map((t) => t.text),
    filter,
    who,
    limit,
    offset,
  );
}
