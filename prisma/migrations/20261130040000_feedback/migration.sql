-- 网站建议 / 留言: configurable overdue limit, closing date, the public
-- replies index, and the database-backed per-IP flood limit.

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN "feedbackOverdueDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN "closedAt" DATETIME;

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Suggestion_replyPublic_repliedAt_idx" ON "Suggestion"("replyPublic", "repliedAt");

-- CreateIndex
CREATE INDEX "RateLimitHit_key_at_idx" ON "RateLimitHit"("key", "at");
