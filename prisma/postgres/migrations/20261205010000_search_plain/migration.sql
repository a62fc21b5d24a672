-- The search index matches without phrase queries (lib/search/tokenize.ts,
-- pgMatch; lib/search/index-postgres.ts): GIN finds the candidates by exact
-- pairs and prefixes, and "SearchText"."plain", the text as pieces, decides
-- for words of 3+ characters (strpos) and alone matches the newest rows when
-- they are walked in rowid order. A phrase (<->) made PostgreSQL re-read
-- every candidate's tsvector.
--
-- "SearchIndex" moves its tsvector to TOAST whenever a row is larger than
-- 128 bytes, uncompressed, so its heap keeps ~60 bytes a row: sorting every
-- candidate by rowid reads no text. "SearchText" keeps the text in the row,
-- uncompressed, up to 8 kB. No fastupdate: a pending list would be scanned
-- by every search.
--
-- Both start empty: startup (scripts/prepare-db.ts) sees live content with
-- an empty index (indexNeedsRebuild) and rebuilds it.
DROP TABLE "SearchIndex";

CREATE TABLE "SearchIndex" (
    "rowid" INTEGER NOT NULL,
    "tokens" TSVECTOR NOT NULL,

    CONSTRAINT "SearchIndex_pkey" PRIMARY KEY ("rowid")
) WITH (toast_tuple_target = 128);

ALTER TABLE "SearchIndex" ALTER COLUMN "tokens" SET STORAGE EXTERNAL;

CREATE INDEX "SearchIndex_tokens_idx" ON "SearchIndex" USING GIN ("tokens") WITH (fastupdate = off);

CREATE TABLE "SearchText" (
    "rowid" INTEGER NOT NULL,
    "plain" TEXT NOT NULL,

    CONSTRAINT "SearchText_pkey" PRIMARY KEY ("rowid")
) WITH (toast_tuple_target = 8160);

ALTER TABLE "SearchText" ALTER COLUMN "plain" SET STORAGE EXTERNAL;
