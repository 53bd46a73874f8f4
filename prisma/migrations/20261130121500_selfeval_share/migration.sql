-- CreateTable
CREATE TABLE "SelfEvalShare" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "sharedBy" TEXT,
    "sharedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfEvalShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SelfEvalShare_trustId_cycleId_idx" ON "SelfEvalShare"("trustId", "cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfEvalShare_cycleId_schoolId_key" ON "SelfEvalShare"("cycleId", "schoolId");

-- AddForeignKey
ALTER TABLE "SelfEvalShare" ADD CONSTRAINT "SelfEvalShare_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "SelfEvalCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

