-- Full-text search (PostgreSQL). Not modelled in schema.prisma: the tsvector
-- type has no Prisma field type. lib/search/index-postgres.ts is the only
-- code that knows this table; the schema check ignores "SearchIndex".
--
-- One row per live article (rowid = article id) or static page (rowid =
-- minus the page id). "tokens" holds the text as produced by
-- lib/search/tokenize.ts (CJK runs as overlapping character pairs, Latin
-- words and numbers whole), parsed with the 'simple' configuration: title
-- tokens weighted A, body tokens D, so ranking can weigh a title match ten
-- times a body match. Titles, bodies, sections and dates are read from
-- "Article" / "Page" themselves.
CREATE TABLE "SearchIndex" (
    "rowid" INTEGER NOT NULL,
    "tokens" TSVECTOR NOT NULL,

    CONSTRAINT "SearchIndex_pkey" PRIMARY KEY ("rowid")
);

-- Phrase (<->) and prefix (:*) queries use it.
CREATE INDEX "SearchIndex_tokens_idx" ON "SearchIndex" USING GIN ("tokens");
