-- CreateTable
CREATE TABLE "DigestSettings" (
    "trustId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "holidays" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DigestSettings_pkey" PRIMARY KEY ("trustId")
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "trustId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "subscribed" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("trustId","personId")
);

-- CreateTable
CREATE TABLE "DigestSnapshot" (
    "trustId" TEXT NOT NULL,
    "weekOf" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DigestSnapshot_pkey" PRIMARY KEY ("trustId","weekOf")
);

