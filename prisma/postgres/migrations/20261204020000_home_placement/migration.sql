-- 首页与置顶: 头条, 置顶 and 推荐 flags on articles, with manual order and an
-- optional end date. PostgreSQL twin of prisma/migrations/20261204020000_home_placement.

-- CreateTable
CREATE TABLE "ArticlePlacement" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "until" TIMESTAMP(3),
    "lapseHandledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticlePlacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticlePlacement_articleId_kind_key" ON "ArticlePlacement"("articleId", "kind");

-- CreateIndex
CREATE INDEX "ArticlePlacement_kind_position_idx" ON "ArticlePlacement"("kind", "position");

-- CreateIndex
CREATE INDEX "ArticlePlacement_until_idx" ON "ArticlePlacement"("until");

-- AddForeignKey
ALTER TABLE "ArticlePlacement" ADD CONSTRAINT "ArticlePlacement_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
