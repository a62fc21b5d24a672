-- Content policy word lists (博彩/赌博, 色情, 诈骗, 违规广告, 错误表述).

-- CreateTable
CREATE TABLE "WordListEntry" (
    "id" SERIAL NOT NULL,
    "word" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WordListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WordListEntry_word_key" ON "WordListEntry"("word");

-- CreateIndex
CREATE INDEX "WordListEntry_category_idx" ON "WordListEntry"("category");
