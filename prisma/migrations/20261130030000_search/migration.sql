-- Full-text search (SQLite FTS5). Not modelled in schema.prisma: Prisma has
-- no virtual tables. lib/search/sqlite-index.ts is the only code that knows
-- this table; the schema check ignores "SearchFts" and its shadow tables.
--
-- titleTokens/bodyTokens hold the text as produced by lib/search/tokenize.ts
-- (CJK runs as overlapping character pairs, Latin words and numbers as
-- themselves), so any Chinese substring of two or more characters is a
-- phrase match and a single character a prefix match.
CREATE VIRTUAL TABLE "SearchFts" USING fts5(
    "docKey" UNINDEXED,
    "kind" UNINDEXED,
    "refId" UNINDEXED,
    "sectionId" UNINDEXED,
    "publishedAt" UNINDEXED,
    "title" UNINDEXED,
    "body" UNINDEXED,
    "titleTokens",
    "bodyTokens",
    tokenize = 'unicode61 remove_diacritics 0'
);
