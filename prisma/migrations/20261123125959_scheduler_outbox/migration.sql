-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "dueAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "kind" TEXT,
ADD COLUMN     "lastAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "settledAt" TIMESTAMPTZ(3);

