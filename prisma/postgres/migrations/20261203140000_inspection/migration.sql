-- 网站健康检查: per-section update rules, signed content fingerprints
-- (tamper detection) and the inspection runs. PostgreSQL twin of
-- prisma/migrations/20261203140000_inspection.

-- AlterTable
ALTER TABLE "Section" ADD COLUMN "updateRule" TEXT NOT NULL DEFAULT 'auto',
ADD COLUMN "staleDays" INTEGER,
ADD COLUMN "closed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ContentFingerprint" (
    "id" SERIAL NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentFingerprint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionRun" (
    "id" SERIAL NOT NULL,
    "trigger" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "verdict" TEXT NOT NULL DEFAULT '',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "InspectionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentFingerprint_targetType_targetId_key" ON "ContentFingerprint"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "InspectionRun_startedAt_idx" ON "InspectionRun"("startedAt");

-- CreateIndex
CREATE INDEX "InspectionRun_scope_startedAt_idx" ON "InspectionRun"("scope", "startedAt");
