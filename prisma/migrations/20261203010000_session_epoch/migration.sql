-- AlterTable: signing out bumps the epoch, so a saved session cookie stops working
ALTER TABLE "User" ADD COLUMN "sessionEpoch" INTEGER NOT NULL DEFAULT 0;
