-- AlterTable
ALTER TABLE "Person" DROP COLUMN "priorSencoYears",
DROP COLUMN "qualificationDate",
ADD COLUMN     "priorSencoMonths" INTEGER,
ADD COLUMN     "qualificationCompletedOn" TEXT,
ADD COLUMN     "qualificationStartedOn" TEXT;

-- CreateTable
CREATE TABLE "ApprovalRequest" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "identityId" TEXT,
    "personId" TEXT,
    "data" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterImport" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "actorId" TEXT,
    "fileName" TEXT NOT NULL,
    "content" TEXT,
    "planHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'previewed',
    "summary" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RosterImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApprovalRequest_trustId_status_idx" ON "ApprovalRequest"("trustId", "status");

-- CreateIndex
CREATE INDEX "ApprovalRequest_identityId_idx" ON "ApprovalRequest"("identityId");

-- CreateIndex
CREATE INDEX "RosterImport_trustId_createdAt_idx" ON "RosterImport"("trustId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Trust_name_key" ON "Trust"("name");

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_trustId_fkey" FOREIGN KEY ("trustId") REFERENCES "Trust"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRequest" ADD CONSTRAINT "ApprovalRequest_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "ChatIdentity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterImport" ADD CONSTRAINT "RosterImport_trustId_fkey" FOREIGN KEY ("trustId") REFERENCES "Trust"("id") ON DELETE CASCADE ON UPDATE CASCADE;

