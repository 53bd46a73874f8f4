import { needsFollowUp, parseAnswer } from '../../../../src/core/checkin/answers';
import { applyChange } from '../../../../src/core/checkin/checklist';
import { CHECKLIST_V1 } from '../../../../src/core/checkin/checklist-v1';
import { CHECKLIST_V2, CHECKLIST_V2_ID, CHECKLIST_V2_ITEMS } from '../../../../src/core/checkin/checklist-v2';
import { selectDueItems } from '../../../../src/core/checkin/due';
import type { Checklist, ChecklistItem, PastAnswer, RoundPeriod } from '../../../../src/core/checkin/model';
import { summariseRound } from '../../../../src/core/checkin/summary';
import { upgradeChecklist } from '../../../../src/core/checkin/upgrade';
import { SCHOOL_PHASES, type SchoolPhase } from '../../../../src/core/model';

const byId = (id: string): ChecklistItem => CHECKLIST_V2_ITEMS.find((i) => i.id === id)!;
const ids = (items: ReadonlyArray<{ id: string }>) => items.map((i) => i.id);
const autumn: RoundPeriod = { year: '2026-27', term: 'autumn', half: null };
const spring: RoundPeriod = { year: '2026-27', term: 'spring', half: null };
const lastYear: RoundPeriod = { year: '2025-26', term: 'summer', half: null };

function history(period: RoundPeriod, itemIds: readonly string[], sencoIds = ['p1']): PastAnswer[] {
  return itemIds.map((itemId) => ({ itemId, value: 'yes', period, sencoIds, answeredAt: new Date('2026-06-01T12:00:00Z') }));
}

function due(phase: SchoolPhase, period: RoundPeriod, past: PastAnswer[] = [], sencoIds = ['p1']): string[] {
  return ids(selectDueItems({ checklist: CHECKLIST_V2, phase, period, history: past, sencoIds }));
}

describe('checklist-v2 as data', () => {
  it('gives every item a unique id, a legal basis, a setting and a frequency', () => {
    expect(new Set(ids(CHECKLIST_V2_ITEMS)).size).toBe(CHECKLIST_V2_ITEMS.length);
    for (const item of CHECKLIST_V2_ITEMS) {
      expect(item.basis.length).toBeGreaterThan(5);
      expect(item.phases.length).toBeGreaterThan(0);
      expect(item.phases.every((p) => (SCHOOL_PHASES as readonly string[]).includes(p))).toBe(true);
      expect(item.frequency.kind).toBeDefined();
    }
    expect(CHECKLIST_V2.base).toBe(CHECKLIST_V2_ID);
  });

  it('keeps a round at about 15 items for every setting, first round included', () => {
    for (const phase of SCHOOL_PHASES) {
      const first = due(phase, autumn);
      expect(first.length).toBeLessThanOrEqual(17);
      const everything = history(lastYear, first);
      for (const period of [autumn, spring]) expect(due(phase, period, everything).length).toBeLessThanOrEqual(15);
    }
  });

  it('asks the SENCO duties of mainstream schools and maintained nurseries only; AP as "should"', () => {
    for (const id of ['senco-in-post', 'senco-qualification']) {
      expect(byId(id).phases).toEqual(['primary', 'secondary', 'all-through', 'nursery']);
      expect(byId(id).strength).toBe('must');
    }
    expect(byId('senco-in-post-ap')).toMatchObject({ phases: ['alternative-provision'], strength: 'should' });
    expect(byId('senco-in-post-ap').basis).toContain('Code of Practice 6.2');
    expect(due('special', autumn)).not.toContain('senco-in-post');
    expect(due('alternative-provision', autumn)).not.toContain('senco-qualification');
  });

  it('asks special schools whether parents were told (s.68 applies to them)', () => {
    expect(byId('parents-informed').basis).toBe('Children and Families Act 2014 s.68');
    expect(byId('parents-informed').question).toBe('Where a pupil began SEN support this term, were parents told?');
    expect(due('special', autumn)).toContain('parents-informed');
  });

  it('cites the corrected bases', () => {
    expect(byId('send-governance').basis).toContain('Code of Practice 6.3');
    expect(byId('send-governance').basis).not.toContain('3.66');
    expect(byId('medical-conditions').basis).toBe('Children and Families Act 2014 s.100; Code of Practice 3.66');
    expect(byId('sen-information-report').basis).toContain('reg 51');
    expect(byId('sen-policy').basis).toContain('s.69(3)(a)');
    expect(byId('sen-policy').basis).toContain('6.79');
    expect(byId('senco-qualification').hint).toContain('completed before 1 September 2027');
    expect(byId('ehcp-reviews').question).toContain('including any waiting on the local authority');
    expect(byId('ehcp-reviews').hint).toContain('month 11');
    expect(byId('phase-transfer-reviews').question).toContain('infant to junior');
    expect(byId('phase-transfer-reviews').question).toContain('all-through');
  });

  it('asks the new items where they apply', () => {
    expect(due('secondary', spring, history(lastYear, due('secondary', autumn)))).toContain('exam-access-arrangements');
    expect(due('primary', autumn)).not.toContain('exam-access-arrangements');
    expect(due('primary', autumn)).not.toContain('preparing-for-adulthood');
    expect(due('special', autumn)).toContain('preparing-for-adulthood');
    expect(due('nursery', autumn)).not.toContain('designated-teacher-lac');
    expect(due('secondary', autumn)).toEqual(expect.arrayContaining(['senco-time', 'designated-teacher-lac']));
  });

  it('asks the SEN information report again when the SENCO changes, even within a term', () => {
    const past = history(autumn, ['sen-information-report']);
    const half1: RoundPeriod = { ...autumn, half: 1 };
    expect(due('primary', half1, past)).not.toContain('sen-information-report');
    expect(due('primary', half1, past, ['p2'])).toContain('sen-information-report');
    expect(due('primary', half1, history(autumn, ['designated-teacher-lac']), ['p2'])).toContain('designated-teacher-lac');
  });
});

