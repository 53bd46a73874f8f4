/**
 * The leader creates a series: `meeting new` shows one form (title, audience, how often, day,
 * time, length, mode, venue or link); the submit checks it, proposes the year's dates from each
 * audience school's calendar and shows them; "Send invitations" creates the series and invites
 * everyone. The draft waits in the state store and the confirm takes it atomically, so a second
 * press (or a simultaneous one on another replica) finds nothing to send twice.
 */
import { academicYearLabel, localDateParts, type Weekday } from '../../calendar';
import { londonDate } from '../../core/dates';
import type { MeetingMode } from '../../core/meetings/model';
import type { SeriesDetailsChange } from '../../core/meetings-port';
import type { Field, OutboundMessage } from '../../core/message';
import { textMessage } from '../../core/message';
import type { School } from '../../core/model';
import { t } from '../../i18n/en-GB';
import { MEETING_VERBS, meetingErrorText, proposalCard } from '../../meetings/cards';
import { proposeSeriesDates, type ProposedOccurrence, type SeriesSpec } from '../../meetings/propose-dates';
import { inviteAudience } from '../campaigns/engine';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { LEADERS, PHASE_LABELS, value } from '../shared/common';
import { deliverToPeople } from '../../core/deliver-to-people';
import { asCampaign, meetingCampaign } from './campaign';
import { audienceSchools, leaderKey, leaderMessage, MEETING_VERBS_EXTRA, type MeetingsSvc } from './services';

export const TITLE_MAX = 120;
export const VENUE_MAX = 200;
export const LINK_MAX = 500;
const DRAFT_TTL_MS = 2 * 24 * 60 * 60 * 1000;
const draftKey = (personId: string) => `meetings-draft:${personId}`;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export interface SeriesDraft {
  title: string;
  schoolIds: string[];
  perTerm: 1 | 2;
  weekday: Weekday;
  time: string;
  durationMinutes: number;
  mode: MeetingMode;
  venue: string | null;
  joinUrl: string | null;
  yearLabel: string;
}

function svcOf(ctx: LinkedContext): MeetingsSvc {
  return ctx.deps;
}

function thisYearStart(now: Date): number {
  const { year, month } = localDateParts(londonDate(now));
  return month >= 9 ? year : year - 1;
}

export function titleField(values: Record<string, string>): Field {
  return {
    kind: 'text',
    id: 'title',
    label: t('meetings.form.title'),
    value: values.title,
    placeholder: t('meetings.form.titleHint'),
    required: true,
  };
}

/** Mode, venue and link: the new-series form and the edit form. */
export function whereFields(values: Record<string, string>): Field[] {
  return [
    {
      kind: 'choice',
      id: 'mode',
      label: t('meetings.form.mode'),
      options: [
        { label: t('meetings.form.mode.online'), value: 'online' },
        { label: t('meetings.form.mode.inPerson'), value: 'in-person' },
        { label: t('meetings.form.mode.hybrid'), value: 'hybrid' },
      ],
      value: values.mode || 'online',
      required: true,
    },
    { kind: 'text', id: 'venue', label: t('meetings.form.venue'), value: values.venue },
    { kind: 'text', id: 'link', label: t('meetings.form.link'), value: values.link, placeholder: 'https://' },
  ];
}

