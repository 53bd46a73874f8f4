import { nasencoCounts, qualificationDeadline, qualificationStatus } from '../../../src/core/qualification';
import type { SencoProfile } from '../../../src/core/model';

const base: SencoProfile = {
  appointedOn: '2025-09-01',
  priorSencoMonths: 0,
  qualification: 'none',
  qualificationStartedOn: null,
  qualificationCompletedOn: null,
  tags: [],
};
const status = (p: Partial<SencoProfile>, today = '2026-01-10') => qualificationStatus({ ...base, ...p }, today);

describe('qualification deadline (reg 49 as amended)', () => {
  it('is the third anniversary of appointment, 29 February -> 28 February', () => {
    expect(qualificationDeadline('2025-09-01')).toBe('2028-09-01');
    expect(qualificationDeadline('2024-02-29')).toBe('2027-02-28');
  });

  it('applies to a SENCO new to the role: at most 12 months before', () => {
    expect(status({ priorSencoMonths: 0 })).toMatchObject({
      status: 'due',
      deadline: '2028-09-01',
      enrolBy: '2026-09-01',
      enrolLate: false,
    });
    expect(status({ priorSencoMonths: 12 })).toMatchObject({ status: 'due', deadline: '2027-09-01' });
    expect(status({ priorSencoMonths: 13 })).toEqual({ status: 'not-required' });
    expect(status({ priorSencoMonths: null })).toEqual({ status: 'unknown', missing: 'prior_service' });
    expect(status({ appointedOn: null })).toEqual({ status: 'unknown', missing: 'appointed_on' });
  });

  it('flags a SENCO not enrolled 12 months after appointment, and one past the deadline', () => {
    expect(status({}, '2026-09-02')).toMatchObject({ status: 'due', enrolLate: true });
    expect(status({}, '2028-09-01')).toMatchObject({ status: 'due' });
    expect(status({}, '2028-09-02')).toMatchObject({ status: 'overdue', deadline: '2028-09-01' });
  });

  it('counts the NPQ, held or in progress before the deadline', () => {
    expect(status({ qualification: 'npq', priorSencoMonths: null, appointedOn: null })).toEqual({ status: 'met', via: 'npq' });
    expect(status({ qualification: 'npq-enrolled', qualificationStartedOn: '2025-11-01' })).toEqual({
      status: 'in-progress',
      via: 'npq',
      deadline: '2028-09-01',
    });
    expect(status({ qualification: 'npq-enrolled' }, '2028-09-02')).toMatchObject({ status: 'overdue' });
  });

  it('counts a NASENCO only if completed strictly before 1 Sep 2027 (SI 2024/535)', () => {
    expect(nasencoCounts('2024-08-31', '2027-08-31')).toBe(true);
    expect(nasencoCounts('2024-08-31', '2027-09-01')).toBe(false);
    expect(nasencoCounts('2023-01-01', '2027-09-02')).toBe(false);
    expect(
      status({ qualification: 'nasenco', qualificationStartedOn: '2024-08-31', qualificationCompletedOn: '2027-09-01' }),
    ).toMatchObject({
      status: 'due',
      nasencoDoesNotCount: true,
    });
  });

  it('counts a NASENCO only if started before 1 Sep 2024', () => {
    expect(nasencoCounts('2024-08-31', '2025-07-01')).toBe(true);
    expect(nasencoCounts('2024-09-01', '2025-07-01')).toBe(false);
    expect(status({ qualification: 'nasenco', qualificationStartedOn: '2023-09-01', qualificationCompletedOn: '2025-06-30' })).toEqual({
      status: 'met',
      via: 'nasenco',
    });
    expect(
      status({ qualification: 'nasenco', qualificationStartedOn: '2024-10-01', qualificationCompletedOn: '2025-06-30' }),
    ).toMatchObject({ status: 'due', nasencoDoesNotCount: true });
  });

  it('needs no start date for a NASENCO completed before 1 Sep 2024 (it must have started before then)', () => {
    expect(nasencoCounts(null, '2024-08-31')).toBe(true);
    expect(status({ qualification: 'nasenco', qualificationCompletedOn: '2024-08-31' })).toEqual({ status: 'met', via: 'nasenco' });
    // Completed on or after 1 Sep 2024: the start date decides, so without it we cannot tell.
    expect(nasencoCounts(null, '2024-09-01')).toBe('unknown');
    expect(status({ qualification: 'nasenco', qualificationCompletedOn: '2024-09-01' })).toEqual({
      status: 'unknown',
      missing: 'qualification_dates',
    });
    expect(nasencoCounts('2023-01-01', null)).toBe('unknown');
    expect(status({ qualification: 'nasenco' })).toEqual({ status: 'unknown', missing: 'qualification_dates' });
  });

  it('gives a NASENCO in progress until the earlier of the deadline and 31 Aug 2027', () => {
    const started = { qualification: 'nasenco-enrolled' as const, qualificationStartedOn: '2024-03-01' };
    expect(status(started)).toEqual({ status: 'in-progress', via: 'nasenco', deadline: '2027-08-31' });
    expect(status(started, '2027-08-31')).toEqual({ status: 'in-progress', via: 'nasenco', deadline: '2027-08-31' });
    expect(status(started, '2027-09-01')).toMatchObject({ status: 'due', nasencoDoesNotCount: true });
    expect(status({ ...started, appointedOn: '2024-01-10' })).toEqual({ status: 'in-progress', via: 'nasenco', deadline: '2027-01-10' });
    expect(status({ ...started, qualificationStartedOn: '2024-08-31' })).toMatchObject({ status: 'in-progress', via: 'nasenco' });
    expect(status({ qualification: 'nasenco-enrolled', qualificationStartedOn: '2024-09-01' })).toMatchObject({
      status: 'due',
      nasencoDoesNotCount: true,
    });
  });
});

