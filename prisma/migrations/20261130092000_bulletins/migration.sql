-- CreateTable
CREATE TABLE "Bulletin" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "area" TEXT,
    "ackRequired" BOOLEAN NOT NULL,
    "audience" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "closedBy" TEXT,
    "editedAt" TIMESTAMPTZ(3),
    "recalledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulletinAck" (
    "bulletinId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BulletinAck_pkey" PRIMARY KEY ("bulletinId","personId")
);

-- CreateTable
CREATE TABLE "BulletinSender" (
    "trustId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "grantedBy" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BulletinSender_pkey" PRIMARY KEY ("trustId","personId")
);

-- CreateIndex
CREATE INDEX "Bulletin_trustId_createdAt_idx" ON "Bulletin"("trustId", "createdAt");

-- AddForeignKey
ALTER TABLE "BulletinAck" ADD CONSTRAINT "BulletinAck_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

