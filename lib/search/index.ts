import { databaseKind } from "../db/url";
import * as postgres from "./index-postgres";
import * as sqlite from "./index-sqlite";

/**
 * The search index of whichever database DATABASE_URL names: FTS5 on
 * SQLite, tsvector + GIN on PostgreSQL, behind the same functions. The
 * rest of the app imports from here and never asks which engine runs.
 */
export type { AdminArticleFilter, DocKind, MatchFilter, MatchStats, RankWindow } from "./index-sqlite";

type SearchIndex = Omit<typeof sqlite, "docRowid">;
const engines: Record<"sqlite" | "postgresql", SearchIndex> = { sqlite, postgresql: postgres };
const pick = (): SearchIndex => engines[databaseKind()];

export const syncArticle: SearchIndex["syncArticle"] = (...a) => pick().syncArticle(...a);
export const syncPage: SearchIndex["syncPage"] = (...a) => pick().syncPage(...a);
export const removeDoc: SearchIndex["removeDoc"] = (...a) => pick().removeDoc(...a);
export const indexNeedsRebuild: SearchIndex["indexNeedsRebuild"] = () => pick().indexNeedsRebuild();
export const rebuildIndex: SearchIndex["rebuildIndex"] = (...a) => pick().rebuildIndex(...a);
export const clearIndex: SearchIndex["clearIndex"] = () => pick().clearIndex();
export const matchExpression: SearchIndex["matchExpression"] = (...a) => pick().matchExpression(...a);
export const countMatches: SearchIndex["countMatches"] = (...a) => pick().countMatches(...a);
export const newestMatches: SearchIndex["newestMatches"] = (...a) => pick().newestMatches(...a);
export const rankWindowStart: SearchIndex["rankWindowStart"] = (...a) => pick().rankWindowStart(...a);
export const rankedMatches: SearchIndex["rankedMatches"] = (...a) => pick().rankedMatches(...a);
export const matchStats: SearchIndex["matchStats"] = (...a) => pick().matchStats(...a);
export const countMatchingPages: SearchIndex["countMatchingPages"] = (...a) => pick().countMatchingPages(...a);
export const adminArticleSearch: SearchIndex["adminArticleSearch"] = (...a) => pick().adminArticleSearch(...a);
