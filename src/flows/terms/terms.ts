import { DEFAULT_BANK_HOLIDAYS, mergeBankHolidays } from '../../calendar/bank-holidays';
import { defaultAcademicYear } from '../../calendar/default-pattern';
import {
  academicYearLabel,
  startYearOfLabel,
  TERM_NAMES,
  validateAcademicYear,
  type AcademicYear,
  type TermName,
} from '../../calendar/term-dates';
import { formatDate, londonDate, parseDateInput } from '../../core/dates';
import type { OutboundMessage } from '../../core/message';
import type { School } from '../../core/model';
import type { ActionHandler, Command, HandlerContext, Reply } from '../registry';
import { entry, LEADERS, roster, say, trustId, value } from '../shared/common';
import { t } from '../../i18n/en-GB';

/**
 * Term dates: the trust's, or one school's where it differs (academies in one trust often
 * do). Where nothing is stored the usual English pattern is offered, and scheduling uses it.
 */
const TERM_LABEL: Record<TermName, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };
const YEAR = /^\d{4}-\d{2}$/;

/** The academic year a date falls in: September starts a new one. */
export function academicYearOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return academicYearLabel(m >= 9 ? y : y - 1);
}

interface Target {
  label: string;
  school: School | null;
  term: TermName | null;
}

/** Reads "[autumn|spring|summer] [2026-27] [school name]" in any order of the first two. */
async function parseTarget(ctx: HandlerContext, args: string): Promise<Target | { error: Reply }> {
  const words = args.split(/\s+/).filter(Boolean);
  let term: TermName | null = null;
  let label = academicYearOf(londonDate(ctx.deps.clock.now()));
  while (words.length) {
    const word = words[0]!.toLowerCase();
    if ((TERM_NAMES as readonly string[]).includes(word)) term = word as TermName;
    else if (YEAR.test(word) && startYearOfLabel(word) !== null) label = word;
    else if (YEAR.test(word)) return { error: say('terms.badYear', { year: word }) };
    else break;
    words.shift();
  }
  const name = words.join(' ');
  if (!name) return { label, school: null, term };
  const school = await findSchool(ctx, (s) => s.name.toLowerCase() === name.toLowerCase());
  return school ? { label, school, term } : { error: say('terms.noSchool', { name: name.slice(0, 80) }) };
}

/** Only schools of the asker's own trust are ever found: another trust's id reads as unknown. */
async function findSchool(ctx: HandlerContext, match: (s: School) => boolean): Promise<School | null> {
  const schools = await roster(ctx).repo.listSchools(trustId(ctx));
  return schools.find((s) => !s.archived && match(s)) ?? null;
}

/** The stored year for the school (its override first, then the trust's), else the default pattern. */
async function yearFor(
  ctx: HandlerContext,
  label: string,
  school: School | null,
): Promise<{ year: AcademicYear; source: 'school' | 'trust' | 'default' }> {
  const stored = await ctx.deps.termDates.load(trustId(ctx), school?.id ?? null);
  const pick = (years: unknown[]) => (years as AcademicYear[]).find((y) => y?.label === label);
  const own = school ? pick(stored.schoolYears) : undefined;
  if (own) return { year: own, source: 'school' };
  const trust = pick(stored.trustYears);
  if (trust) return { year: trust, source: 'trust' };
  return { year: defaultAcademicYear(startYearOfLabel(label)!), source: 'default' };
}

function yearMessage(year: AcademicYear, source: 'school' | 'trust' | 'default', school: School | null): OutboundMessage {
  const title = t('terms.title', { year: year.label, who: school?.name ?? t('terms.trust') });
  const rows = year.terms.map((term) => [
    TERM_LABEL[term.name],
    `${formatDate(term.start)} – ${formatDate(term.end)}`,
    `${formatDate(term.halfTermStart)} – ${formatDate(term.halfTermEnd)}`,
  ]);
  return {
    summary: title,
    blocks: [
      { type: 'heading', text: title },
      { type: 'table', columns: [t('terms.col.term'), t('terms.col.dates'), t('terms.col.halfTerm')], rows },
      {
        type: 'text',
        text: year.insetDays.length ? t('terms.inset', { days: year.insetDays.map(formatDate).join(', ') }) : t('terms.noInset'),
      },
      { type: 'text', text: t(`terms.source.${source}`), muted: true },
    ],
  };
}

export const termsCommand: Command = {
  id: 'terms',
  aliases: ['term dates'],
  summary: 'Show term dates, half-terms and INSET days',
  usage: 'terms [2026-27] [school]',
  examples: ['terms', 'terms 2027-28 Oak Primary'],
  audience: 'linked',
  dataRule: "own trust's schools only",
  async run(ctx, args) {
    const target = await parseTarget(ctx, args);
    if ('error' in target) return target.error;
    const { year, source } = await yearFor(ctx, target.label, target.school);
    return [yearMessage(year, source, target.school)];
  },
};

