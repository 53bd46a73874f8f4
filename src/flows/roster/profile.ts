import { parseDateInput } from '../../core/dates';
import type { Field, OutboundMessage } from '../../core/message';
import { QUALIFICATIONS, type Person, type Platform, type SencoProfile } from '../../core/model';
import { canEditProfile, canReadPerson } from '../../core/permissions';
import { qualificationStatus, type QualificationStatus } from '../../core/qualification';
import { parseQualification, parseTags, yearsToMonths } from '../../core/roster/roster-csv';
import { updateProfile } from '../../core/roster/update-profile';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext } from '../registry';
import { PLATFORM_LABELS, qualificationText, roster, say, today, trustId, ukDate, value } from '../shared/common';
import { auditRead } from './schools';

export function statusText(status: QualificationStatus): string {
  switch (status.status) {
    case 'met':
      return t('qs.met');
    case 'not-required':
      return t('qs.not-required');
    case 'unknown':
      return t(`qs.unknown.${status.missing}`);
    case 'in-progress':
      return t('qs.in-progress', { deadline: ukDate(status.deadline) });
    case 'due':
      return (
        t(status.enrolLate ? 'qs.dueLate' : 'qs.due', { deadline: ukDate(status.deadline), enrolBy: ukDate(status.enrolBy) }) +
        (status.nasencoDoesNotCount ? t('qs.nasencoNote') : '')
      );
    case 'overdue':
      return t('qs.overdue', { deadline: ukDate(status.deadline) }) + (status.nasencoDoesNotCount ? t('qs.nasencoNote') : '');
  }
}

function years(months: number | null): string {
  return months === null ? t('profile.notSet') : String(Math.round((months / 12) * 10) / 10);
}

async function profileView(ctx: HandlerContext, person: Person): Promise<OutboundMessage> {
  const p = person.profile;
  const school = person.schoolId ? await roster(ctx).repo.getSchool(trustId(ctx), person.schoolId) : null;
  const notSet = t('profile.notSet');
  const title = t('profile.title', { name: person.name });
  return {
    summary: title,
    blocks: [
      { type: 'heading', text: title },
      {
        type: 'facts',
        facts: [
          { label: t('profile.appointedOn'), value: p.appointedOn ? ukDate(p.appointedOn) : notSet },
          { label: t('profile.priorYears').replace(/ \(.*\)$/, ''), value: years(p.priorSencoMonths) },
          { label: t('profile.qualification'), value: qualificationText(p.qualification) },
          ...(p.qualificationStartedOn ? [{ label: t('profile.startedOn'), value: ukDate(p.qualificationStartedOn) }] : []),
          ...(p.qualificationCompletedOn ? [{ label: t('profile.completedOn'), value: ukDate(p.qualificationCompletedOn) }] : []),
          { label: t('profile.status'), value: statusText(qualificationStatus(p, today(ctx))) },
          { label: t('profile.tags').replace(/ \(.*\)$/, ''), value: p.tags.join(', ') || notSet },
          ...(school ? [{ label: t('profile.resourceBase'), value: school.hasResourceBase ? 'Yes' : 'No' }] : []),
          {
            label: t('profile.preferred'),
            value: person.preferredPlatform ? PLATFORM_LABELS[person.preferredPlatform] : t('profile.preferred.any'),
          },
        ],
      },
      ...(canEditProfile(ctx.actor, person.id)
        ? [
            {
              type: 'buttons' as const,
              buttons: [{ label: t('profile.edit'), verb: 'profile.open', data: { personId: person.id }, style: 'primary' as const }],
            },
          ]
        : []),
    ],
  };
}

