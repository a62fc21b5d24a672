-- 政府信息公开: the public copy of an article's disclosure fields, and the 索引号 pattern.

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN "indexNumberPattern" TEXT NOT NULL DEFAULT '<网站标识码>/<年>-<序号>';

-- CreateTable
CREATE TABLE "ArticleDisclosure" (
    "articleId" INTEGER NOT NULL,
    "indexNumber" TEXT NOT NULL,
    "issuer" TEXT NOT NULL DEFAULT '',
    "docNumber" TEXT NOT NULL DEFAULT '',
    "writtenOn" TEXT NOT NULL DEFAULT '',
    "topic" TEXT NOT NULL DEFAULT '',
    "validity" TEXT NOT NULL DEFAULT 'valid',
    "repealedOn" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleDisclosure_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleDisclosure_indexNumber_key" ON "ArticleDisclosure"("indexNumber");

-- CreateIndex
CREATE INDEX "ArticleDisclosure_issuer_idx" ON "ArticleDisclosure"("issuer");

-- CreateIndex
CREATE INDEX "ArticleDisclosure_docNumber_idx" ON "ArticleDisclosure"("docNumber");

-- AddForeignKey
ALTER TABLE "ArticleDisclosure" ADD CONSTRAINT "ArticleDisclosure_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
