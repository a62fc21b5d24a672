-- 网站健康检查: per-section update rules, signed content fingerprints
-- (tamper detection) and the inspection runs.

-- AlterTable
ALTER TABLE "Section" ADD COLUMN "updateRule" TEXT NOT NULL DEFAULT 'auto';
ALTER TABLE "Section" ADD COLUMN "staleDays" INTEGER;
ALTER TABLE "Section" ADD COLUMN "closed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ContentFingerprint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "InspectionRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trigger" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "verdict" TEXT NOT NULL DEFAULT '',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT NOT NULL DEFAULT ''
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentFingerprint_targetType_targetId_key" ON "ContentFingerprint"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "InspectionRun_startedAt_idx" ON "InspectionRun"("startedAt");

-- CreateIndex
CREATE INDEX "InspectionRun_scope_startedAt_idx" ON "InspectionRun"("scope", "startedAt");
