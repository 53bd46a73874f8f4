-- AlterTable
ALTER TABLE "School" ADD COLUMN     "dayEnd" TEXT,
ADD COLUMN     "dayStart" TEXT;

