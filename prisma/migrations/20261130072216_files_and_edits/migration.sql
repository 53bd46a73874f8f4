-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "of" TEXT,
ADD COLUMN     "op" TEXT NOT NULL DEFAULT 'send',
ADD COLUMN     "sentTo" JSONB;

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "trustId" TEXT,
    "name" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "base64" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoredFile_expiresAt_idx" ON "StoredFile"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_of_idx" ON "OutboxMessage"("of");

