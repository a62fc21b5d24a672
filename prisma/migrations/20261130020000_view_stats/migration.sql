-- Page-view statistics: daily aggregates per article and per site, and the
-- per-day distinct-visitor bookkeeping behind them.

-- CreateTable
CREATE TABLE "DailyArticleStat" (
    "day" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "articleId"),
    CONSTRAINT "DailyArticleStat_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DailySiteStat" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "views" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "SiteDayVisitor" (
    "day" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,

    PRIMARY KEY ("day", "visitorId")
);

-- CreateTable
CREATE TABLE "ArticleDayVisitor" (
    "day" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "visitorId" TEXT NOT NULL,

    PRIMARY KEY ("day", "articleId", "visitorId")
);

-- CreateIndex
CREATE INDEX "DailyArticleStat_articleId_day_idx" ON "DailyArticleStat"("articleId", "day");
