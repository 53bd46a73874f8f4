import { applyChange, enabledItems, findItem, MAX_ITEMS } from '../../../../src/core/checkin/checklist';
import { CHECKLIST_V1, CHECKLIST_V1_ITEMS } from '../../../../src/core/checkin/checklist-v1';
import type { Checklist } from '../../../../src/core/checkin/model';

describe('checklist-v1', () => {
  it('has unique ids, titles and a legal basis for every item', () => {
    const ids = CHECKLIST_V1_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of CHECKLIST_V1_ITEMS) {
      expect(item.title.length).toBeLessThanOrEqual(40);
      expect(item.basis).not.toBe('');
      expect(item.question.endsWith('?')).toBe(true);
      expect(item.enabled).toBe(true);
    }
  });

  it('covers the statutory duties in the brief', () => {
    for (const id of [
      'senco-designated',
      'senco-qualified-teacher',
      'senco-qualification',
      'sen-information-report',
      'sen-policy',
      'accessibility-plan',
      'graduated-approach',
      'parents-informed',
      'ehcp-reviews-overdue',
      'phase-transfer-reviews',
      'census-sen-codes',
      'ehcp-admissions',
      'medical-conditions',
      'send-governance',
    ]) {
      expect(findItem(CHECKLIST_V1, id)).toBeDefined();
    }
  });

  it('keeps "must" for duties and "should" for guidance', () => {
    expect(findItem(CHECKLIST_V1, 'senco-designated')?.strength).toBe('must');
    expect(findItem(CHECKLIST_V1, 'graduated-approach')?.strength).toBe('should');
    expect(findItem(CHECKLIST_V1, 'send-governance')?.strength).toBe('should');
  });

  it('does not ask special schools about SENCO designation', () => {
    expect(findItem(CHECKLIST_V1, 'senco-designated')?.phases).not.toContain('special');
    expect(findItem(CHECKLIST_V1, 'sen-information-report')?.phases).toContain('special');
  });

  it('asks phase-transfer reviews in the autumn term', () => {
    expect(findItem(CHECKLIST_V1, 'phase-transfer-reviews')?.frequency).toEqual({ kind: 'once-a-year', term: 'autumn' });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CHECKLIST_V1_ITEMS)).toBe(true);
  });
});

describe('applyChange', () => {
  it('switches an item off in a new version and leaves the old one as it was', () => {
    const result = applyChange(CHECKLIST_V1, { kind: 'off', itemId: 'send-governance' });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.version).toBe(2);
    expect(findItem(result.value, 'send-governance')?.enabled).toBe(false);
    expect(enabledItems(result.value)).toHaveLength(CHECKLIST_V1_ITEMS.length - 1);
    expect(findItem(CHECKLIST_V1, 'send-governance')?.enabled).toBe(true);
    expect(result.value.note).toBe('Switched off send-governance');
  });

  it('refuses to switch off an item twice, or on an item that is on', () => {
    const off = applyChange(CHECKLIST_V1, { kind: 'off', itemId: 'sen-policy' });
    if (!off.ok) throw new Error(off.error);
    expect(applyChange(off.value, { kind: 'off', itemId: 'sen-policy' })).toEqual({ ok: false, error: 'already-off' });
    expect(applyChange(CHECKLIST_V1, { kind: 'on', itemId: 'sen-policy' })).toEqual({ ok: false, error: 'already-on' });
    const on = applyChange(off.value, { kind: 'on', itemId: 'sen-policy' });
    expect(on.ok && findItem(on.value, 'sen-policy')?.enabled).toBe(true);
  });

  it('rewords an item, keeping its id', () => {
    const result = applyChange(CHECKLIST_V1, {
      kind: 'reword',
      itemId: 'sen-policy',
      question: '  Is our  trust SEN policy adopted locally? ',
    });
    if (!result.ok) throw new Error(result.error);
    expect(findItem(result.value, 'sen-policy')?.question).toBe('Is our trust SEN policy adopted locally?');
    expect(findItem(CHECKLIST_V1, 'sen-policy')?.question).toContain('SEN policy in place');
  });

  it('refuses empty, overlong or unchanged wording and unknown items', () => {
    expect(applyChange(CHECKLIST_V1, { kind: 'reword', itemId: 'sen-policy', question: '  ' })).toEqual({
      ok: false,
      error: 'empty-wording',
    });
    expect(applyChange(CHECKLIST_V1, { kind: 'reword', itemId: 'sen-policy', question: 'x'.repeat(301) })).toEqual({
      ok: false,
      error: 'wording-too-long',
    });
    expect(
      applyChange(CHECKLIST_V1, { kind: 'reword', itemId: 'sen-policy', question: findItem(CHECKLIST_V1, 'sen-policy')!.question }),
    ).toEqual({ ok: false, error: 'same-wording' });
    expect(applyChange(CHECKLIST_V1, { kind: 'off', itemId: 'nope' })).toEqual({ ok: false, error: 'unknown-item' });
  });

  it('adds trust items with fresh ids that are never reused', () => {
    const one = applyChange(CHECKLIST_V1, {
      kind: 'add',
      question: 'Is the provision map up to date?',
      strength: 'should',
      answer: 'choice',
      frequency: { kind: 'every-term' },
    });
    if (!one.ok) throw new Error(one.error);
    const added = one.value.items.at(-1)!;
    expect(added).toMatchObject({
      id: 'trust-1',
      origin: 'trust',
      strength: 'should',
      answer: 'choice',
      followUp: { kind: 'choices', values: ['no', 'partly'] },
    });
    expect(added.phases).toContain('special');
    const off = applyChange(one.value, { kind: 'off', itemId: 'trust-1' });
    if (!off.ok) throw new Error(off.error);
    const two = applyChange(off.value, {
      kind: 'add',
      question: 'When did governors last discuss SEND?',
      strength: 'should',
      answer: 'date',
      frequency: { kind: 'once-a-year', term: 'summer' },
    });
    expect(two.ok && two.value.items.at(-1)!.id).toBe('trust-2');
    expect(two.ok && two.value.items.at(-1)!.followUp).toEqual({ kind: 'none' });
  });

  it('keeps the checklist short', () => {
    let list: Checklist = CHECKLIST_V1;
    while (list.items.length < MAX_ITEMS) {
      const next = applyChange(list, {
        kind: 'add',
        question: `Item ${list.items.length}?`,
        strength: 'should',
        answer: 'choice',
        frequency: { kind: 'every-term' },
      });
      if (!next.ok) throw new Error(next.error);
      list = next.value;
    }
    expect(
      applyChange(list, { kind: 'add', question: 'One more?', strength: 'should', answer: 'choice', frequency: { kind: 'every-term' } }),
    ).toEqual({ ok: false, error: 'too-many-items' });
  });
});
