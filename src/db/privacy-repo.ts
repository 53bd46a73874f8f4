import type { Prisma } from '@prisma/client';
import type { Platform } from '../core/model';
import type { AuditEntryInput, Clock } from '../core/ports';
import type { PersonalData, PrivacyRepo } from '../core/roster-port';
import { fail, ok, type Result } from '../core/result';
import type { Db } from './database';
import { personErasers } from './erasers';
import { personSelect, toPerson } from './roster-mapping';

/** The name an erased person's row keeps, so counts and the audit trail still add up. */
export const ERASED_NAME = 'Erased person';

/** What the bot holds about a person, and erasing it (docs/data-and-privacy.md). */
export class PrismaPrivacyRepo implements PrivacyRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async personalData(trustId: string, personId: string): Promise<PersonalData | null> {
    const row = await this.db.person.findFirst({
      where: { id: personId, trustId, erasedAt: null },
      select: { ...personSelect, school: { select: { name: true } } },
    });
    if (!row) return null;
    const [identities, requests, audit, features] = await Promise.all([
      this.db.chatIdentity.findMany({
        where: { personId },
        select: { platform: true, userId: true, email: true, displayName: true, lastSeenAt: true, unreachableAt: true },
        orderBy: { createdAt: 'asc' },
      }),
      this.db.approvalRequest.findMany({
        where: { trustId, OR: [{ personId }, { identity: { personId } }] },
        select: { kind: true, status: true, createdAt: true },
      }),
      this.db.auditEntry.count({ where: { trustId, OR: [{ actorId: personId }, { subject: personId }] } }),
      this.featureData(trustId, personId),
    ]);
    return {
      person: toPerson(row),
      schoolName: row.school?.name ?? null,
      identities: identities.map((i) => ({
        platform: i.platform as Platform,
        userId: i.userId,
        email: i.email,
        displayName: i.displayName,
        lastSeenAt: i.lastSeenAt,
        reachable: i.unreachableAt === null,
      })),
      requests,
      auditEntriesAboutOrBy: audit,
      features,
    };
  }

  private async featureData(trustId: string, personId: string): Promise<PersonalData['features']> {
    const out: PersonalData['features'] = {};
    for (const eraser of personErasers) {
      const data = await eraser.personalData?.(this.db, trustId, personId);
      if (data) out[eraser.feature] = data;
    }
    return out;
  }

  async erase(
    trustId: string,
    personId: string,
    d: { requestId: string; deciderId: string | null },
    audit: AuditEntryInput[],
  ): Promise<Result<void, 'conflict'>> {
    const now = this.clock.now();
    const outcome = await this.db.$transaction(async (tx) => {
      const decided = await tx.approvalRequest.updateMany({
        where: { id: d.requestId, trustId, personId, kind: 'erase', status: 'pending' },
        data: { status: 'approved', decidedById: d.deciderId, decidedAt: now, data: {} },
      });
      if (decided.count !== 1) return 'conflict' as const;
      // Each feature removes what it keeps about them (src/db/erasers/), then the row itself.
      for (const eraser of personErasers) await eraser.erase({ tx, trustId, personId, now });
      await tx.person.update({
        where: { id: personId },
        data: {
          name: ERASED_NAME,
          email: null,
          schoolId: null,
          preferredPlatform: null,
          appointedOn: null,
          priorSencoMonths: null,
          qualification: null,
          qualificationStartedOn: null,
          qualificationCompletedOn: null,
          tags: [],
          pausedUntil: null,
          archivedAt: now,
          erasedAt: now,
        },
      });
      await tx.auditEntry.createMany({
        data: audit.map((a) => ({
          trustId: a.trustId,
          actorId: a.actorId,
          action: a.action,
          subject: a.subject ?? null,
          details: (a.details ?? undefined) as Prisma.InputJsonValue | undefined,
          at: now,
        })),
      });
      return 'done' as const;
    });
    return outcome === 'done' ? ok(undefined) : fail('conflict');
  }
}
