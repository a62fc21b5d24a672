-- AlterTable: editors' 关键词 for the Keywords meta tag (empty = extracted automatically)
ALTER TABLE "Article" ADD COLUMN "keywords" TEXT NOT NULL DEFAULT '';
