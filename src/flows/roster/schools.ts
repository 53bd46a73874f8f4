import { archiveConfirmation } from './archive-confirm';
import { leaderListButtons } from './list-buttons';
import type { Block, OutboundMessage } from '../../core/message';
import { SCHOOL_PHASES, type School } from '../../core/model';
import { parseSchoolHours } from '../../core/school-hours';
import { isLeader, ownSchoolIds, readsWholeTrust } from '../../core/permissions';
import { parsePhase } from '../../core/roster/roster-csv';
import { saveSchool, setSchoolArchived, type SchoolError } from '../../core/roster/save-school';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext, Reply } from '../registry';
import { entry, LEADERS, PHASE_LABELS, roster, say, trustId, value } from '../shared/common';
import { matchingName, offsetOf, pageFooter, pageOf, pickerField, resolvePick } from '../paging';
import { verbatim } from '../../core/verbatim';

const yesNo = [
  { label: 'Yes', value: 'yes' },
  { label: 'No', value: 'no' },
];

/**
 * One school as a fact: its name, then only what is known ("Secondary · Leeds · North · resource
 * base"). A 5-column table broke words mid-word on a phone and showed "-" (a bullet in Teams)
 * in every empty cell.
 */
function schoolFact(s: School, withStatus = false): { label: string; value: string } {
  const parts = [
    PHASE_LABELS[s.phase],
    s.localAuthority ? verbatim(s.localAuthority) : null,
    s.region ? verbatim(s.region) : null,
    s.hasResourceBase ? t('school.fact.resourceBase') : null,
  ];
  if (withStatus && s.archived) parts.push(t('school.fact.archived'));
  // Names and places are roster text: marked so each renderer shows them exactly as written.
  return { label: verbatim(s.name), value: parts.filter((p): p is string => Boolean(p)).join(' · ') };
}

export const schoolsCommand: Command = {
  id: 'schools',
  aliases: ['school list'],
  summary: 'List the schools (a SENCO sees their own); add part of a name to jump to a school',
  usage: 'schools [all] [part of a name]',
  examples: ['schools', 'schools oak'],
  audience: 'linked',
  dataRule: 'SENCO: own school only; leaders, admins and trust leaders: whole trust',
  async run(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const all = words[0]?.toLowerCase() === 'all';
    return schoolsView(ctx, { all, query: (all ? words.slice(1) : words).join(' '), offset: 0 });
  },
};

async function schoolsView(ctx: HandlerContext, view: { all: boolean; query: string; offset: number }): Promise<Reply> {
  const services = roster(ctx);
  const trust = await services.repo.getTrust(trustId(ctx));
  const all = await services.repo.listSchools(trustId(ctx), { includeArchived: true });
  if (!readsWholeTrust(ctx.actor)) {
    const own = all.filter((s) => ownSchoolIds(ctx.actor).includes(s.id));
    if (own.length === 0) return say('schools.none');
    return [
      {
        summary: t('schools.own'),
        blocks: [
          { type: 'heading', text: t('schools.own') },
          { type: 'facts', facts: own.map((s) => schoolFact(s)) },
        ],
      },
    ];
  }
  const showArchived = view.all;
  const listed = all.filter((s) => showArchived || !s.archived);
  const shown = matchingName(listed, (s) => s.name, view.query);
  const page = pageOf(shown, view.offset);
  const blocks: Block[] = [{ type: 'heading', text: t('schools.title', { trust: trust?.name ?? '' }) }];
  if (view.query && shown.length === 0) blocks.push({ type: 'text', text: t('list.noMatch', { query: view.query }) });
  else if (shown.length === 0) blocks.push({ type: 'text', text: t('schools.none') });
  else {
    blocks.push({ type: 'facts', facts: page.items.map((s) => schoolFact(s, showArchived)) });
  }
  const more = { label: t('list.more'), verb: 'schools.page', data: { all: showArchived ? 'yes' : 'no', query: view.query.slice(0, 200) } };
  blocks.push(...pageFooter(page, more, t('schools.jump')));
  const archived = all.length - all.filter((s) => !s.archived).length;
  if (!showArchived && archived > 0) blocks.push({ type: 'text', text: t('schools.archivedNote', { count: archived }), muted: true });
  if (isLeader(ctx.actor)) {
    blocks.push(
      leaderListButtons({
        entity: 'school',
        hasRows: shown.length > 0,
        add: t('schools.add'),
        edit: t('schools.edit'),
        archive: t('schools.archive'),
      }),
    );
  }
  return [{ summary: t('schools.title', { trust: trust?.name ?? '' }), blocks }];
}