export function seriesForm(schools: readonly School[], values: Record<string, string> = {}, now: Date): OutboundMessage {
  const regions = [...new Set(schools.map((s) => s.region).filter((r): r is string => Boolean(r)))].sort();
  const start = thisYearStart(now);
  const choice = (id: string, label: string, options: Array<{ label: string; value: string }>, fallback: string): Field => ({
    kind: 'choice',
    id,
    label,
    options,
    value: values[id] || fallback,
    required: true,
  });
  const fields: Field[] = [
    titleField(values),
    choice(
      'audience',
      t('meetings.form.audience'),
      [
        { label: t('meetings.form.audience.trust'), value: 'trust' },
        { label: `${PHASE_LABELS.primary}`, value: 'phase:primary' },
        { label: `${PHASE_LABELS.secondary}`, value: 'phase:secondary' },
        ...regions.map((r) => ({ label: t('meetings.form.audience.region', { region: r }), value: `region:${r}` })),
        { label: t('meetings.form.audience.chosen'), value: 'schools' },
      ],
      'trust',
    ),
    {
      kind: 'text',
      id: 'schools',
      label: t('meetings.form.schools'),
      value: values.schools,
      placeholder: schools
        .slice(0, 2)
        .map((s) => s.name)
        .join(', '),
    },
    choice(
      'special',
      t('meetings.form.special'),
      [
        { label: t('meetings.form.yes'), value: 'yes' },
        { label: t('meetings.form.no'), value: 'no' },
      ],
      'yes',
    ),
    choice(
      'year',
      t('meetings.form.year'),
      [start, start + 1].map((y) => ({ label: academicYearLabel(y), value: academicYearLabel(y) })),
      academicYearLabel(start),
    ),
    choice(
      'perTerm',
      t('meetings.form.perTerm'),
      [
        { label: t('meetings.form.once'), value: '1' },
        { label: t('meetings.form.twice'), value: '2' },
      ],
      '1',
    ),
    choice(
      'weekday',
      t('meetings.form.weekday'),
      DAYS.map((d, i) => ({ label: d, value: String(i + 1) })),
      '2',
    ),
    { kind: 'text', id: 'time', label: t('meetings.form.time'), value: values.time || '15:45', required: true },
    { kind: 'text', id: 'duration', label: t('meetings.form.duration'), value: values.duration || '90', required: true },
    ...whereFields(values),
  ];
  return {
    summary: t('meetings.form.heading'),
    blocks: [
      { type: 'heading', text: t('meetings.form.heading') },
      { type: 'text', text: t('meetings.form.intro') },
      {
        type: 'form',
        fields,
        submit: { label: t('meetings.form.submit'), verb: MEETING_VERBS_EXTRA.draft, style: 'primary' },
        cancel: { label: t('meetings.form.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

export function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && Boolean(url.hostname) && !/\s/.test(text);
  } catch {
    return false;
  }
}

/** The audience's schools: special and AP settings join a phase or region unless the leader said no. */
export function audienceOf(
  schools: readonly School[],
  audience: string,
  chosen: string,
  includeSpecial: boolean,
): { schools: School[]; unknown: string[] } {
  const live = schools.filter((s) => !s.archived);
  const specialist = (s: School) => s.phase === 'special' || s.phase === 'alternative-provision';
  if (audience === 'schools') {
    const names = chosen
      .split(/[,;\n]/)
      .map((n) => n.trim())
      .filter(Boolean);
    const found: School[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const school = live.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (school) {
        if (!found.includes(school)) found.push(school);
      } else unknown.push(name);
    }
    return { schools: found, unknown };
  }
  let picked = live;
  if (audience.startsWith('phase:')) {
    const phase = audience.slice('phase:'.length);
    picked = live.filter((s) => s.phase === phase || s.phase === 'all-through' || (includeSpecial && specialist(s)));
  } else if (audience.startsWith('region:')) {
    const region = audience.slice('region:'.length);
    picked = live.filter((s) => s.region === region && (includeSpecial || !specialist(s)));
  } else if (!includeSpecial) picked = live.filter((s) => !specialist(s));
  return { schools: picked, unknown: [] };
}

type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Title, mode, venue and link: checked the same way when a series is set up and when it is edited. */
export function readDetails(data: Record<string, string>): Checked<SeriesDetailsChange> {
  const title = value(data, 'title');
  if (!title) return { ok: false, problem: t('meetings.form.problem.title') };
  if (title.length > TITLE_MAX)
    return { ok: false, problem: t('meetings.form.problem.tooLong', { what: t('meetings.form.title'), max: TITLE_MAX }) };
  const mode = value(data, 'mode') || 'online';
  if (mode !== 'online' && mode !== 'in-person' && mode !== 'hybrid') return { ok: false, problem: t('meetings.form.problem.mode') };
  const venue = value(data, 'venue');
  const link = value(data, 'link');
  if (venue.length > VENUE_MAX)
    return { ok: false, problem: t('meetings.form.problem.tooLong', { what: t('meetings.form.venue'), max: VENUE_MAX }) };
  if (link.length > LINK_MAX)
    return { ok: false, problem: t('meetings.form.problem.tooLong', { what: t('meetings.form.link'), max: LINK_MAX }) };
  if (mode !== 'online' && !venue) return { ok: false, problem: t('meetings.form.problem.venue') };
  if (mode !== 'in-person' && !link) return { ok: false, problem: t('meetings.form.problem.link') };
  if (mode !== 'in-person' && !isHttpsUrl(link)) return { ok: false, problem: t('meetings.form.problem.notUrl') };
  return {
    ok: true,
    value: { title, mode, venue: mode === 'online' ? null : venue, joinUrl: mode === 'in-person' ? null : link },
  };
}

/** Checks the form; the first problem is explained (bad input is never silently scheduled). */
export function readDraft(
  data: Record<string, string>,
  schools: readonly School[],
): { ok: true; draft: SeriesDraft } | { ok: false; problem: string } {
  const details = readDetails(data);
  if (!details.ok) return details;
  const audience = value(data, 'audience') || 'trust';
  const picked = audienceOf(schools, audience, value(data, 'schools'), value(data, 'special') !== 'no');
  if (picked.unknown.length > 0)
    return { ok: false, problem: t('meetings.form.problem.unknownSchools', { schools: picked.unknown.join(', ') }) };
  if (picked.schools.length === 0) return { ok: false, problem: meetingErrorText('no-schools') };
  const perTerm = value(data, 'perTerm') === '2' ? 2 : 1;
  const weekday = Number(value(data, 'weekday') || '2');
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 5) return { ok: false, problem: meetingErrorText('bad-weekday') };
  const durationText = value(data, 'duration') || '90';
  const durationMinutes = /^\d{1,4}$/.test(durationText) ? Number(durationText) : NaN;
  if (!Number.isInteger(durationMinutes)) return { ok: false, problem: meetingErrorText('bad-duration') };
  const yearLabel = value(data, 'year');
  if (!/^\d{4}-\d{2}$/.test(yearLabel)) return { ok: false, problem: t('meetings.form.problem.year') };
  return {
    ok: true,
    draft: {
      ...details.value,
      schoolIds: picked.schools.map((s) => s.id),
      perTerm,
      weekday: weekday as Weekday,
      time: value(data, 'time'),
      durationMinutes,
      yearLabel,
    },
  };
}

async function proposeFor(ctx: LinkedContext, draft: SeriesDraft) {
  const svc = svcOf(ctx);
  const all = await ctx.deps.roster.repo.listSchools(ctx.actor.trustId);
  const schools = all.filter((s) => draft.schoolIds.includes(s.id));
  const spec: SeriesSpec = {
    yearLabel: draft.yearLabel,
    perTerm: draft.perTerm,
    weekday: draft.weekday,
    time: draft.time,
    durationMinutes: draft.durationMinutes,
    notBefore: londonDate(ctx.deps.clock.now()),
  };
  const names = new Map(all.map((s) => [s.id, s.name]));
  return { result: proposeSeriesDates(spec, await audienceSchools(svc, ctx.actor.trustId, schools)), names };
}

export const newMeetingCommand: Command = {
  id: 'meeting new',
  aliases: ['new meeting', 'meetings new'],
  summary: 'Set up a series of network meetings for the school year (SEND leaders)',
  usage: 'meeting new',
  examples: ['meeting new'],
  audience: LEADERS,
  run: forLinked(async (ctx) => {
    const schools = await ctx.deps.roster.repo.listSchools(ctx.actor.trustId);
    return [seriesForm(schools, {}, ctx.deps.clock.now())];
  }),
};

export const draftSubmit: ActionHandler = {
  verb: MEETING_VERBS_EXTRA.draft,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const schools = await ctx.deps.roster.repo.listSchools(ctx.actor.trustId);
    const read = readDraft(data, schools);
    if (!read.ok) return [textMessage(read.problem), seriesForm(schools, data, ctx.deps.clock.now())];
    const { result, names } = await proposeFor(ctx, read.draft);
    if (!result.ok) return [textMessage(meetingErrorText(result.error, result.detail)), seriesForm(schools, data, ctx.deps.clock.now())];
    if (result.value.occurrences.length === 0) return [textMessage(meetingErrorText('no-school-days-left', read.draft.yearLabel))];
    await ctx.deps.state.set(
      draftKey(ctx.actor.personId),
      { flow: 'meetings-draft', step: 'confirm', data: { ...read.draft } },
      DRAFT_TTL_MS,
    );
    return [proposalCard({ title: read.draft.title, yearLabel: read.draft.yearLabel, proposal: result.value, schoolNames: names })];
  }),
};

export const changeDraft: ActionHandler = {
  verb: MEETING_VERBS.changeSeries,
  audience: LEADERS,
  dataRule: 'own trust only',
  run: forLinked(async (ctx) => {
    const stored = await ctx.deps.state.get(draftKey(ctx.actor.personId));
    const schools = await ctx.deps.roster.repo.listSchools(ctx.actor.trustId);
    const d = stored?.data as Partial<SeriesDraft> | undefined;
    const values: Record<string, string> = d
      ? {
          title: d.title ?? '',
          time: d.time ?? '',
          duration: String(d.durationMinutes ?? ''),
          venue: d.venue ?? '',
          link: d.joinUrl ?? '',
          mode: d.mode ?? '',
          weekday: String(d.weekday ?? ''),
          perTerm: String(d.perTerm ?? ''),
          year: d.yearLabel ?? '',
        }
      : {};
    return [seriesForm(schools, values, ctx.deps.clock.now())];
  }),
};

export const confirmSeries: ActionHandler = {
  verb: MEETING_VERBS.confirmSeries,
  audience: LEADERS,
  dataRule: "own trust only; the draft is the pressing leader's own",
  run: forLinked(async (ctx) => {
    const key = draftKey(ctx.actor.personId);
    // Taken in one DELETE ... RETURNING (a compare-and-set in the database): of two presses at
    // the same instant, on one replica or two, exactly one gets the draft; the other finds none.
    const stored = await ctx.deps.state.take(key);
    if (!stored) return [textMessage(t('meetings.flow.nothingToConfirm'))];
    const draft = stored.data as unknown as SeriesDraft;
    const { result } = await proposeFor(ctx, draft);
    if (!result.ok) {
      await ctx.deps.state.set(key, stored, DRAFT_TTL_MS); // kept, so "Change" can still show it
      return [textMessage(meetingErrorText(result.error, result.detail))];
    }
    return createAndInvite(ctx, draft, result.value.occurrences);
  }),
};

async function createAndInvite(ctx: LinkedContext, draft: SeriesDraft, occurrences: readonly ProposedOccurrence[]): Promise<Reply> {
  const svc = svcOf(ctx);
  const now = ctx.deps.clock.now();
  const created = await ctx.deps.meetings.repo.createSeries(
    { trustId: ctx.actor.trustId, leaderId: ctx.actor.personId, ...draft },
    occurrences.map((o) => ({
      key: o.key,
      date: o.date,
      time: o.time,
      durationMinutes: o.durationMinutes,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      schoolsOff: o.schoolsOff,
    })),
    now,
  );
  await ctx.deps.audit.record({
    trustId: ctx.actor.trustId,
    actorId: ctx.actor.personId,
    action: 'meetings.series.create',
    subject: created.series.id,
    details: { title: draft.title, occurrences: created.occurrences.length, schools: draft.schoolIds.length },
  });
  const kind = meetingCampaign(svc);
  let invited = 0;
  let unreachable = 0;
  const leader = await ctx.deps.roster.repo.getPerson(ctx.actor.trustId, ctx.actor.personId);
  const contacts = await ctx.deps.roster.identities.contacts(ctx.actor.trustId, [ctx.actor.personId]);
  for (const occurrence of created.occurrences) {
    const sent = await inviteAudience(svc, kind, asCampaign(occurrence, created.series, now));
    invited = Math.max(invited, sent.queued + sent.duplicates);
    unreachable = Math.max(unreachable, sent.unreachable);
    if (leader) {
      await deliverToPeople(ctx.deps.outbox, ctx.actor.trustId, contacts, [
        { person: leader, key: leaderKey(occurrence.id), content: await leaderMessage(svc, occurrence, created.series) },
      ]);
    }
  }
  const lines = [t('meetings.flow.created', { title: draft.title, count: created.occurrences.length, invited })];
  if (unreachable > 0) lines.push(t('meetings.flow.unreachable', { count: unreachable }));
  return [textMessage(lines.join('\n'))];
}
