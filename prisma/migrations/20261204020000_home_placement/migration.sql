-- 首页与置顶: 头条, 置顶 and 推荐 flags on articles, with manual order and an
-- optional end date.

-- CreateTable
CREATE TABLE "ArticlePlacement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "until" DATETIME,
    "lapseHandledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ArticlePlacement_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticlePlacement_articleId_kind_key" ON "ArticlePlacement"("articleId", "kind");

-- CreateIndex
CREATE INDEX "ArticlePlacement_kind_position_idx" ON "ArticlePlacement"("kind", "position");

-- CreateIndex
CREATE INDEX "ArticlePlacement_until_idx" ON "ArticlePlacement"("until");