/** The Show more button under the schools list. */
export const schoolsPageAction: ActionHandler = {
  verb: 'schools.page',
  audience: 'linked',
  dataRule: 'SENCO: own school only; leaders, admins and trust leaders: whole trust',
  run: (ctx, data) => schoolsView(ctx, { all: value(data, 'all') === 'yes', query: value(data, 'query'), offset: offsetOf(data.offset) }),
};

export function schoolForm(school: School | null): OutboundMessage {
  const title = school ? t('school.form.editTitle', { school: school.name }) : t('school.form.addTitle');
  return {
    summary: title,
    blocks: [
      { type: 'heading', text: title },
      {
        type: 'form',
        fields: [
          { kind: 'text', id: 'name', label: t('school.form.name'), value: school?.name, required: true },
          {
            kind: 'choice',
            id: 'phase',
            label: t('school.form.phase'),
            value: school?.phase,
            required: true,
            options: SCHOOL_PHASES.map((p) => ({ label: PHASE_LABELS[p], value: p })),
          },
          { kind: 'text', id: 'localAuthority', label: t('school.form.la'), value: school?.localAuthority ?? undefined },
          { kind: 'text', id: 'region', label: t('school.form.region'), value: school?.region ?? undefined },
          {
            kind: 'choice',
            id: 'resourceBase',
            label: t('school.form.resourceBase'),
            value: school?.hasResourceBase ? 'yes' : 'no',
            options: yesNo,
          },
          // The school's own day: nudges to its people wait for it (blank = 08:00 to 17:30).
          { kind: 'text', id: 'dayStart', label: t('school.form.dayStart'), placeholder: '08:00', value: school?.dayStart ?? undefined },
          { kind: 'text', id: 'dayEnd', label: t('school.form.dayEnd'), placeholder: '17:30', value: school?.dayEnd ?? undefined },
        ],
        submit: { label: t('school.form.save'), verb: 'school.save', data: school ? { schoolId: school.id } : {}, style: 'primary' },
        cancel: { label: t('import.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

/** "school edit Oak" / "school archive Oak" / "school restore Oak", or a chooser without a name. */
function byName(intent: 'edit' | 'archive' | 'restore'): Command['run'] {
  return async (ctx, args) => {
    const services = roster(ctx);
    if (!args) return [await chooser(ctx, intent)];
    const exact = await services.repo.findSchoolByName(trustId(ctx), args);
    if (exact) return [intentMessage(exact, intent)];
    // Part of a name is enough: one match goes straight on, several give a shorter menu.
    const matches = resolvePick(await pickable(ctx, intent), args);
    if (matches.length === 0) return say('notFound.school', { name: args });
    if (matches.length > 1) return [await chooser(ctx, intent, matches, t('list.matches', { count: matches.length, query: args }))];
    const school = await services.repo.getSchool(trustId(ctx), matches[0]!.value);
    return school ? [intentMessage(school, intent)] : say('notFound.school', { name: args });
  };
}

async function pickable(ctx: HandlerContext, intent: 'edit' | 'archive' | 'restore') {
  return (await roster(ctx).repo.listSchools(trustId(ctx), { includeArchived: true }))
    .filter((s) => (intent === 'restore' ? s.archived : !s.archived))
    .map((s) => ({ label: s.name, value: s.id }));
}

/** Which school? A menu (all of them, or those matching what was typed), or a box for part of the name. */
async function chooser(
  ctx: HandlerContext,
  intent: 'edit' | 'archive' | 'restore',
  options?: Array<{ label: string; value: string }>,
  note?: string,
): Promise<OutboundMessage> {
  const schools = options ?? (await pickable(ctx, intent));
  if (schools.length === 0) return { summary: t('schools.none'), blocks: [{ type: 'text', text: t('schools.none') }] };
  return {
    summary: t('school.pick.title'),
    blocks: [
      ...(note ? [{ type: 'text' as const, text: note }] : []),
      {
        type: 'form',
        fields: [
          pickerField({
            id: 'schoolId',
            label: t('school.pick.field'),
            searchLabel: t('school.pick.search'),
            required: true,
            options: schools,
          }),
        ],
        submit: { label: t('school.pick.next'), verb: 'school.pick', data: { intent } },
        cancel: { label: t('import.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

function intentMessage(school: School, intent: 'edit' | 'archive' | 'restore'): OutboundMessage {
  if (intent === 'edit') return schoolForm(school);
  const archive = intent === 'archive';
  const text = archive ? t('school.archiveConfirm', { school: school.name }) : t('school.restoreButton', { school: school.name });
  const buttonLabel = t(archive ? 'school.archiveButton' : 'school.restoreButton', { school: school.name });
  return archiveConfirmation({ archive, text, buttonLabel, verb: 'school.archive', data: { schoolId: school.id } });
}

export const schoolCommands: Command[] = [
  {
    id: 'school add',
    aliases: ['add school'],
    summary: 'Add a school',
    examples: ['school add'],
    audience: LEADERS,
    run: async () => [schoolForm(null)],
  },
  {
    id: 'school edit',
    aliases: [],
    summary: 'Edit a school',
    usage: 'school edit <name>',
    examples: ['school edit Oak Primary'],
    audience: LEADERS,
    dataRule: 'own trust',
    run: byName('edit'),
  },
  {
    id: 'school archive',
    aliases: [],
    summary: 'Archive a school',
    usage: 'school archive <name>',
    examples: ['school archive Oak Primary'],
    audience: LEADERS,
    dataRule: 'own trust',
    run: byName('archive'),
  },
  {
    id: 'school restore',
    aliases: [],
    summary: 'Restore an archived school',
    usage: 'school restore <name>',
    examples: ['school restore Oak Primary'],
    audience: LEADERS,
    dataRule: 'own trust',
    run: byName('restore'),
  },
];

function schoolError(error: SchoolError, name: string): Reply {
  switch (error) {
    case 'duplicate-school':
      return say('school.duplicate', { school: name });
    case 'conflict':
      return say('conflict');
    default:
      return say('notFound.item');
  }
}

export const schoolActions: ActionHandler[] = [
  schoolsPageAction,
  { verb: 'school.form', audience: LEADERS, run: async () => [schoolForm(null)] },
  {
    verb: 'school.pick',
    audience: LEADERS,
    dataRule: 'schools of own trust only',
    async run(ctx, data) {
      const intent = value(data, 'intent');
      const mode = intent === 'archive' || intent === 'restore' ? intent : 'edit';
      const answer = value(data, 'schoolId');
      if (!answer) return [await chooser(ctx, mode)];
      const options = await pickable(ctx, mode);
      const matches = resolvePick(options, answer);
      if (matches.length === 0) return say('list.noMatch', { query: answer });
      if (matches.length > 1) return [await chooser(ctx, mode, matches, t('list.matches', { count: matches.length, query: answer }))];
      const school = await roster(ctx).repo.getSchool(trustId(ctx), matches[0]!.value);
      return school ? [intentMessage(school, mode)] : say('notFound.item');
    },
  },
  {
    verb: 'school.save',
    audience: LEADERS,
    dataRule: 'schools of own trust only',
    async run(ctx, data) {
      const name = value(data, 'name').slice(0, 200);
      const phase = parsePhase(value(data, 'phase'));
      if (!name) return say('form.missing', { fields: t('school.form.name') });
      if (!phase) return say('school.badPhase', { phases: SCHOOL_PHASES.map((p) => PHASE_LABELS[p]).join(', ') });
      const hours = parseSchoolHours(value(data, 'dayStart'), value(data, 'dayEnd'));
      if (!hours.ok) return say('school.badHours');
      const result = await saveSchool(roster(ctx), ctx.actor, value(data, 'schoolId') || null, {
        name,
        phase,
        localAuthority: value(data, 'localAuthority').slice(0, 200) || null,
        region: value(data, 'region').slice(0, 200) || null,
        hasResourceBase: value(data, 'resourceBase') === 'yes',
        dayStart: hours.value?.start ?? null,
        dayEnd: hours.value?.end ?? null,
      });
      if (!result.ok) return schoolError(result.error, name);
      return say('school.saved', { school: result.value.name, phase: PHASE_LABELS[result.value.phase] });
    },
  },
  {
    verb: 'school.archive',
    audience: LEADERS,
    dataRule: 'schools of own trust only',
    async run(ctx, data) {
      const archived = value(data, 'archived') !== 'false';
      const result = await setSchoolArchived(roster(ctx), ctx.actor, value(data, 'schoolId'), archived);
      if (!result.ok) return schoolError(result.error, '');
      return say(archived ? 'school.archived' : 'school.restored', { school: result.value.name });
    },
  },
];

/** Audit a read of school-level data that is not the reader's own school. */
export async function auditRead(
  ctx: HandlerContext,
  what: string,
  schoolId: string | null,
  subject: string | null = schoolId,
): Promise<void> {
  if (schoolId !== null && ownSchoolIds(ctx.actor).includes(schoolId)) return;
  await ctx.deps.audit.record(entry(ctx.actor, 'roster.read', subject, { what, ...(schoolId ? { schoolId } : { scope: 'trust' }) }));
}
