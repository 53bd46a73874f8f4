-- AlterTable
ALTER TABLE "CheckinRound" ADD COLUMN     "closedBy" TEXT;

