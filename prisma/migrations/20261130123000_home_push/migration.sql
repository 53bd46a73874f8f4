-- CreateTable
CREATE TABLE "HomeTab" (
    "personId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "target" JSONB NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HomeTab_pkey" PRIMARY KEY ("personId","platform")
);

-- CreateTable
CREATE TABLE "HomeChange" (
    "trustId" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HomeChange_pkey" PRIMARY KEY ("trustId")
);

-- CreateIndex
CREATE INDEX "HomeChange_changedAt_idx" ON "HomeChange"("changedAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");


-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_idx" ON "OutboxMessage"("sentAt");
