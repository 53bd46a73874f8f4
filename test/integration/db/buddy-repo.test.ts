import type { NewPair } from '../../../src/core/buddies-port';
import { PrismaBuddyRepo } from '../../../src/db/buddy-repo';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

const T = 'trust-a';
const at = (iso: string) => new Date(iso);

describe.each(databaseKinds)('PrismaBuddyRepo on %s', (kind) => {
  let db: TestDatabase;
  let repo: PrismaBuddyRepo;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    repo = new PrismaBuddyRepo(db.prisma);
  });
  afterAll(async () => db.destroy());

  function pair(requestId: string, menteeId: string, buddyId: string): NewPair {
    return { requestId, menteeId, buddyId, groupId: `${buddyId}:${menteeId}`, score: 90, reasons: [{ code: 'new-senco' }], repeat: false };
  }

  it('keeps buddy settings per trust, replacing them on save', async () => {
    await repo.saveSettings(
      T,
      { personId: 'b1', available: true, optedOut: false, capacity: 2, strengths: ['semh'] },
      at('2026-11-30T09:00:00Z'),
    );
    await repo.saveSettings(
      T,
      { personId: 'b1', available: true, optedOut: false, capacity: 3, strengths: ['semh', 'parents'] },
      at('2026-11-30T10:00:00Z'),
    );
    expect(await repo.settings(T, 'b1')).toEqual({
      personId: 'b1',
      available: true,
      optedOut: false,
      capacity: 3,
      strengths: ['semh', 'parents'],
    });
    expect(await repo.settings('trust-other', 'b1')).toBeNull();
    expect((await repo.allSettings(T)).map((s) => s.personId)).toEqual(['b1']);
  });

  it('keeps a trust setting for auto-approve, off by default, per trust', async () => {
    expect(await repo.trustSettings(T)).toEqual({ autoApprove: false });
    await repo.saveTrustSettings(T, { autoApprove: true }, 'lead', at('2026-11-30T09:00:00Z'));
    expect(await repo.trustSettings(T)).toEqual({ autoApprove: true });
    expect(await repo.trustSettings('trust-other')).toEqual({ autoApprove: false });
    await repo.saveTrustSettings(T, { autoApprove: false }, 'lead', at('2026-11-30T09:01:00Z'));
    expect(await repo.trustSettings(T)).toEqual({ autoApprove: false });
  });

  it('marks someone new once, at the same time or not, keeping their other settings', async () => {
    const marks = await Promise.all([1, 2, 3].map(() => repo.markNew(T, 'n1', 'lead', at('2026-11-30T09:00:00Z'))));
    expect(marks.filter(Boolean)).toHaveLength(1);
    expect(await repo.markNew(T, 'b1', 'lead', at('2026-11-30T09:00:00Z'))).toBe(true);
    expect(await repo.markNew(T, 'b1', 'lead', at('2026-11-30T09:00:00Z'))).toBe(false);
    expect(await repo.settings(T, 'b1')).toMatchObject({ available: true, capacity: 3 });
    expect(await repo.markedNew(T)).toEqual(['b1', 'n1']);
    expect(await repo.markedNew('trust-other')).toEqual([]);
  });

  it('opens one request per person however often they ask, and keeps the waiting list', async () => {
    const first = await repo.openRequest(T, { personId: 'm1', needs: ['semh'], wantsSpecialist: false }, at('2026-11-30T09:00:00Z'));
    const again = await repo.openRequest(T, { personId: 'm1', needs: ['parents'], wantsSpecialist: true }, at('2026-11-30T09:05:00Z'));
    expect(first.created).toBe(true);
    expect(again).toEqual({ request: first.request, created: false });
    expect(await repo.markWaiting(T, first.request.id, 'no-capacity')).toBe(true);
    expect(await repo.markWaiting('trust-other', first.request.id, 'no-capacity')).toBe(false);
    expect((await repo.openRequests(T)).map((r) => [r.personId, r.roundsWaiting, r.waitingReason])).toEqual([['m1', 1, 'no-capacity']]);
  });

  it('proposes once per request, approves once, and records meeting, follow-ups, feedback and the end', async () => {
    const { request } = await repo.openRequest(T, { personId: 'm2', needs: [], wantsSpecialist: false }, at('2026-11-30T09:00:00Z'));
    const [proposed] = await repo.propose(T, [pair(request.id, 'm2', 'b1')], at('2026-11-30T11:00:00Z'));
    expect(proposed).toMatchObject({ status: 'proposed', reasons: [{ code: 'new-senco' }], followUp: 'none' });
    expect(await repo.propose(T, [pair(request.id, 'm2', 'b2')], at('2026-11-30T11:01:00Z'))).toEqual([]);
    expect(await repo.approve('trust-other', proposed!.id, 'lead', '2026-12-01', '2027-07-21', at('2026-11-30T12:00:00Z'))).toBe(false);
    expect(await repo.approve(T, proposed!.id, 'lead', '2026-12-01', '2027-07-21', at('2026-11-30T12:00:00Z'))).toBe(true);
    expect(await repo.approve(T, proposed!.id, 'lead', '2026-12-01', '2027-07-21', at('2026-11-30T12:00:00Z'))).toBe(false);
    expect((await repo.getRequest(T, request.id))?.status).toBe('matched');
    expect(await repo.markMet(T, proposed!.id, at('2026-12-03T16:00:00Z'))).toBe(true);
    expect(await repo.markMet(T, proposed!.id, at('2026-12-04T16:00:00Z'))).toBe(false);
    expect(await repo.advanceFollowUp(T, proposed!.id, 'none', 'week2')).toBe(true);
    expect(await repo.advanceFollowUp(T, proposed!.id, 'none', 'week2')).toBe(false);
    expect(await repo.saveFeedback(T, proposed!.id, 'mentee', 'Really helpful')).toEqual({ ok: true, value: undefined });
    expect(await repo.saveFeedback(T, 'missing', 'buddy', 'x')).toEqual({ ok: false, error: 'not-found' });
    expect(await repo.history(T)).toEqual([['m2', 'b1']]);
    expect(await repo.loads(T)).toEqual(new Map([['b1', { active: 1, past: 1 }]]));
    expect(await repo.end(T, proposed!.id, 'finished', at('2027-07-21T15:00:00Z'))).toBe(true);
    expect(await repo.end(T, proposed!.id, 'finished', at('2027-07-21T15:00:00Z'))).toBe(false);
    expect(await repo.getPair(T, proposed!.id)).toMatchObject({
      status: 'ended',
      metAt: at('2026-12-03T16:00:00Z'),
      followUp: 'week2',
      menteeFeedback: 'Really helpful',
      endReason: 'finished',
    });
    expect(await repo.loads(T)).toEqual(new Map([['b1', { active: 0, past: 1 }]]));
    // After the pair ends the person can ask again: a new request.
    expect((await repo.openRequest(T, { personId: 'm2', needs: [], wantsSpecialist: false }, at('2027-09-10T09:00:00Z'))).created).toBe(
      true,
    );
  });

  it('a declined proposal frees the request for the next round; a withdrawn request closes it', async () => {
    const { request } = await repo.openRequest(T, { personId: 'm3', needs: [], wantsSpecialist: false }, at('2026-11-30T09:00:00Z'));
    const [first] = await repo.propose(T, [pair(request.id, 'm3', 'b1')], at('2026-11-30T11:00:00Z'));
    expect(await repo.decline(T, first!.id, at('2026-11-30T12:00:00Z'))).toBe(true);
    const [second] = await repo.propose(T, [pair(request.id, 'm3', 'b3')], at('2026-12-07T11:00:00Z'));
    expect(second?.buddyId).toBe('b3');
    expect(await repo.withdrawRequest(T, request.id, at('2026-12-08T09:00:00Z'))).toBe(true);
    expect((await repo.getPair(T, second!.id))?.status).toBe('declined');
    expect(await repo.propose(T, [pair(request.id, 'm3', 'b4')], at('2026-12-09T11:00:00Z'))).toEqual([]);
    expect((await repo.pairs(T, ['declined'])).map((p) => p.buddyId)).toEqual(['b1', 'b3']);
  });
});
