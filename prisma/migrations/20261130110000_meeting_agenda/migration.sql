-- CreateTable
CREATE TABLE "MeetingAgenda" (
    "occurrenceId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "topicIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "strengthSchoolId" TEXT,
    "strengthPresenterId" TEXT,
    "strengthTitle" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "MeetingAgenda_pkey" PRIMARY KEY ("occurrenceId")
);

-- AddForeignKey
ALTER TABLE "MeetingAgenda" ADD CONSTRAINT "MeetingAgenda_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "MeetingOccurrence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

