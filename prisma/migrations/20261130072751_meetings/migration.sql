-- CreateTable
CREATE TABLE "MeetingSeries" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "perTerm" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "time" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "venue" TEXT,
    "joinUrl" TEXT,
    "schoolIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "leaderId" TEXT NOT NULL,
    "yearLabel" TEXT NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingOccurrence" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "schoolsOff" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRsvp" (
    "id" TEXT NOT NULL,
    "occurrenceId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "attended" BOOLEAN NOT NULL DEFAULT false,
    "attendedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MeetingRsvp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaTopic" (
    "id" TEXT NOT NULL,
    "occurrenceId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "proposedBy" TEXT,
    "slot" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgendaTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaVote" (
    "topicId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AgendaVote_pkey" PRIMARY KEY ("topicId","personId")
);

-- CreateTable
CREATE TABLE "MeetingNotes" (
    "occurrenceId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "actions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "postedBy" TEXT NOT NULL,
    "postedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingNotes_pkey" PRIMARY KEY ("occurrenceId")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingSeries_trustId_idx" ON "MeetingSeries"("trustId");

-- CreateIndex
CREATE INDEX "MeetingOccurrence_trustId_startsAt_idx" ON "MeetingOccurrence"("trustId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingOccurrence_seriesId_key_key" ON "MeetingOccurrence"("seriesId", "key");

-- CreateIndex
CREATE INDEX "MeetingRsvp_trustId_personId_idx" ON "MeetingRsvp"("trustId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRsvp_occurrenceId_personId_key" ON "MeetingRsvp"("occurrenceId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaTopic_occurrenceId_normalized_key" ON "AgendaTopic"("occurrenceId", "normalized");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_trustId_personId_idx" ON "CalendarFeedToken"("trustId", "personId");

-- AddForeignKey
ALTER TABLE "MeetingOccurrence" ADD CONSTRAINT "MeetingOccurrence_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRsvp" ADD CONSTRAINT "MeetingRsvp_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "MeetingOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaTopic" ADD CONSTRAINT "AgendaTopic_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "MeetingOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaVote" ADD CONSTRAINT "AgendaVote_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "AgendaTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingNotes" ADD CONSTRAINT "MeetingNotes_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "MeetingOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

