import { applyChange } from '../../../src/core/checkin/checklist';
import { CHECKLIST_V1 } from '../../../src/core/checkin/checklist-v1';
import type { CheckinAnswer, RoundPeriod } from '../../../src/core/checkin/model';
import { PrismaCheckinRepo } from '../../../src/db/checkin-repo';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

const T = 'trust-a';
const autumn: RoundPeriod = { year: '2026-27', term: 'autumn', half: null };
const spring: RoundPeriod = { year: '2026-27', term: 'spring', half: null };

function answer(checkinId: string, itemId: string, value: string, extra: Partial<CheckinAnswer> = {}): CheckinAnswer {
  return {
    checkinId,
    itemId,
    checklistVersion: 1,
    value,
    note: null,
    followUp: null,
    source: 'answered',
    answeredBy: 'p1',
    answeredAt: new Date('2026-10-01T10:00:00Z'),
    ...extra,
  };
}

describe.each(databaseKinds)('PrismaCheckinRepo on %s', (kind) => {
  let db: TestDatabase;
  let repo: PrismaCheckinRepo;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    repo = new PrismaCheckinRepo(db.prisma);
  });
  afterAll(async () => db.destroy());

  async function openRound(period = autumn, opensAt = new Date('2026-09-15T14:45:00Z')) {
    const created = await repo.createRound({
      trustId: T,
      period,
      cadence: 'termly',
      opensAt,
      closesAt: new Date(opensAt.getTime() + 14 * 86400_000),
      rule: null,
      createdBy: 'lead',
    });
    if (!created.ok) throw new Error(created.error);
    const opened = await repo.openRound(
      T,
      created.value.id,
      1,
      [
        {
          schoolId: 's1',
          sencoIds: ['p1'],
          itemIds: ['sen-policy', 'graduated-approach'],
          prefill: { 'sen-policy': { value: 'yes', source: 'last-round' } },
        },
      ],
      opensAt,
    );
    expect(opened).toBe(true);
    const [checkin] = await repo.checkinsOfRound(T, created.value.id);
    return { round: created.value, checkin: checkin! };
  }

  it('starts every trust on checklist-v1 and stores new versions beside it', async () => {
    expect(await repo.checklist('trust-z')).toBe(CHECKLIST_V1);
    const v2 = applyChange(CHECKLIST_V1, { kind: 'off', itemId: 'send-governance' });
    if (!v2.ok) throw new Error(v2.error);
    expect(await repo.saveChecklist('trust-z', v2.value, 'lead')).toEqual({ ok: true, value: undefined });
    expect(await repo.saveChecklist('trust-z', v2.value, 'lead')).toEqual({ ok: false, error: 'conflict' });
    expect((await repo.checklist('trust-z')).version).toBe(2);
    expect((await repo.checklistVersion('trust-z', 1))?.items).toEqual(CHECKLIST_V1.items);
    expect(await repo.checklistVersion('trust-z', 3)).toBeNull();
    expect(await repo.checklist('trust-other')).toBe(CHECKLIST_V1);
  });

  it('finds a version saved after it was asked for, by another replica too', async () => {
    const replica = new PrismaCheckinRepo(db.prisma);
    expect(await repo.checklistVersion('trust-late', 2)).toBeNull();
    const v2 = applyChange(CHECKLIST_V1, { kind: 'off', itemId: 'send-governance' });
    if (!v2.ok) throw new Error(v2.error);
    expect(await replica.saveChecklist('trust-late', v2.value, 'lead')).toEqual({ ok: true, value: undefined });
    expect((await repo.checklistVersion('trust-late', 2))?.items).toEqual(v2.value.items);
    expect((await repo.checklistVersion('trust-late', 2))?.items).toEqual(v2.value.items);
  });

  it('creates one round per period, opens it once, and keeps settings', async () => {
    const { round, checkin } = await openRound();
    expect(round).toMatchObject({ status: 'scheduled', checklistVersion: 1, period: autumn });
    expect(await repo.openRound(T, round.id, 1, [], new Date())).toBe(false);
    expect(checkin).toMatchObject({
      schoolId: 's1',
      itemIds: ['sen-policy', 'graduated-approach'],
      prefill: { 'sen-policy': { value: 'yes', source: 'last-round' } },
    });
    const again = await repo.createRound({
      trustId: T,
      period: autumn,
      cadence: 'termly',
      opensAt: new Date(),
      closesAt: new Date(),
      rule: null,
      createdBy: null,
    });
    expect(again).toEqual({ ok: false, error: 'exists' });
    expect(await repo.getRound('trust-other', round.id)).toBeNull();
    expect((await repo.openRounds()).map((r) => r.id)).toContain(round.id);
    expect(await repo.settings(T)).toEqual({ cadence: 'termly', rule: null });
    await repo.saveSettings(T, { cadence: 'half-termly', rule: 'Tuesdays at 15:45' });
    expect(await repo.settings(T)).toEqual({ cadence: 'half-termly', rule: 'Tuesdays at 15:45' });
  });

  it('saves answers once per item: a second press is unchanged, a new value updates', async () => {
    const round = (await repo.listRounds(T, 1))[0]!;
    const [checkin] = await repo.checkinsOfRound(T, round.id);
    const id = checkin!.id;
    expect(await repo.saveAnswer(T, answer(id, 'graduated-approach', 'partly'))).toEqual({ ok: true, value: 'created' });
    expect(await repo.setFollowUp(T, id, 'graduated-approach', { help: 'EP time', by: '2026-11-01' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await repo.saveAnswer(T, answer(id, 'graduated-approach', 'partly'))).toEqual({ ok: true, value: 'unchanged' });
    expect((await repo.answers(T, id))[0]!.followUp).toEqual({ help: 'EP time', by: '2026-11-01' });
    expect(await repo.saveAnswer(T, answer(id, 'graduated-approach', 'yes'))).toEqual({ ok: true, value: 'updated' });
    const answers = await repo.answers(T, id);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ value: 'yes', followUp: null });
    expect((await repo.getCheckin(T, id))!.checkin.completedAt).toBeNull();
    expect(
      await repo.saveAnswers(T, id, [answer(id, 'sen-policy', 'yes', { source: 'unchanged' }), answer(id, 'graduated-approach', 'no')]),
    ).toEqual({ ok: true, value: 1 });
    expect((await repo.answers(T, id)).find((a) => a.itemId === 'graduated-approach')!.value).toBe('yes');
    expect((await repo.getCheckin(T, id))!.checkin.completedAt).not.toBeNull();
    expect(await repo.setFollowUp(T, id, 'nope', null)).toEqual({ ok: false, error: 'no-answer' });
  });

  it("refuses answers to another trust's check-in and to a closed round", async () => {
    const round = (await repo.listRounds(T, 1))[0]!;
    const [checkin] = await repo.checkinsOfRound(T, round.id);
    expect(await repo.saveAnswer('trust-other', answer(checkin!.id, 'sen-policy', 'no'))).toEqual({ ok: false, error: 'not-found' });
    expect(await repo.getCheckin('trust-other', checkin!.id)).toBeNull();
    expect(await repo.closeRound(T, round.id, new Date('2026-10-02T16:00:00Z'))).toBe(true);
    expect(await repo.closeRound(T, round.id, new Date())).toBe(false);
    expect(await repo.saveAnswer(T, answer(checkin!.id, 'sen-policy', 'no'))).toEqual({ ok: false, error: 'closed' });
    expect(await repo.saveAnswers(T, checkin!.id, [answer(checkin!.id, 'x', 'no')])).toEqual({ ok: false, error: 'closed' });
    expect((await repo.answers(T, checkin!.id)).find((a) => a.itemId === 'sen-policy')!.value).toBe('yes');
  });

  it("gives a school's history from other rounds and its previous check-in", async () => {
    const { round, checkin } = await openRound(spring, new Date('2027-01-12T15:45:00Z'));
    await repo.saveAnswer(T, answer(checkin.id, 'graduated-approach', 'no', { answeredAt: new Date('2027-01-13T10:00:00Z') }));
    const history = await repo.history(T, 's1', round.id);
    expect(history.map((h) => [h.itemId, h.value, h.period.term]).sort()).toEqual([
      ['graduated-approach', 'yes', 'autumn'],
      ['sen-policy', 'yes', 'autumn'],
    ]);
    expect(history[0]!.sencoIds).toEqual(['p1']);
    const previous = await repo.previousCheckin(T, 's1', round.id);
    expect(previous?.round.period).toEqual(autumn);
    expect(previous?.answers).toHaveLength(2);
    expect(await repo.previousCheckin(T, 's1', previous!.round.id)).toBeNull();
    // The batched form agrees, and leaves out a school with no earlier check-in.
    const batch = await repo.previousCheckins(T, ['s1', 'no-such-school'], round.id);
    expect([...batch.keys()]).toEqual(['s1']);
    expect(batch.get('s1')?.checkin.id).toBe(previous?.checkin.id);
    expect((await repo.openCheckins(T, ['s1'])).map((c) => c.checkin.id)).toEqual([checkin.id]);
    expect(await repo.roundsDue('close', new Date('2027-01-20T00:00:00Z'), new Date('2027-01-27T00:00:00Z'))).toHaveLength(1);
  });

  it('drops a scheduled round that has not opened', async () => {
    const created = await repo.createRound({
      trustId: T,
      period: { year: '2026-27', term: 'summer', half: null },
      cadence: 'termly',
      opensAt: new Date('2027-04-20T14:45:00Z'),
      closesAt: new Date('2027-05-04T16:00:00Z'),
      rule: 'Tuesdays at 15:45',
      createdBy: null,
    });
    if (!created.ok) throw new Error(created.error);
    expect((await repo.roundsDue('open', new Date('2027-04-20T14:00:00Z'), new Date('2027-04-20T15:00:00Z'))).map((r) => r.id)).toEqual([
      created.value.id,
    ]);
    expect(await repo.cancelRound(T, created.value.id)).toBe(true);
    expect(await repo.cancelRound(T, created.value.id)).toBe(false);
  });
});
