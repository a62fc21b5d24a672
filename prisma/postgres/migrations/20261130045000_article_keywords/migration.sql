-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "keywords" TEXT NOT NULL DEFAULT '';
