-- CreateTable
CREATE TABLE "BuddyProfile" (
    "trustId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT false,
    "optedOut" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "strengths" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BuddyProfile_pkey" PRIMARY KEY ("trustId","personId")
);

-- CreateTable
CREATE TABLE "BuddyRequest" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "openKey" TEXT,
    "needs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "wantsSpecialist" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "roundsWaiting" INTEGER NOT NULL DEFAULT 0,
    "waitingReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BuddyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuddyPair" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "buddyId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "liveKey" TEXT,
    "score" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "repeat" BOOLEAN NOT NULL DEFAULT false,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL,
    "approvedAt" TIMESTAMPTZ(3),
    "approvedBy" TEXT,
    "startsOn" TEXT,
    "endsOn" TEXT,
    "metAt" TIMESTAMPTZ(3),
    "followUp" TEXT NOT NULL DEFAULT 'none',
    "menteeFeedback" TEXT,
    "buddyFeedback" TEXT,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,

    CONSTRAINT "BuddyPair_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BuddyRequest_openKey_key" ON "BuddyRequest"("openKey");

-- CreateIndex
CREATE INDEX "BuddyRequest_trustId_status_idx" ON "BuddyRequest"("trustId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BuddyPair_liveKey_key" ON "BuddyPair"("liveKey");

-- CreateIndex
CREATE INDEX "BuddyPair_trustId_status_idx" ON "BuddyPair"("trustId", "status");

-- CreateIndex
CREATE INDEX "BuddyPair_trustId_buddyId_idx" ON "BuddyPair"("trustId", "buddyId");

-- CreateIndex
CREATE INDEX "BuddyPair_trustId_menteeId_idx" ON "BuddyPair"("trustId", "menteeId");

-- AddForeignKey
ALTER TABLE "BuddyPair" ADD CONSTRAINT "BuddyPair_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BuddyRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

