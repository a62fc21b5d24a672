-- The search index keeps only its inverted lists: titles, bodies, sections
-- and dates are read from the public copy itself ("Article", "Page") by
-- rowid (article id, or minus the page id). The first version stored every
-- title and body twice more (text and tokens): 721 MiB for 100,000 articles.
--
-- contentless_delete lets a document be removed by rowid alone; prefix='1'
-- adds a one-character prefix index so a single-character query (税, 城) is
-- one lookup instead of a merge of every pair that starts with it.
--
-- The rows are rebuilt from the articles by lib/search/index-sqlite.ts
-- (prepareDatabase runs it when the index is empty but articles are live).
DROP TABLE "SearchFts";

CREATE VIRTUAL TABLE "SearchFts" USING fts5(
    "titleTokens",
    "bodyTokens",
    content = '',
    contentless_delete = 1,
    prefix = '1',
    tokenize = 'unicode61 remove_diacritics 0'
);