async function profileForm(ctx: HandlerContext, person: Person): Promise<OutboundMessage> {
  const p = person.profile;
  const school = person.schoolId ? await roster(ctx).repo.getSchool(trustId(ctx), person.schoolId) : null;
  const fields: Field[] = [
    { kind: 'date', id: 'appointedOn', label: t('profile.appointedOn'), value: p.appointedOn ?? undefined },
    {
      kind: 'text',
      id: 'priorYears',
      label: t('profile.priorYears'),
      value: p.priorSencoMonths === null ? undefined : years(p.priorSencoMonths),
    },
    {
      kind: 'choice',
      id: 'qualification',
      label: t('profile.qualification'),
      value: p.qualification ?? 'none',
      options: QUALIFICATIONS.map((q) => ({ label: qualificationText(q), value: q })),
    },
    { kind: 'date', id: 'startedOn', label: t('profile.startedOn'), value: p.qualificationStartedOn ?? undefined },
    { kind: 'date', id: 'completedOn', label: t('profile.completedOn'), value: p.qualificationCompletedOn ?? undefined },
    {
      kind: 'text',
      id: 'tags',
      label: t('profile.tags'),
      value: p.tags.join('; ') || undefined,
      placeholder: 'autism; speech and language; EHCP writing',
    },
  ];
  if (school)
    fields.push({
      kind: 'choice',
      id: 'resourceBase',
      label: t('profile.resourceBase'),
      value: school.hasResourceBase ? 'yes' : 'no',
      options: [
        { label: 'Yes', value: 'yes' },
        { label: 'No', value: 'no' },
      ],
    });
  fields.push({
    kind: 'choice',
    id: 'preferred',
    label: t('profile.preferred'),
    value: person.preferredPlatform ?? 'any',
    options: [
      { label: t('profile.preferred.any'), value: 'any' },
      { label: 'Teams', value: 'teams' },
      { label: 'Slack', value: 'slack' },
    ],
  });
  const title = t('profile.form.title', { name: person.name });
  return {
    summary: title,
    blocks: [
      { type: 'heading', text: title },
      {
        type: 'form',
        fields,
        submit: { label: t('profile.save'), verb: 'profile.save', data: { personId: person.id }, style: 'primary' },
        cancel: { label: t('import.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

/** Reads a profile someone may see: their own, or (leaders, trust leaders) anyone's, audited. */
async function readable(ctx: HandlerContext, personId: string): Promise<Person | 'not-found' | 'forbidden'> {
  const person = await roster(ctx).repo.getPerson(trustId(ctx), personId);
  if (!person) return 'not-found';
  if (!canReadPerson(ctx.actor, person)) return 'forbidden';
  if (person.id !== ctx.actor.personId) await auditRead(ctx, 'profile', person.schoolId, person.id);
  return person;
}

export const profileCommand: Command = {
  id: 'profile',
  aliases: ['my profile'],
  summary: "See and update your SENCO profile (leaders: anyone's)",
  usage: 'profile [email]',
  examples: ['profile'],
  audience: 'linked',
  dataRule: "own profile; leaders and admins: anyone in the trust; trust leaders: read only; others' reads are audited",
  async run(ctx, args) {
    let personId = ctx.actor.personId!;
    if (args) {
      const other = await roster(ctx).repo.findPersonByEmail(trustId(ctx), args);
      if (!other) return say('notFound.person', { name: args });
      personId = other.id;
    }
    const person = await readable(ctx, personId);
    if (person === 'forbidden') return say('profile.notYours');
    if (person === 'not-found') return say('notFound.person', { name: args });
    const empty = person.profile.appointedOn === null && person.profile.qualification === null && person.id === ctx.actor.personId;
    return [empty ? await profileForm(ctx, person) : await profileView(ctx, person)];
  },
};

function readDate(data: Record<string, string>, key: string): string | null | 'bad' {
  const text = value(data, key);
  if (!text) return null;
  return parseDateInput(text) ?? 'bad';
}

export const profileActions: ActionHandler[] = [
  {
    verb: 'profile.open',
    audience: 'linked',
    dataRule: 'own profile; leaders and admins: anyone in the trust',
    async run(ctx, data) {
      const personId = value(data, 'personId') || ctx.actor.personId!;
      if (!canEditProfile(ctx.actor, personId)) return say('profile.notYours');
      const person = await roster(ctx).repo.getPerson(trustId(ctx), personId);
      return person ? [await profileForm(ctx, person)] : say('notFound.item');
    },
  },
  {
    verb: 'profile.save',
    audience: 'linked',
    dataRule: 'own profile; leaders and admins: anyone in the trust',
    async run(ctx, data) {
      const personId = value(data, 'personId') || ctx.actor.personId!;
      if (!canEditProfile(ctx.actor, personId)) return say('profile.notYours');
      const dates = {
        appointedOn: readDate(data, 'appointedOn'),
        startedOn: readDate(data, 'startedOn'),
        completedOn: readDate(data, 'completedOn'),
      };
      for (const key of ['appointedOn', 'startedOn', 'completedOn'] as const)
        if (dates[key] === 'bad') return say('profile.badDate', { value: value(data, key) });
      const yearsText = value(data, 'priorYears');
      const months = yearsText ? yearsToMonths(yearsText) : null;
      if (yearsText && months === null) return say('profile.badYears');
      const profile: SencoProfile = {
        appointedOn: dates.appointedOn as string | null,
        priorSencoMonths: months,
        qualification: parseQualification(value(data, 'qualification')) ?? 'none',
        qualificationStartedOn: dates.startedOn as string | null,
        qualificationCompletedOn: dates.completedOn as string | null,
        tags: parseTags(value(data, 'tags')),
      };
      const preferred = value(data, 'preferred');
      const resourceBase = value(data, 'resourceBase');
      const result = await updateProfile(roster(ctx), ctx.actor, personId, {
        profile,
        preferredPlatform: preferred === 'teams' || preferred === 'slack' ? (preferred as Platform) : null,
        ...(resourceBase ? { schoolHasResourceBase: resourceBase === 'yes' } : {}),
      });
      if (!result.ok) {
        if (result.error === 'dates-order') return say('profile.datesOrder');
        if (result.error === 'forbidden') return say('profile.notYours');
        return say(result.error === 'conflict' ? 'conflict' : 'notFound.item');
      }
      return [...say('profile.saved'), await profileView(ctx, result.value)];
    },
  },
];
