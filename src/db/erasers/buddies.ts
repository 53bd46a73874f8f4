import type { Prisma } from '@prisma/client';
import type { PersonEraser } from './eraser';

type Tx = Prisma.TransactionClient;

/**
 * Their buddy settings and requests go; pairs they were in end quietly (no message to anyone)
 * but stay, anonymous, so the other side's history and the trust's counts hold. A mentee
 * whose buddy is erased goes back on the waiting list, as after "not working".
 */
export const buddiesEraser: PersonEraser = {
  feature: 'buddies',
  columns: {
    'BuddyProfile.personId': 'deleted',
    'BuddyProfile.markedNewBy': 'unlinked (others they marked new stay marked)',
    'BuddyTrustSetting.updatedBy': 'unlinked',
    'BuddyRequest.personId': 'deleted if never paired; else closed, emptied and kept with the anonymous id (its pairs hang off it)',
    'BuddyPair.menteeId': 'kept: anonymous id; live pairs ended (left), their feedback and the match reasons emptied',
    'BuddyPair.buddyId': 'kept: anonymous id; live pairs ended (left), their feedback and the match reasons emptied',
    'BuddyPair.approvedBy': 'unlinked',
  },
  async personalData(db, trustId, personId) {
    const [settings, requests, pairs] = await Promise.all([
      db.buddyProfile.findUnique({
        where: { trustId_personId: { trustId, personId } },
        select: { available: true, optedOut: true, capacity: true, strengths: true },
      }),
      db.buddyRequest.findMany({
        where: { trustId, personId },
        select: { needs: true, wantsSpecialist: true, status: true, createdAt: true },
      }),
      db.buddyPair.findMany({
        where: { trustId, OR: [{ menteeId: personId }, { buddyId: personId }] },
        select: { menteeId: true, status: true, startsOn: true, endsOn: true, menteeFeedback: true, buddyFeedback: true },
      }),
    ]);
    if (!settings && requests.length === 0 && pairs.length === 0) return null;
    return {
      settings,
      requests,
      pairs: pairs.map((p) => {
        const asMentee = p.menteeId === personId;
        const yourFeedback = asMentee ? p.menteeFeedback : p.buddyFeedback;
        return { youAre: asMentee ? 'mentee' : 'buddy', status: p.status, startsOn: p.startsOn, endsOn: p.endsOn, yourFeedback };
      }),
    };
  },
  async erase({ tx, trustId, personId, now }) {
    await tx.buddyProfile.deleteMany({ where: { trustId, personId } });
    await tx.buddyProfile.updateMany({ where: { trustId, markedNewBy: personId }, data: { markedNewBy: null } });
    await tx.buddyTrustSetting.updateMany({ where: { trustId, updatedBy: personId }, data: { updatedBy: null } });
    await endLivePairs(tx, trustId, personId, now);
    await tx.buddyPair.updateMany({ where: { trustId, menteeId: personId }, data: { menteeFeedback: null, reasons: [] } });
    await tx.buddyPair.updateMany({ where: { trustId, buddyId: personId }, data: { buddyFeedback: null, reasons: [] } });
    await tx.buddyPair.updateMany({ where: { trustId, approvedBy: personId }, data: { approvedBy: null } });
    await tx.buddyRequest.deleteMany({ where: { trustId, personId, pairs: { none: {} } } });
    await tx.buddyRequest.updateMany({
      where: { trustId, personId },
      data: { openKey: null, needs: [], wantsSpecialist: false, waitingReason: null },
    });
    await tx.buddyRequest.updateMany({ where: { trustId, personId, status: 'open' }, data: { status: 'withdrawn', closedAt: now } });
  },
};

async function endLivePairs(tx: Tx, trustId: string, personId: string, now: Date): Promise<void> {
  const live = await tx.buddyPair.findMany({
    where: { trustId, status: { in: ['proposed', 'active'] }, OR: [{ menteeId: personId }, { buddyId: personId }] },
    select: { id: true, status: true, menteeId: true, requestId: true },
  });
  for (const pair of live) {
    await tx.buddyPair.update({
      where: { id: pair.id },
      data: { status: pair.status === 'active' ? 'ended' : 'declined', liveKey: null, endedAt: now, endReason: 'left' },
    });
    // A proposed pair never closed the mentee's request, so they are still waiting; an active
    // one did, so its mentee (if not the erased person) asks again with the same needs.
    if (pair.status === 'active' && pair.menteeId !== personId) await reopenFor(tx, trustId, pair.menteeId, pair.requestId, now);
  }
}

async function reopenFor(tx: Tx, trustId: string, menteeId: string, requestId: string, now: Date): Promise<void> {
  const openKey = `${trustId}:${menteeId}`; // as PrismaBuddyRepo.openRequest
  if (await tx.buddyRequest.findUnique({ where: { openKey }, select: { id: true } })) return;
  const before = await tx.buddyRequest.findUnique({ where: { id: requestId }, select: { needs: true, wantsSpecialist: true } });
  await tx.buddyRequest.create({
    data: {
      trustId,
      personId: menteeId,
      openKey,
      needs: before?.needs ?? [],
      wantsSpecialist: before?.wantsSpecialist ?? false,
      status: 'open',
      createdAt: now,
    },
  });
}
