-- AlterTable
ALTER TABLE "BuddyProfile" ADD COLUMN     "markedNewAt" TIMESTAMPTZ(3),
ADD COLUMN     "markedNewBy" TEXT;

-- CreateTable
CREATE TABLE "BuddyTrustSetting" (
    "trustId" TEXT NOT NULL,
    "autoApprove" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "BuddyTrustSetting_pkey" PRIMARY KEY ("trustId")
);