describe('prior SENCO service at a relevant school (reg 49 with reg 2(1))', () => {
  it('brings the deadline forward by prior service: appointment + 3 years - prior (cautious reading)', () => {
    expect(qualificationDeadline('2025-09-01', 0)).toBe('2028-09-01');
    expect(qualificationDeadline('2025-09-01', 8)).toBe('2028-01-01');
    expect(qualificationDeadline('2025-09-01', 12)).toBe('2027-09-01');
    // Month ends clamp, never later: 31 Aug + 30 months is 29 Feb in a leap year, 28 Feb otherwise.
    expect(qualificationDeadline('2025-08-31', 6)).toBe('2028-02-29');
    expect(qualificationDeadline('2026-08-31', 6)).toBe('2029-02-28');
    expect(status({ priorSencoMonths: 8 })).toMatchObject({ status: 'due', deadline: '2028-01-01', enrolBy: '2026-01-01' });
    expect(status({ priorSencoMonths: 8 }, '2028-01-01')).toMatchObject({ status: 'due' });
    expect(status({ priorSencoMonths: 8 }, '2028-01-02')).toMatchObject({ status: 'overdue', deadline: '2028-01-01' });
  });

  it('asks for enrolment at once when prior service leaves only 24 months', () => {
    expect(status({ priorSencoMonths: 12 }, '2025-09-01')).toMatchObject({
      status: 'due',
      deadline: '2027-09-01',
      enrolBy: '2025-09-01',
      enrolLate: false,
    });
    expect(status({ priorSencoMonths: 12 }, '2025-09-02')).toMatchObject({ enrolLate: true });
  });

  it('shortens a NASENCO in progress to the earlier deadline', () => {
    expect(
      status({ qualification: 'nasenco-enrolled', qualificationStartedOn: '2024-03-01', appointedOn: '2024-09-01', priorSencoMonths: 10 }),
    ).toEqual({ status: 'in-progress', via: 'nasenco', deadline: '2026-11-01' });
  });
});
