-- Who uploaded each file: until a file is in a publicly visible article, only its uploaders
-- (and those who read every article) may put it into an article. Existing files get their
-- uploaders from the audit log's media.upload entries. PostgreSQL twin of
-- prisma/migrations/20261206010000_media_uploader.

-- CreateTable
CREATE TABLE "MediaUploader" (
    "mediaId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaUploader_pkey" PRIMARY KEY ("mediaId","userId")
);

-- CreateIndex
CREATE INDEX "MediaUploader_userId_idx" ON "MediaUploader"("userId");

-- AddForeignKey
ALTER TABLE "MediaUploader" ADD CONSTRAINT "MediaUploader_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaUploader" ADD CONSTRAINT "MediaUploader_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill
INSERT INTO "MediaUploader" ("mediaId", "userId")
SELECT DISTINCT CAST(a."targetId" AS INTEGER), a."actorId"
FROM "AuditLog" a
WHERE a."action" = 'media.upload' AND a."targetType" = 'media' AND a."actorId" IS NOT NULL
  AND a."targetId" ~ '^[0-9]{1,9}$'
  AND CAST(a."targetId" AS INTEGER) IN (SELECT "id" FROM "Media")
  AND a."actorId" IN (SELECT "id" FROM "User");
