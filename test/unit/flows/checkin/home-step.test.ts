import { CHECKLIST_V1 } from '../../../../src/core/checkin/checklist-v1';
import type { CheckinAnswer, SchoolCheckin } from '../../../../src/core/checkin/model';
import { stripVerbatim } from '../../../../src/core/verbatim';
import { HOME_PREFILL_SHOWN, homeStep } from '../../../../src/flows/checkin/home-step';

const items = ['senco-qualification', 'sen-information-report', 'graduated-approach', 'ehcp-reviews-overdue', 'census-sen-codes'];

function checkin(prefill: SchoolCheckin['prefill']): Pick<SchoolCheckin, 'id' | 'itemIds' | 'prefill'> {
  return { id: 'c1', itemIds: items, prefill };
}

const answered = (...itemIds: string[]): Pick<CheckinAnswer, 'itemId'>[] => itemIds.map((itemId) => ({ itemId }));

describe('homeStep: the check-in step Home shows', () => {
  it('offers the carried-over answers in one line with the card confirm button, and a way to change one', () => {
    const step = homeStep(
      checkin({
        'senco-qualification': { value: 'yes', source: 'profile' },
        'sen-information-report': { value: '2026-07-10', source: 'last-round' },
      }),
      CHECKLIST_V1,
      [],
    );
    expect(stripVerbatim(step.line ?? '')).toBe(
      'Same as last time (2): SENCO qualification (NPQ): Yes (from the roster); SEN information report: 10 July 2026.',
    );
    expect(step.buttons.map((b) => [b.label, b.verb, b.data])).toEqual([
      ['All unchanged: confirm', 'checkin.confirm', { c: 'c1' }],
      ['Something changed', 'checkin.open', { c: 'c1' }],
    ]);
  });

  it(`names at most ${HOME_PREFILL_SHOWN} carried-over answers and counts the rest`, () => {
    const prefill = Object.fromEntries(
      items.map((id) => [id, { value: id === 'sen-information-report' ? '2026-07-10' : 'yes', source: 'last-round' as const }]),
    );
    const line = stripVerbatim(homeStep(checkin(prefill), CHECKLIST_V1, []).line ?? '');
    expect(line).toMatch(/^Same as last time \(5\): .*; .*; [^;]* and 2 more\.$/);
    expect(line).not.toContain('Census SEN codes');
  });

  it('shows a yes / partly / no question with its answer buttons, the same as the card, and More for the card', () => {
    const step = homeStep(
      checkin({ 'senco-qualification': { value: 'yes', source: 'profile' } }),
      CHECKLIST_V1,
      answered('senco-qualification', 'sen-information-report'),
    );
    expect(stripVerbatim(step.line ?? '')).toMatch(/^\*\*Graduated approach\*\*: /);
    expect(step.buttons.map((b) => b.label)).toEqual(['Yes', 'Partly', 'No', 'Not applicable', 'More']);
    expect(step.buttons[0]).toMatchObject({
      verb: 'checkin.answer',
      data: { c: 'c1', i: 'graduated-approach', v: 'yes' },
      style: 'primary',
    });
    expect(step.buttons[2]).toMatchObject({ verb: 'checkin.answer', data: { c: 'c1', i: 'graduated-approach', v: 'no' } });
    expect(step.buttons[4]).toMatchObject({ verb: 'checkin.open', data: { c: 'c1' } });
  });

  it('falls back to Continue for a question that needs typing (a number, a date)', () => {
    const step = homeStep(checkin({}), CHECKLIST_V1, answered('senco-qualification', 'sen-information-report', 'graduated-approach'));
    expect(stripVerbatim(step.line ?? '')).toMatch(/^\*\*Overdue EHCP reviews\*\*: /);
    expect(step.buttons).toEqual([{ label: 'Continue', verb: 'checkin.open', data: { c: 'c1' }, style: 'primary' }]);
    const date = homeStep(checkin({}), CHECKLIST_V1, answered('senco-qualification'));
    expect(date.buttons.map((b) => [b.label, b.verb])).toEqual([['Continue', 'checkin.open']]);
  });

  it('says Start before anything is answered', () => {
    const step = homeStep(checkin({}), CHECKLIST_V1, []);
    expect(step.buttons.map((b) => b.label)).toEqual(['Yes', 'Partly', 'No', 'Not applicable', 'More']);
    const typed = homeStep({ ...checkin({}), itemIds: ['sen-information-report'] }, CHECKLIST_V1, []);
    expect(typed.buttons.map((b) => b.label)).toEqual(['Start']);
  });
});
