-- CreateTable
CREATE TABLE "SelfEvalFramework" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "base" TEXT NOT NULL,
    "areas" JSONB NOT NULL,
    "ratings" JSONB NOT NULL,
    "note" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfEvalFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfEvalCycle" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "frameworkVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "previousCycleId" TEXT,
    "createdBy" TEXT,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SelfEvalCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfEvalAnswer" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "frameworkVersion" INTEGER NOT NULL,
    "rating" TEXT NOT NULL,
    "evidence" TEXT,
    "help" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfEvalAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SelfEvalFramework_trustId_version_key" ON "SelfEvalFramework"("trustId", "version");

-- CreateIndex
CREATE INDEX "SelfEvalCycle_trustId_status_idx" ON "SelfEvalCycle"("trustId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SelfEvalCycle_trustId_label_key" ON "SelfEvalCycle"("trustId", "label");

-- CreateIndex
CREATE INDEX "SelfEvalAnswer_trustId_schoolId_idx" ON "SelfEvalAnswer"("trustId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfEvalAnswer_cycleId_schoolId_statementId_key" ON "SelfEvalAnswer"("cycleId", "schoolId", "statementId");

-- AddForeignKey
ALTER TABLE "SelfEvalAnswer" ADD CONSTRAINT "SelfEvalAnswer_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "SelfEvalCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

