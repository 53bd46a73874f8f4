import { applyChange } from '../../../../src/core/checkin/checklist';
import { CHECKLIST_V1 } from '../../../../src/core/checkin/checklist-v1';
import { prefillFor, selectDueItems } from '../../../../src/core/checkin/due';
import type { PastAnswer, RoundPeriod, SencoFacts } from '../../../../src/core/checkin/model';

const spring: RoundPeriod = { year: '2026-27', term: 'spring', half: null };
const autumn: RoundPeriod = { year: '2026-27', term: 'autumn', half: null };
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

function answered(
  period: RoundPeriod,
  values: Record<string, string>,
  sencoIds = ['p1'],
  at = new Date('2026-10-01T12:00:00Z'),
): PastAnswer[] {
  return Object.entries(values).map(([itemId, value]) => ({ itemId, value, period, sencoIds, answeredAt: at }));
}

const autumnAnswers = answered(autumn, {
  'senco-designated': 'yes',
  'senco-qualified-teacher': 'yes',
  'senco-qualification': 'yes',
  'sen-information-report': '2026-09-10',
  'sen-policy': 'yes',
  'accessibility-plan': 'yes',
  'graduated-approach': 'yes',
  'parents-informed': 'yes',
  'ehcp-reviews-overdue': '0',
  'ehcp-reviews-due-soon': '1',
  'phase-transfer-reviews': 'yes',
  'census-sen-codes': 'yes',
  'ehcp-admissions': 'na',
  'medical-conditions': 'yes',
  'send-governance': 'partly',
});

describe('selectDueItems', () => {
  it('asks a school everything that applies to its phase the first time (a baseline)', () => {
    const due = selectDueItems({ checklist: CHECKLIST_V1, phase: 'primary', period: spring, history: [], sencoIds: ['p1'] });
    expect(due).toHaveLength(15);
    const special = selectDueItems({ checklist: CHECKLIST_V1, phase: 'special', period: spring, history: [], sencoIds: ['p1'] });
    expect(ids(special)).not.toContain('senco-designated');
    expect(ids(special)).not.toContain('parents-informed');
  });

  it('asks only every-term items in a later term, and on-change items when the SENCO changed', () => {
    const due = selectDueItems({ checklist: CHECKLIST_V1, phase: 'primary', period: spring, history: autumnAnswers, sencoIds: ['p1'] });
    expect(ids(due)).toEqual([
      'senco-qualification',
      'sen-information-report',
      'graduated-approach',
      'parents-informed',
      'ehcp-reviews-overdue',
      'ehcp-reviews-due-soon',
      'census-sen-codes',
      'ehcp-admissions',
    ]);
    const newSenco = selectDueItems({
      checklist: CHECKLIST_V1,
      phase: 'primary',
      period: spring,
      history: autumnAnswers,
      sencoIds: ['p2'],
    });
    expect(ids(newSenco).slice(0, 2)).toEqual(['senco-designated', 'senco-qualified-teacher']);
  });

  it('asks once-a-year items in their term of the next year', () => {
    const nextAutumn: RoundPeriod = { year: '2027-28', term: 'autumn', half: null };
    const due = selectDueItems({ checklist: CHECKLIST_V1, phase: 'primary', period: nextAutumn, history: autumnAnswers, sencoIds: ['p1'] });
    expect(ids(due)).toEqual(
      expect.arrayContaining(['sen-policy', 'accessibility-plan', 'phase-transfer-reviews', 'medical-conditions', 'send-governance']),
    );
  });

  it('with half-termly rounds, asks every-term items once per term', () => {
    const half1 = answered({ year: '2026-27', term: 'spring', half: 1 }, { 'graduated-approach': 'yes' });
    const due = selectDueItems({
      checklist: CHECKLIST_V1,
      phase: 'primary',
      period: { year: '2026-27', term: 'spring', half: 2 },
      history: [...autumnAnswers, ...half1],
      sencoIds: ['p1'],
    });
    expect(ids(due)).not.toContain('graduated-approach');
    expect(ids(due)).toContain('census-sen-codes');
  });

  it('leaves out switched-off items and includes new trust items', () => {
    const off = applyChange(CHECKLIST_V1, { kind: 'off', itemId: 'census-sen-codes' });
    if (!off.ok) throw new Error(off.error);
    const added = applyChange(off.value, {
      kind: 'add',
      question: 'Provision map up to date?',
      strength: 'should',
      answer: 'choice',
      frequency: { kind: 'every-term' },
    });
    if (!added.ok) throw new Error(added.error);
    const due = selectDueItems({ checklist: added.value, phase: 'primary', period: spring, history: autumnAnswers, sencoIds: ['p1'] });
    expect(ids(due)).not.toContain('census-sen-codes');
    expect(ids(due)).toContain('trust-1');
  });
});

describe('prefillFor', () => {
  const today = '2027-01-12';
  const senco = (over: Partial<SencoFacts> = {}): SencoFacts => ({
    personId: 'p1',
    name: 'Ann',
    appointedOn: '2025-09-01',
    priorSencoMonths: 0,
    qualification: 'npq-enrolled',
    qualificationStartedOn: '2025-10-01',
    qualificationCompletedOn: null,
    ...over,
  });

  it('pre-fills standing facts from last round, never practice items', () => {
    const due = selectDueItems({ checklist: CHECKLIST_V1, phase: 'primary', period: spring, history: autumnAnswers, sencoIds: ['p1'] });
    const prefill = prefillFor(due, autumnAnswers, [senco()], today);
    expect(prefill).toEqual({
      'sen-information-report': { value: '2026-09-10', source: 'last-round' },
      'ehcp-admissions': { value: 'na', source: 'last-round' },
    });
  });

  it('takes the qualification from the profile when it settles it', () => {
    const due = selectDueItems({ checklist: CHECKLIST_V1, phase: 'primary', period: spring, history: autumnAnswers, sencoIds: ['p1'] });
    expect(prefillFor(due, autumnAnswers, [senco({ qualification: 'npq' })], today)['senco-qualification']).toEqual({
      value: 'yes',
      source: 'profile',
    });
    expect(prefillFor(due, autumnAnswers, [senco({ priorSencoMonths: 48, qualification: 'none' })], today)['senco-qualification']).toEqual({
      value: 'na',
      source: 'profile',
    });
    // Unknown profile: last round's "yes" stands.
    expect(prefillFor(due, autumnAnswers, [senco({ priorSencoMonths: null, qualification: null })], today)['senco-qualification']).toEqual({
      value: 'yes',
      source: 'last-round',
    });
  });

  it('does not pre-fill a problem: a "partly" or a report more than 12 months old is asked again', () => {
    const due = selectDueItems({
      checklist: CHECKLIST_V1,
      phase: 'primary',
      period: { year: '2027-28', term: 'autumn', half: null },
      history: autumnAnswers,
      sencoIds: ['p1'],
    });
    const prefill = prefillFor(due, autumnAnswers, [], '2027-10-01');
    expect(prefill['send-governance']).toBeUndefined();
    expect(prefill['sen-information-report']).toBeUndefined();
    expect(prefill['sen-policy']).toEqual({ value: 'yes', source: 'last-round' });
  });
});
