-- CreateTable
CREATE TABLE "ChecklistVersion" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "base" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "note" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckinSettings" (
    "trustId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL DEFAULT 'termly',
    "rule" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckinSettings_pkey" PRIMARY KEY ("trustId")
);

-- CreateTable
CREATE TABLE "CheckinRound" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "year" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "half" INTEGER NOT NULL DEFAULT 0,
    "cadence" TEXT NOT NULL,
    "checklistVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "rule" TEXT,
    "createdBy" TEXT,
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckinRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolCheckin" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "sencoIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "itemIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "prefill" JSONB NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolCheckin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckinAnswer" (
    "id" TEXT NOT NULL,
    "checkinId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "checklistVersion" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "followUpHelp" TEXT,
    "followUpBy" TEXT,
    "source" TEXT NOT NULL,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckinAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistVersion_trustId_version_key" ON "ChecklistVersion"("trustId", "version");

-- CreateIndex
CREATE INDEX "CheckinRound_status_opensAt_idx" ON "CheckinRound"("status", "opensAt");

-- CreateIndex
CREATE INDEX "CheckinRound_status_closesAt_idx" ON "CheckinRound"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinRound_trustId_year_term_half_key" ON "CheckinRound"("trustId", "year", "term", "half");

-- CreateIndex
CREATE INDEX "SchoolCheckin_trustId_schoolId_idx" ON "SchoolCheckin"("trustId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolCheckin_roundId_schoolId_key" ON "SchoolCheckin"("roundId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinAnswer_checkinId_itemId_key" ON "CheckinAnswer"("checkinId", "itemId");

-- AddForeignKey
ALTER TABLE "SchoolCheckin" ADD CONSTRAINT "SchoolCheckin_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "CheckinRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinAnswer" ADD CONSTRAINT "CheckinAnswer_checkinId_fkey" FOREIGN KEY ("checkinId") REFERENCES "SchoolCheckin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

