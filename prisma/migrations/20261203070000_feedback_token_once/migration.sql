-- A feedback form token is good for one successful submission.

-- CreateTable
CREATE TABLE "UsedFormToken" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "usedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "UsedFormToken_usedAt_idx" ON "UsedFormToken"("usedAt");
