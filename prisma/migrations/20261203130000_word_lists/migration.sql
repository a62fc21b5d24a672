-- Content policy word lists (博彩/赌博, 色情, 诈骗, 违规广告, 错误表述).

-- CreateTable
CREATE TABLE "WordListEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "word" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "WordListEntry_word_key" ON "WordListEntry"("word");

-- CreateIndex
CREATE INDEX "WordListEntry_category_idx" ON "WordListEntry"("category");
