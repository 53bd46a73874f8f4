-- Integrity rules the database enforces whatever the timing (docs/security.md).
-- Written by hand: Prisma's schema language cannot express expression or partial indexes,
-- so these live only here (a later `npm run db:diff` does not see or drop them).

-- One trust per name regardless of case. Names already clashing by case keep their rows and
-- get a suffix from their id, so this index can be created on any existing installation.
UPDATE "Trust" t SET "name" = t."name" || ' (' || left(t."id", 8) || ')'
WHERE EXISTS (SELECT 1 FROM "Trust" o WHERE lower(o."name") = lower(t."name") AND o."id" < t."id");
CREATE UNIQUE INDEX "Trust_name_lower_key" ON "Trust" (lower("name"));

-- One pending request per meaning: a join per chat account, an erasure per person. Older
-- duplicates (double presses before this rule) are closed as rejected, keeping the first.
UPDATE "ApprovalRequest" r SET "status" = 'rejected', "data" = '{}'
WHERE r."status" = 'pending' AND EXISTS (
  SELECT 1 FROM "ApprovalRequest" o
  WHERE o."status" = 'pending' AND o."kind" = r."kind"
    AND ((r."kind" = 'join' AND o."identityId" = r."identityId") OR (r."kind" = 'erase' AND o."trustId" = r."trustId" AND o."personId" = r."personId"))
    AND (o."createdAt", o."id") < (r."createdAt", r."id"));
CREATE UNIQUE INDEX "ApprovalRequest_pending_join_key" ON "ApprovalRequest" ("identityId") WHERE "status" = 'pending' AND "kind" = 'join';
CREATE UNIQUE INDEX "ApprovalRequest_pending_erase_key" ON "ApprovalRequest" ("trustId", "personId") WHERE "status" = 'pending' AND "kind" = 'erase';
