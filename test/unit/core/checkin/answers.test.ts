import { needsFollowUp, parseAnswer, parseFollowUp, parseNote } from '../../../../src/core/checkin/answers';
import { findItem } from '../../../../src/core/checkin/checklist';
import { CHECKLIST_V1 } from '../../../../src/core/checkin/checklist-v1';

const item = (id: string) => findItem(CHECKLIST_V1, id)!;
const today = '2027-01-19';

describe('parseAnswer', () => {
  it('accepts the four choices and common spellings', () => {
    expect(parseAnswer(item('sen-policy'), 'Yes', today)).toEqual({ ok: true, value: 'yes' });
    expect(parseAnswer(item('sen-policy'), 'n/a', today)).toEqual({ ok: true, value: 'na' });
    expect(parseAnswer(item('sen-policy'), 'partly', today)).toEqual({ ok: true, value: 'partly' });
    expect(parseAnswer(item('sen-policy'), 'maybe', today)).toEqual({ ok: false, error: 'invalid-choice' });
  });

  it('reads ISO and UK dates, and refuses impossible, future and implausible ones', () => {
    const report = item('sen-information-report');
    expect(parseAnswer(report, '2026-09-14', today)).toEqual({ ok: true, value: '2026-09-14' });
    expect(parseAnswer(report, '14/09/2026', today)).toEqual({ ok: true, value: '2026-09-14' });
    expect(parseAnswer(report, '2026-02-30', today)).toEqual({ ok: false, error: 'invalid-date' });
    expect(parseAnswer(report, '09/14/2026', today)).toEqual({ ok: false, error: 'invalid-date' });
    expect(parseAnswer(report, '2027-01-20', today)).toEqual({ ok: false, error: 'future-date' });
    expect(parseAnswer(report, '2010-01-01', today)).toEqual({ ok: false, error: 'implausible-date' });
    expect(parseAnswer(report, '', today)).toEqual({ ok: false, error: 'empty' });
  });

  it('reads whole numbers only', () => {
    const overdue = item('ehcp-reviews-overdue');
    expect(parseAnswer(overdue, ' 03 ', today)).toEqual({ ok: true, value: '3' });
    expect(parseAnswer(overdue, '-1', today)).toEqual({ ok: false, error: 'invalid-number' });
    expect(parseAnswer(overdue, '2.5', today)).toEqual({ ok: false, error: 'invalid-number' });
    expect(parseAnswer(overdue, '12345', today)).toEqual({ ok: false, error: 'invalid-number' });
  });
});

describe('needsFollowUp', () => {
  it('asks after no and partly, not yes or n.a.', () => {
    expect(needsFollowUp(item('sen-policy'), 'no', today)).toBe(true);
    expect(needsFollowUp(item('sen-policy'), 'partly', today)).toBe(true);
    expect(needsFollowUp(item('sen-policy'), 'yes', today)).toBe(false);
    expect(needsFollowUp(item('sen-policy'), 'na', today)).toBe(false);
  });

  it('asks when a review date is more than 12 months old', () => {
    expect(needsFollowUp(item('sen-information-report'), '2026-01-19', today)).toBe(false);
    expect(needsFollowUp(item('sen-information-report'), '2026-01-18', today)).toBe(true);
  });

  it('asks when any EHCP review is overdue, never for the due-soon count', () => {
    expect(needsFollowUp(item('ehcp-reviews-overdue'), '0', today)).toBe(false);
    expect(needsFollowUp(item('ehcp-reviews-overdue'), '2', today)).toBe(true);
    expect(needsFollowUp(item('ehcp-reviews-due-soon'), '5', today)).toBe(false);
  });
});

describe('notes and follow-ups', () => {
  it('trims notes and refuses very long ones', () => {
    expect(parseNote('  ')).toEqual({ ok: true, value: null });
    expect(parseNote(' fine ')).toEqual({ ok: true, value: 'fine' });
    expect(parseNote('x'.repeat(1001))).toEqual({ ok: false, error: 'note-too-long' });
  });

  it('needs a help text or a date, and a real date', () => {
    expect(parseFollowUp('EP time', '', today)).toEqual({ ok: true, value: { help: 'EP time', by: null } });
    expect(parseFollowUp('', '28/02/2027', today)).toEqual({ ok: true, value: { help: '', by: '2027-02-28' } });
    expect(parseFollowUp('', '', today)).toEqual({ ok: false, error: 'empty' });
    expect(parseFollowUp('x', '31/02/2027', today)).toEqual({ ok: false, error: 'invalid-date' });
    expect(parseFollowUp('x', '2027-01-18', today)).toEqual({ ok: false, error: 'past-date' });
  });
});
