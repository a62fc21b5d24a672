-- CreateTable
CREATE TABLE "DailyArticleStat" (
    "day" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyArticleStat_pkey" PRIMARY KEY ("day","articleId")
);

-- CreateTable
CREATE TABLE "DailySiteStat" (
    "day" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailySiteStat_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "SiteDayVisitor" (
    "day" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,

    CONSTRAINT "SiteDayVisitor_pkey" PRIMARY KEY ("day","visitorId")
);

-- CreateTable
CREATE TABLE "ArticleDayVisitor" (
    "day" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "visitorId" TEXT NOT NULL,

    CONSTRAINT "ArticleDayVisitor_pkey" PRIMARY KEY ("day","articleId","visitorId")
);

-- CreateIndex
CREATE INDEX "DailyArticleStat_articleId_day_idx" ON "DailyArticleStat"("articleId", "day");

-- AddForeignKey
ALTER TABLE "DailyArticleStat" ADD CONSTRAINT "DailyArticleStat_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

