import {
  AcademicYear,
  TERM_NAMES,
  Term,
  academicYearLabel,
  isInHalfTerm,
  startYearOfLabel,
  termByName,
  validateAcademicYear,
} from '../../../src/calendar/term-dates';

/** A hand-written valid year (not the default pattern) so these tests stand on their own. */
function validYear(): AcademicYear {
  return {
    label: '2026-27',
    terms: [
      { name: 'autumn', start: '2026-09-01', end: '2026-12-18', halfTermStart: '2026-10-26', halfTermEnd: '2026-10-30' },
      { name: 'spring', start: '2027-01-04', end: '2027-03-25', halfTermStart: '2027-02-15', halfTermEnd: '2027-02-19' },
      { name: 'summer', start: '2027-04-12', end: '2027-07-21', halfTermStart: '2027-05-31', halfTermEnd: '2027-06-04' },
    ],
    insetDays: ['2026-09-01', '2026-09-02', '2027-01-04', '2027-04-12', '2027-07-21'],
  };
}

function withTerm(index: 0 | 1 | 2, patch: Partial<Term>): AcademicYear {
  const year = validYear();
  year.terms[index] = { ...year.terms[index], ...patch };
  return year;
}

describe('labels', () => {
  it('formats and reads back academic year labels', () => {
    expect(academicYearLabel(2026)).toBe('2026-27');
    expect(academicYearLabel(2099)).toBe('2099-00');
    expect(academicYearLabel(2009)).toBe('2009-10');
    expect(startYearOfLabel('2026-27')).toBe(2026);
    expect(startYearOfLabel('2099-00')).toBe(2099);
    expect(startYearOfLabel('2026-28')).toBeNull();
    expect(startYearOfLabel('26-27')).toBeNull();
    expect(startYearOfLabel('2026/27')).toBeNull();
    expect(() => academicYearLabel(2026.5)).toThrow();
  });
});

describe('lookups', () => {
  it('finds terms by name and recognises half-term days', () => {
    const year = validYear();
    expect(TERM_NAMES).toEqual(['autumn', 'spring', 'summer']);
    expect(termByName(year, 'spring').start).toBe('2027-01-04');
    const autumn = termByName(year, 'autumn');
    expect(isInHalfTerm('2026-10-26', autumn)).toBe(true);
    expect(isInHalfTerm('2026-10-30', autumn)).toBe(true);
    expect(isInHalfTerm('2026-10-23', autumn)).toBe(false);
    expect(isInHalfTerm('2026-11-02', autumn)).toBe(false);
    expect(() => termByName({ ...year, terms: [year.terms[0], year.terms[0], year.terms[0]] }, 'summer')).toThrow(/no summer term/);
  });
});

describe('validateAcademicYear', () => {
  it('accepts a valid year', () => {
    expect(validateAcademicYear(validYear())).toEqual([]);
    expect(validateAcademicYear(validYear(), ['2026-12-25', '2027-05-03'])).toEqual([]);
  });

  it('prefixes every problem with the year label', () => {
    const problems = validateAcademicYear(withTerm(0, { end: '2026-08-20' }));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.startsWith('2026-27: ')).toBe(true);
  });

  it.each<[string, AcademicYear, RegExp]>([
    ['a term ending before it starts', withTerm(0, { end: '2026-08-28' }), /autumn term ends \(2026-08-28\) before it starts/],
    ['a half-term ending before it starts', withTerm(0, { halfTermEnd: '2026-10-23' }), /autumn term half-term ends .* before it starts/],
    [
      'a half-term after the term',
      withTerm(1, { halfTermStart: '2027-03-29', halfTermEnd: '2027-04-02' }),
      /spring term half-term 2027-03-29..2027-04-02 is not inside the term/,
    ],
    [
      'a half-term touching the term start',
      withTerm(2, { halfTermStart: '2027-04-12', halfTermEnd: '2027-04-16' }),
      /summer term half-term .* is not inside the term/,
    ],
    [
      'a half-term touching the term end',
      withTerm(2, { halfTermStart: '2027-07-19', halfTermEnd: '2027-07-21' }),
      /summer term half-term .* is not inside the term/,
    ],
    [
      'overlapping terms',
      withTerm(1, { start: '2026-12-14' }),
      /spring term starts \(2026-12-14\) before the autumn term has ended \(2026-12-18\)/,
    ],
    ['a term starting on a weekend', withTerm(1, { start: '2027-01-03' }), /spring term starts on a weekend \(2027-01-03\)/],
    ['a term ending on a weekend', withTerm(0, { end: '2026-12-19' }), /autumn term ends on a weekend \(2026-12-19\)/],
    ['a term outside the labelled year', { ...validYear(), label: '2025-26' }, /falls outside academic year 2025-26/],
    ['a malformed label', { ...validYear(), label: '2026-2027' }, /label "2026-2027" should look like '2026-27'/],
    ['an invalid date', withTerm(0, { start: '2026-09-31' }), /autumn term start "2026-09-31" is not a valid YYYY-MM-DD date/],
  ])('reports %s', (_name, year, message) => {
    const problems = validateAcademicYear(year);
    expect(problems.join('\n')).toMatch(message);
  });

  it('reports terms out of order by name', () => {
    const year = validYear();
    const [autumn, spring, summer] = year.terms;
    const swapped: AcademicYear = { ...year, terms: [autumn, { ...summer, name: 'spring' }, { ...spring, name: 'summer' }] };
    const problems = validateAcademicYear(swapped).join('\n');
    expect(problems).toMatch(/summer term starts \(2027-01-04\) before the spring term has ended/);
    const misnamed: AcademicYear = { ...year, terms: [{ ...autumn, name: 'spring' }, spring, summer] };
    expect(validateAcademicYear(misnamed).join('\n')).toMatch(/term 1 should be autumn, found spring/);
  });

  it('reports a wrong number of terms without crashing', () => {
    const year = validYear();
    const broken = { ...year, terms: [year.terms[0], year.terms[1]] } as unknown as AcademicYear;
    expect(validateAcademicYear(broken)).toEqual(['2026-27: expected exactly 3 terms (autumn, spring, summer)']);
  });

  describe('INSET days', () => {
    const withInset = (insetDays: string[]) => ({ ...validYear(), insetDays });

    it('must be inside a term', () => {
      expect(validateAcademicYear(withInset(['2026-08-31'])).join()).toMatch(/INSET day 2026-08-31 is not inside any term of 2026-27/);
      expect(validateAcademicYear(withInset(['2026-12-21'])).join()).toMatch(/not inside any term/);
    });

    it('must not be in half-term', () => {
      expect(validateAcademicYear(withInset(['2026-10-27'])).join()).toMatch(/INSET day 2026-10-27 falls in the autumn half-term/);
    });

    it('must be weekdays', () => {
      expect(validateAcademicYear(withInset(['2026-09-05'])).join()).toMatch(/INSET day 2026-09-05 is a weekend/);
    });

    it('must not be bank holidays when those are given', () => {
      expect(validateAcademicYear(withInset(['2027-05-03']))).toEqual([]);
      expect(validateAcademicYear(withInset(['2027-05-03']), ['2027-05-03']).join()).toMatch(/INSET day 2027-05-03 is a bank holiday/);
    });

    it('must not repeat and must be valid dates', () => {
      expect(validateAcademicYear(withInset(['2026-09-01', '2026-09-01'])).join()).toMatch(/INSET day 2026-09-01 is listed twice/);
      expect(validateAcademicYear(withInset(['2026-9-1'])).join()).toMatch(/INSET day "2026-9-1" is not a valid YYYY-MM-DD date/);
    });
  });
});