describe('the merged EHCP reviews card (two numbers)', () => {
  const item = byId('ehcp-reviews');
  it('takes overdue, then due soon', () => {
    expect(parseAnswer(item, '2 5', '2026-10-01')).toEqual({ ok: true, value: '2/5' });
    expect(parseAnswer(item, '02/5', '2026-10-01')).toEqual({ ok: true, value: '2/5' });
    expect(parseAnswer(item, '0, 0', '2026-10-01')).toEqual({ ok: true, value: '0/0' });
    expect(parseAnswer(item, '3', '2026-10-01')).toEqual({ ok: false, error: 'invalid-number' });
    expect(parseAnswer(item, 'a b', '2026-10-01')).toEqual({ ok: false, error: 'invalid-number' });
  });

  it('follows up overdue reviews and counts the due-soon ones for the leader', () => {
    expect(needsFollowUp(item, '1/0', '2026-10-01')).toBe(true);
    expect(needsFollowUp(item, '0/4', '2026-10-01')).toBe(false);
    const summary = summariseRound(
      CHECKLIST_V2,
      [
        {
          schoolId: 's1',
          schoolName: 'Ash',
          phase: 'primary',
          checkin: {
            id: 'c1',
            roundId: 'r',
            trustId: 't',
            schoolId: 's1',
            sencoIds: [],
            itemIds: ['ehcp-reviews'],
            prefill: {},
            completedAt: null,
          },
          answers: [
            {
              checkinId: 'c1',
              itemId: 'ehcp-reviews',
              checklistVersion: 2,
              value: '0/4',
              note: null,
              followUp: null,
              source: 'answered',
              answeredBy: null,
              answeredAt: new Date('2026-10-01T10:00:00Z'),
            },
          ],
          sencos: [],
          previous: null,
        },
      ],
      '2026-10-01',
    );
    expect(summary.dueSoon).toContainEqual(expect.objectContaining({ kind: 'count', itemId: 'ehcp-reviews', count: 4 }));
  });
});

describe('the accessibility plan end date', () => {
  const item = byId('accessibility-plan-end');
  it('accepts a date ahead (the plan runs to 31 March 2027) and follows up one that has passed', () => {
    expect(parseAnswer(item, '2027-03-31', '2026-10-01')).toEqual({ ok: true, value: '2027-03-31' });
    expect(parseAnswer(byId('sen-information-report'), '2027-03-31', '2026-10-01')).toEqual({ ok: false, error: 'future-date' });
    expect(needsFollowUp(item, '2026-09-30', '2026-10-01')).toBe(true);
    expect(needsFollowUp(item, '2026-10-01', '2026-10-01')).toBe(false);
  });
});

describe('upgradeChecklist (v1 -> v2 at the next round)', () => {
  it('moves the shipped v1 to v2 as the next version', () => {
    const next = upgradeChecklist(CHECKLIST_V1)!;
    expect(next).toMatchObject({ base: CHECKLIST_V2_ID, version: 2 });
    expect(ids(next.items)).toEqual(ids(CHECKLIST_V2_ITEMS));
    expect(upgradeChecklist(next)).toBeNull();
  });

  it('carries the trust customisations where the item still exists', () => {
    let v1: Checklist = CHECKLIST_V1;
    const change = (c: Parameters<typeof applyChange>[1]) => {
      const r = applyChange(v1, c);
      if (!r.ok) throw new Error(r.error);
      v1 = r.value;
    };
    change({ kind: 'off', itemId: 'send-governance' });
    change({ kind: 'reword', itemId: 'graduated-approach', question: 'Has every SEN support plan been reviewed with parents this term?' });
    change({ kind: 'off', itemId: 'ehcp-reviews-overdue' });
    change({ kind: 'off', itemId: 'ehcp-reviews-due-soon' });
    change({ kind: 'off', itemId: 'senco-designated' });
    change({
      kind: 'add',
      question: 'Is the trust SEND audit booked?',
      strength: 'should',
      answer: 'choice',
      frequency: { kind: 'every-term' },
    });
    const next = upgradeChecklist(v1)!;
    const item = (id: string) => next.items.find((i) => i.id === id)!;
    expect(next.version).toBe(v1.version + 1);
    expect(item('send-governance').enabled).toBe(false);
    expect(item('send-governance').basis).toContain('6.3');
    expect(item('graduated-approach').question).toBe('Has every SEN support plan been reviewed with parents this term?');
    expect(item('parents-informed').question).toBe(byId('parents-informed').question);
    // Both EHCP count cards were off, so the merged card starts off; one of the two SENCO items was not.
    expect(item('ehcp-reviews').enabled).toBe(false);
    expect(item('senco-in-post').enabled).toBe(true);
    expect(item('trust-1')).toMatchObject({ origin: 'trust', question: 'Is the trust SEND audit booked?' });
    expect(next.note).toContain('send-governance off');
    // The version it came from is untouched: answers under it keep v1.
    expect(v1.base).toBe('checklist-v1');
    expect(v1.items.find((i) => i.id === 'ehcp-reviews-overdue')).toBeDefined();
  });
});
