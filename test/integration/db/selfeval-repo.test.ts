import { FRAMEWORK_V1 } from '../../../src/core/selfeval/framework-v1';
import type { SelfEvalAnswer } from '../../../src/core/selfeval/model';
import { PrismaSelfEvalRepo } from '../../../src/db/selfeval-repo';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

const T = 'trust-a';
const at = (iso: string) => new Date(iso);

function answer(cycleId: string, statementId: string, extra: Partial<SelfEvalAnswer> = {}): SelfEvalAnswer {
  return {
    cycleId,
    schoolId: 's1',
    statementId,
    frameworkVersion: 1,
    rating: 'developing',
    evidence: null,
    help: 'Time with another SENCO',
    answeredBy: 'p1',
    answeredAt: at('2027-01-12T15:00:00Z'),
    ...extra,
  };
}

describe.each(databaseKinds)('PrismaSelfEvalRepo on %s', (kind) => {
  let db: TestDatabase;
  let repo: PrismaSelfEvalRepo;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    repo = new PrismaSelfEvalRepo(db.prisma);
  });
  afterAll(async () => db.destroy());

  it('starts every trust on selfeval-v1 and keeps later versions beside it', async () => {
    expect(await repo.framework('trust-z')).toBe(FRAMEWORK_V1);
    const v2 = { ...FRAMEWORK_V1, version: 2, note: 'Reworded leadership-plan' };
    expect(await repo.saveFramework('trust-z', v2, 'lead', at('2026-11-30T09:00:00Z'))).toEqual({ ok: true, value: undefined });
    expect(await repo.saveFramework('trust-z', v2, 'lead', at('2026-11-30T09:00:00Z'))).toEqual({ ok: false, error: 'conflict' });
    expect(await repo.framework('trust-z')).toEqual(v2);
    expect((await repo.frameworkVersion('trust-z', 1))?.areas).toEqual(FRAMEWORK_V1.areas);
    expect(await repo.frameworkVersion('trust-z', 3)).toBeNull();
  });

  it('opens one cycle per label, links it to the one before, and closes once', async () => {
    const first = await repo.openCycle(T, '2025-26', 'lead', at('2025-10-01T09:00:00Z'));
    if (!first.ok) throw new Error(first.error);
    expect(first.value).toMatchObject({ label: '2025-26', frameworkVersion: 1, status: 'open', previousCycleId: null });
    expect(await repo.openCycle(T, '2025-26', 'lead', at('2025-10-02T09:00:00Z'))).toEqual({ ok: false, error: 'exists' });
    expect(await repo.closeCycle(T, first.value.id, at('2026-07-01T09:00:00Z'))).toBe(true);
    expect(await repo.closeCycle(T, first.value.id, at('2026-07-01T09:00:00Z'))).toBe(false);
    const second = await repo.openCycle(T, '2026-27', 'lead', at('2026-10-01T09:00:00Z'));
    if (!second.ok) throw new Error(second.error);
    expect(second.value.previousCycleId).toBe(first.value.id);
    expect((await repo.cycles(T)).map((c) => c.label)).toEqual(['2026-27', '2025-26']);
    expect(await repo.getCycle('trust-other', second.value.id)).toBeNull();
  });

  it('saves one answer per statement, says whether it changed, and refuses a closed cycle', async () => {
    const [open, closed] = await repo.cycles(T);
    expect(await repo.saveAnswer(T, answer(open!.id, 'leadership-plan'))).toEqual({ ok: true, value: 'created' });
    expect(await repo.saveAnswer(T, answer(open!.id, 'leadership-plan'))).toEqual({ ok: true, value: 'unchanged' });
    expect(await repo.saveAnswer(T, answer(open!.id, 'leadership-plan', { rating: 'established', help: null }))).toEqual({
      ok: true,
      value: 'updated',
    });
    expect(await repo.saveAnswer(T, answer(closed!.id, 'leadership-plan'))).toEqual({ ok: false, error: 'closed' });
    expect(await repo.saveAnswer('trust-other', answer(open!.id, 'leadership-vision'))).toEqual({ ok: false, error: 'not-found' });
    await repo.saveAnswer(T, answer(open!.id, 'leadership-vision', { schoolId: 's2', rating: 'strong', evidence: 'Staff survey' }));
    expect((await repo.answers(T, open!.id)).map((a) => [a.schoolId, a.statementId, a.rating])).toEqual([
      ['s1', 'leadership-plan', 'established'],
      ['s2', 'leadership-vision', 'strong'],
    ]);
    expect(await repo.answers(T, open!.id, 's2')).toEqual([
      answer(open!.id, 'leadership-vision', { schoolId: 's2', rating: 'strong', evidence: 'Staff survey' }),
    ]);
    expect(await repo.answers('trust-other', open!.id)).toEqual([]);
  });

  it('shares a school summary once, lists it, unshares, and ignores another trust', async () => {
    const [open] = await repo.cycles(T);
    const when = at('2026-10-05T09:00:00Z');
    expect(await repo.share(T, open!.id, 's1', 'lead', when)).toBe(true);
    expect(await repo.share(T, open!.id, 's1', 'lead', when)).toBe(false);
    expect(await repo.share('trust-other', open!.id, 's2', 'lead', when)).toBe(false);
    expect(await repo.sharedSchools(T, open!.id)).toEqual(['s1']);
    expect(await repo.sharedSchools('trust-other', open!.id)).toEqual([]);
    expect(await repo.unshare('trust-other', open!.id, 's1')).toBe(false);
    expect(await repo.unshare(T, open!.id, 's1')).toBe(true);
    expect(await repo.unshare(T, open!.id, 's1')).toBe(false);
    expect(await repo.sharedSchools(T, open!.id)).toEqual([]);
  });
});
