-- AlterTable: null while a delivery is being handled; receipts already kept were handled (or lost).
ALTER TABLE "InboundReceipt" ADD COLUMN "handledAt" TIMESTAMPTZ(3);
UPDATE "InboundReceipt" SET "handledAt" = "receivedAt";