export const termsSetCommand: Command = {
  id: 'terms set',
  aliases: [],
  summary: "Set one term's dates and INSET days for the trust or one school",
  usage: 'terms set <autumn|spring|summer> [2026-27] [school]',
  examples: ['terms set autumn', 'terms set spring 2026-27 Oak Primary'],
  audience: LEADERS,
  dataRule: "own trust's schools only",
  async run(ctx, args) {
    const target = await parseTarget(ctx, args);
    if ('error' in target) return target.error;
    if (!target.term) return say('terms.whichTerm');
    const { year } = await yearFor(ctx, target.label, target.school);
    const term = year.terms.find((x) => x.name === target.term)!;
    const inset = year.insetDays.filter((d) => d >= term.start && d <= term.end);
    const title = t('terms.form.title', { term: TERM_LABEL[term.name], year: year.label, who: target.school?.name ?? t('terms.trust') });
    return [
      {
        summary: title,
        blocks: [
          { type: 'heading', text: title },
          {
            type: 'form',
            fields: [
              { kind: 'date', id: 'start', label: t('terms.form.start'), value: term.start, required: true },
              { kind: 'date', id: 'halfTermStart', label: t('terms.form.halfTermStart'), value: term.halfTermStart, required: true },
              { kind: 'date', id: 'halfTermEnd', label: t('terms.form.halfTermEnd'), value: term.halfTermEnd, required: true },
              { kind: 'date', id: 'end', label: t('terms.form.end'), value: term.end, required: true },
              { kind: 'text', id: 'inset', label: t('terms.form.inset'), value: inset.join(', '), placeholder: '2026-09-01, 2027-01-04' },
            ],
            submit: {
              label: t('terms.form.save'),
              verb: 'terms.save',
              data: { term: term.name, label: year.label, schoolId: target.school?.id ?? '' },
              style: 'primary',
            },
            cancel: { label: t('import.cancel'), verb: 'form.cancel' },
          },
        ],
      },
    ];
  },
};

export const termsSaveAction: ActionHandler = {
  verb: 'terms.save',
  audience: LEADERS,
  dataRule: "own trust's schools only",
  async run(ctx, data) {
    const name = value(data, 'term') as TermName;
    const label = value(data, 'label');
    if (!(TERM_NAMES as readonly string[]).includes(name) || !YEAR.test(label) || startYearOfLabel(label) === null)
      return say('unknown.action');
    const schoolId = value(data, 'schoolId');
    const school = schoolId ? await findSchool(ctx, (s) => s.id === schoolId) : null;
    if (schoolId && !school) return say('notFound.item');
    const dates = readDates(data);
    if ('error' in dates) return say('terms.badDate', { field: dates.error });
    const { year } = await yearFor(ctx, label, school);
    const termsWithout = year.terms.map((x) => (x.name === name ? { ...x, ...dates.term } : x)) as AcademicYear['terms'];
    const current = year.terms.find((x) => x.name === name)!;
    const insetDays = [...year.insetDays.filter((d) => d < current.start || d > current.end), ...dates.inset].sort();
    const updated: AcademicYear = { ...year, terms: termsWithout, insetDays };
    const stored = await ctx.deps.termDates.load(trustId(ctx), null);
    const problems = validateAcademicYear(updated, mergeBankHolidays([...DEFAULT_BANK_HOLIDAYS], stored.extraBankHolidays));
    if (problems.length) return say('terms.invalid', { problems: problems.map((p) => `• ${p}`).join('\n') });
    await ctx.deps.termDates.save(trustId(ctx), school?.id ?? null, label, updated);
    await ctx.deps.audit.record(entry(ctx.actor, 'terms.save', school?.id ?? trustId(ctx), { label, term: name }));
    return [yearMessage(updated, school ? 'school' : 'trust', school)];
  },
};

function readDates(
  data: Record<string, string>,
): { term: { start: string; halfTermStart: string; halfTermEnd: string; end: string }; inset: string[] } | { error: string } {
  const term: Record<string, string> = {};
  for (const field of ['start', 'halfTermStart', 'halfTermEnd', 'end'] as const) {
    const parsed = parseDateInput(value(data, field));
    if (!parsed) return { error: t(`terms.form.${field}`) };
    term[field] = parsed;
  }
  const inset: string[] = [];
  for (const text of value(data, 'inset')
    .split(/[,;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .slice(0, 10)) {
    const parsed = parseDateInput(text);
    if (!parsed) return { error: `${t('terms.form.inset')} ("${text.slice(0, 20)}")` };
    inset.push(parsed);
  }
  return { term: term as { start: string; halfTermStart: string; halfTermEnd: string; end: string }, inset };
}
