-- 网站建议 / 留言: configurable overdue limit, closing date, the public
-- replies index, and the database-backed per-IP flood limit.
-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "feedbackOverdueDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "closedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateLimitHit_key_at_idx" ON "RateLimitHit"("key", "at");

-- CreateIndex
CREATE INDEX "Suggestion_replyPublic_repliedAt_idx" ON "Suggestion"("replyPublic", "repliedAt");

