-- CreateTable
CREATE TABLE "RatePace" (
    "bucket" TEXT NOT NULL,
    "nextAtMs" DOUBLE PRECISION NOT NULL,
    "pausedUntilMs" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "RatePace_pkey" PRIMARY KEY ("bucket")
);

