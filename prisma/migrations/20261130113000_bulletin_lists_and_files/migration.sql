-- CreateTable
CREATE TABLE "BulletinList" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BulletinList_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BulletinList_trustId_name_key" ON "BulletinList"("trustId", "name");

-- AlterTable
ALTER TABLE "Bulletin" ADD COLUMN "files" JSONB NOT NULL DEFAULT '[]';
