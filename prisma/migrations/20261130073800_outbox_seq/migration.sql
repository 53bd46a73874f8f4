-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

