-- A feedback form token is good for one successful submission.

-- CreateTable
CREATE TABLE "UsedFormToken" (
    "token" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AddPrimaryKey
ALTER TABLE "UsedFormToken" ADD CONSTRAINT "UsedFormToken_pkey" PRIMARY KEY ("token");

-- CreateIndex
CREATE INDEX "UsedFormToken_usedAt_idx" ON "UsedFormToken"("usedAt");
