import { archiveConfirmation } from './archive-confirm';
import { leaderListButtons } from './list-buttons';
import type { Block, ChoiceOption, OutboundMessage } from '../../core/message';
import { ROLES, type Person, type Role, type School } from '../../core/model';
import { canReadSchool, isLeader, ownSchoolIds, readsWholeTrust } from '../../core/permissions';
import { linkByDirectory } from '../../core/roster/link-directory';
import { parseRole } from '../../core/roster/roster-csv';
import { savePerson, setPersonArchived, type PersonError } from '../../core/roster/save-person';
import { referEmailClaim } from './email-claim';
import { joinList, t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext, Reply } from '../registry';
import { isEmail, LEADERS, PLATFORM_LABELS, roster, rolesText, say, trustId, value } from '../shared/common';
import { auditRead } from './schools';
import { matchingName, offsetOf, PAGE_SIZE, pageFooter, pageOf, pickerField, resolvePick } from '../paging';
import { verbatim } from '../../core/verbatim';

async function peopleView(ctx: HandlerContext, school: School | null, offset = 0): Promise<Reply> {
  const services = roster(ctx);
  const trust = await services.repo.getTrust(trustId(ctx));
  const schools = await services.repo.listSchools(trustId(ctx), { includeArchived: true });
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  let people: Person[];
  if (school) people = await services.repo.listPeople(trustId(ctx), { schoolId: school.id });
  else if (readsWholeTrust(ctx.actor)) people = await services.repo.listPeople(trustId(ctx));
  else {
    const own = ownSchoolIds(ctx.actor);
    people = (await services.repo.listPeople(trustId(ctx))).filter(
      (p) => p.id === ctx.actor.personId || (p.schoolId !== null && own.includes(p.schoolId)),
    );
  }
  if (readsWholeTrust(ctx.actor)) await auditRead(ctx, 'people', school?.id ?? null);
  const page = pageOf(people, offset);
  const contacts = await services.identities.contacts(
    trustId(ctx),
    page.items.map((p) => p.id),
  );
  const reach = (id: string) =>
    joinList([...new Set(contacts.filter((c) => c.personId === id && c.reachable).map((c) => PLATFORM_LABELS[c.platform]))]);
  const title = school ? t('people.titleSchool', { school: school.name }) : t('people.title', { trust: trust?.name ?? '' });
  const blocks: Block[] = [{ type: 'heading', text: title }];
  if (people.length === 0) blocks.push({ type: 'text', text: t('people.none') });
  else {
    // One fact per person (name, then role, school, email and where they can be reached) rather
    // than a 5-column table: on a phone a table's narrow cells break words mid-word.
    blocks.push({
      type: 'facts',
      facts: page.items.map((p) => {
        const role = rolesText(p.roles.map((r) => r.role));
        const school = p.schoolId ? schoolName.get(p.schoolId) : undefined;
        const parts = [
          school ? t('person.fact.roleAt', { role, school }) : role,
          p.email ? verbatim(p.email) : t('person.fact.noEmail'),
          reach(p.id) ? t('person.fact.reach', { reach: reach(p.id) }) : t('person.fact.unreached'),
        ];
        return { label: verbatim(p.name), value: parts.join(' · ') };
      }),
    });
  }
  blocks.push(...pageFooter(page, { label: t('list.more'), verb: 'people.page', data: { schoolId: school?.id ?? '' } }, t('people.jump')));
  if (readsWholeTrust(ctx.actor) && !school) {
    const active = schools.filter((s) => !s.archived);
    if (active.length) {
      blocks.push({
        type: 'form',
        fields: [
          pickerField({
            id: 'schoolId',
            label: t('people.showSchool'),
            searchLabel: t('people.showSchoolSearch'),
            options: active.map((s) => ({ label: s.name, value: s.id })),
            required: true,
          }),
        ],
        submit: { label: t('people.show'), verb: 'people.school' },
      });
    }
  }
  if (isLeader(ctx.actor)) {
    blocks.push(
      leaderListButtons({
        entity: 'person',
        hasRows: people.length > 0,
        add: t('people.add'),
        edit: t('people.edit'),
        archive: t('people.archive'),
      }),
    );
  }
  return [{ summary: title, blocks }];
}

export const peopleCommand: Command = {
  id: 'people',
  aliases: ['who', 'roster'],
  summary: 'List people, for the trust or one school (a SENCO sees their own school)',
  usage: 'people [school]',
  examples: ['people', 'people Oak Primary'],
  audience: 'linked',
  dataRule: 'SENCO: own school only; leaders, admins and trust leaders: whole trust (reads of other schools are audited)',
  async run(ctx, args) {
    if (!args) return peopleView(ctx, null);
    return peopleAtSchool(ctx, args);
  },
};

/** People at the school named (or the one school whose name contains what was typed). */
async function peopleAtSchool(ctx: HandlerContext, answer: string): Promise<Reply> {
  const services = roster(ctx);
  const schools = (await services.repo.listSchools(trustId(ctx))).map((s) => ({ label: s.name, value: s.id }));
  const matches = resolvePick(schools, answer);
  if (matches.length === 0) return say('notFound.school', { name: answer });
  if (matches.length > 1) {
    const shown = matches.slice(0, PAGE_SIZE).map((m) => m.label);
    return say('people.whichSchool', { count: matches.length, query: answer, schools: shown.join('; ') });
  }
  const school = await services.repo.getSchool(trustId(ctx), matches[0]!.value);
  if (!school) return say('notFound.school', { name: answer });
  if (!canReadSchool(ctx.actor, school.id)) return say('people.ownSchoolOnly');
  return peopleView(ctx, school);
}

function roleOptions(current: Role[]): ChoiceOption[] {
  const main = current.filter((r) => r !== 'admin');
  const options: ChoiceOption[] = ROLES.filter((r) => r !== 'admin').map((r) => ({ label: rolesText([r]), value: r }));
  if (main.length > 1) options.push({ label: rolesText(main), value: main.join(';') });
  return options;
}

export async function personForm(ctx: HandlerContext, person: Person | null): Promise<OutboundMessage> {
  const schools = await roster(ctx).repo.listSchools(trustId(ctx));
  const roles = person?.roles.map((r) => r.role) ?? ['senco'];
  const main = roles.filter((r) => r !== 'admin');
  const title = person ? t('person.form.editTitle', { name: person.name }) : t('person.form.addTitle');
  return {
    summary: title,
    blocks: [
      { type: 'heading', text: title },
      {
        type: 'form',
        fields: [
          { kind: 'text', id: 'name', label: t('person.form.name'), value: person?.name, required: true },
          {
            kind: 'text',
            id: 'email',
            label: t('person.form.email'),
            value: person?.email ?? undefined,
            placeholder: 'name@school.sch.uk',
            required: true,
          },
          {
            kind: 'choice',
            id: 'role',
            label: t('person.form.role'),
            value: main.join(';') || 'trust-leader',
            options: roleOptions(roles),
            required: true,
          },
          {
            kind: 'choice',
            id: 'admin',
            label: t('person.form.admin'),
            value: roles.includes('admin') ? 'yes' : 'no',
            options: [
              { label: 'Yes', value: 'yes' },
              { label: 'No', value: 'no' },
            ],
          },
          pickerField({
            id: 'schoolId',
            label: t('person.form.school'),
            searchLabel: t('person.form.schoolSearch'),
            value: person?.schoolId ?? 'none',
            options: [{ label: t('person.form.noSchool'), value: 'none' }, ...schools.map((s) => ({ label: s.name, value: s.id }))],
          }),
        ],
        submit: { label: t('person.form.save'), verb: 'person.save', data: person ? { personId: person.id } : {}, style: 'primary' },
        cancel: { label: t('import.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

function byEmail(intent: 'edit' | 'archive' | 'restore'): Command['run'] {
  return async (ctx, args) => {
    if (!args) return [await chooser(ctx, intent)];
    const person = await findPerson(ctx, args, intent === 'restore');
    if (!person) return say('notFound.person', { name: args });
    return [await intentMessage(ctx, person, intent)];
  };
}

/** By email, or by exact name when it is unique. */
export async function findPerson(ctx: HandlerContext, text: string, archived: boolean): Promise<Person | null> {
  const services = roster(ctx);
  if (text.includes('@')) return services.repo.findPersonByEmail(trustId(ctx), text);
  const matches = (await services.repo.listPeople(trustId(ctx), { includeArchived: archived })).filter(
    (p) => p.name.toLowerCase() === text.toLowerCase(),
  );
  return matches.length === 1 ? matches[0]! : null;
}

const personOption = (p: Person): ChoiceOption => ({ label: p.email ? `${p.name} (${p.email})` : p.name, value: p.id });

async function pickablePeople(ctx: HandlerContext, intent: 'edit' | 'archive' | 'restore'): Promise<Person[]> {
  return (await roster(ctx).repo.listPeople(trustId(ctx), { includeArchived: intent === 'restore' })).filter((p) =>
    intent === 'restore' ? p.archived : true,
  );
}

/** Who? A menu (everyone, or those matching what was typed), or a box for part of a name or email. */
async function chooser(
  ctx: HandlerContext,
  intent: 'edit' | 'archive' | 'restore',
  only?: Person[],
  note?: string,
): Promise<OutboundMessage> {
  const people = only ?? (await pickablePeople(ctx, intent));
  if (people.length === 0) return { summary: t('people.none'), blocks: [{ type: 'text', text: t('people.none') }] };
  return {
    summary: t('person.pick.title'),
    blocks: [
      ...(note ? [{ type: 'text' as const, text: note }] : []),
      {
        type: 'form',
        fields: [
          pickerField({
            id: 'personId',
            label: t('person.pick.field'),
            searchLabel: t('person.pick.search'),
            required: true,
            options: people.map(personOption),
          }),
        ],
        submit: { label: t('school.pick.next'), verb: 'person.pick', data: { intent } },
        cancel: { label: t('import.cancel'), verb: 'form.cancel' },
      },
    ],
  };
}

async function intentMessage(ctx: HandlerContext, person: Person, intent: 'edit' | 'archive' | 'restore'): Promise<OutboundMessage> {
  if (intent === 'edit') return personForm(ctx, person);
  const archive = intent === 'archive';
  const text = archive ? t('person.archiveConfirm', { name: person.name }) : t('person.restoreButton', { name: person.name });
  const buttonLabel = t(archive ? 'person.archiveButton' : 'person.restoreButton', { name: person.name });
  return archiveConfirmation({ archive, text, buttonLabel, verb: 'person.archive', data: { personId: person.id } });
}

export const personCommands: Command[] = [
  {
    id: 'person add',
    aliases: ['add person'],
    summary: 'Add a person to the roster',
    examples: ['person add'],
    audience: LEADERS,
    run: async (ctx) => [await personForm(ctx, null)],
  },
  {
    id: 'person edit',
    aliases: [],
    summary: "Change a person's details, role or school",
    usage: 'person edit <email>',
    examples: ['person edit ann@oak.sch.uk'],
    audience: LEADERS,
    dataRule: 'own trust',
    run: byEmail('edit'),
  },
  {
    id: 'person archive',
    aliases: [],
    summary: 'Archive a person (they lose access)',
    usage: 'person archive <email>',
    examples: ['person archive ann@oak.sch.uk'],
    audience: LEADERS,
    dataRule: 'own trust; never the last leader',
    run: byEmail('archive'),
  },
  {
    id: 'person restore',
    aliases: [],
    summary: 'Restore an archived person',
    usage: 'person restore <email>',
    examples: ['person restore ann@oak.sch.uk'],
    audience: LEADERS,
    dataRule: 'own trust',
    run: byEmail('restore'),
  },
];

function personError(error: PersonError, email: string): Reply {
  switch (error) {
    case 'duplicate-email':
      return say('person.duplicate', { email });
    case 'email-claimed':
      return say('person.emailClaimed', { email });
    case 'school-required':
      return say('person.schoolRequired');
    case 'unknown-school':
      return say('person.unknownSchool');
    case 'last-leader':
      return say('person.lastLeader');
    case 'conflict':
      return say('conflict');
    default:
      return say('notFound.item');
  }
}

/**
 * The school field of the person form: an id or 'none' from the menu, or part of a name typed
 * in a large trust. undefined when the text matches no school or several.
 */
async function schoolAnswer(ctx: HandlerContext, answer: string): Promise<string | undefined> {
  if (!answer || answer === 'none') return 'none';
  const schools = (await roster(ctx).repo.listSchools(trustId(ctx))).map((s) => ({ label: s.name, value: s.id }));
  const matches = resolvePick(schools, answer);
  return matches.length === 1 ? matches[0]!.value : undefined;
}

function parseRoles(data: Record<string, string>): Role[] | null {
  const roles: Role[] = [];
  for (const part of value(data, 'role').split(';')) {
    const role = parseRole(part);
    if (!role) return null;
    roles.push(role);
  }
  if (value(data, 'admin') === 'yes' && !roles.includes('admin')) roles.push('admin');
  return roles.length ? roles : null;
}

export const personActions: ActionHandler[] = [
  { verb: 'person.form', audience: LEADERS, run: async (ctx) => [await personForm(ctx, null)] },
  {
    verb: 'person.pick',
    audience: LEADERS,
    dataRule: 'people of own trust only',
    async run(ctx, data) {
      const intent = value(data, 'intent');
      const mode = intent === 'archive' || intent === 'restore' ? intent : 'edit';
      const answer = value(data, 'personId');
      if (!answer) return [await chooser(ctx, mode)];
      const people = await pickablePeople(ctx, mode);
      const byId = people.find((p) => p.id === answer);
      const matches = byId ? [byId] : matchingName(people, (p) => `${p.name} ${p.email ?? ''}`, answer);
      if (matches.length === 0) return say('list.noMatch', { query: answer });
      if (matches.length > 1) return [await chooser(ctx, mode, matches, t('list.matches', { count: matches.length, query: answer }))];
      const person = await roster(ctx).repo.getPerson(trustId(ctx), matches[0]!.id);
      return person ? [await intentMessage(ctx, person, mode)] : say('notFound.item');
    },
  },
  {
    verb: 'person.save',
    audience: LEADERS,
    dataRule: 'people and schools of own trust only',
    async run(ctx, data) {
      const name = value(data, 'name').slice(0, 200);
      const email = value(data, 'email').toLowerCase();
      const roles = parseRoles(data);
      if (!name || !email || !roles)
        return say('form.missing', {
          fields: [!name && t('person.form.name'), !email && t('person.form.email'), !roles && t('person.form.role')]
            .filter(Boolean)
            .join(', '),
        });
      if (!isEmail(email)) return say('person.badEmail', { email });
      const services = roster(ctx);
      const school = await schoolAnswer(ctx, value(data, 'schoolId'));
      if (school === undefined) return say('person.schoolUnclear', { query: value(data, 'schoolId') });
      const result = await savePerson(services, ctx.actor, value(data, 'personId') || null, {
        name,
        email,
        roles,
        schoolId: school && school !== 'none' ? school : null,
      });
      if (!result.ok && result.error === 'email-claimed') await referEmailClaim(ctx, email);
      if (!result.ok) return personError(result.error, email);
      const person = result.value;
      await linkByDirectory({ ...services, logger: ctx.deps.logger }, trustId(ctx), [person.id]);
      const schoolName = person.schoolId ? (await services.repo.getSchool(trustId(ctx), person.schoolId))?.name : null;
      const platforms = [
        ...new Set(
          (await services.identities.contacts(trustId(ctx), [person.id]))
            .filter((c) => c.reachable)
            .map((c) => PLATFORM_LABELS[c.platform]),
        ),
      ];
      return [
        ...say('person.saved', {
          name: person.name,
          roles: rolesText(person.roles.map((r) => r.role)),
          school: schoolName ? `, ${schoolName}` : '',
        }),
        ...(platforms.length
          ? say('person.savedReach', { name: person.name, platforms: joinList(platforms) })
          : say('person.savedNoReach', { name: person.name })),
      ];
    },
  },
  {
    verb: 'person.archive',
    audience: LEADERS,
    dataRule: 'people of own trust only; never the last leader',
    async run(ctx, data) {
      const archived = value(data, 'archived') !== 'false';
      const result = await setPersonArchived(roster(ctx), ctx.actor, value(data, 'personId'), archived);
      if (!result.ok) return personError(result.error, '');
      return say(archived ? 'person.archived' : 'person.restored', { name: result.value.name });
    },
  },
  {
    verb: 'people.school',
    audience: 'linked',
    dataRule: 'SENCO: own school only; whole-trust readers: any school of own trust',
    async run(ctx, data) {
      const answer = value(data, 'schoolId');
      const school = await roster(ctx).repo.getSchool(trustId(ctx), answer);
      if (!school) return answer ? peopleAtSchool(ctx, answer) : say('notFound.item');
      if (!canReadSchool(ctx.actor, school.id)) return say('people.ownSchoolOnly');
      return peopleView(ctx, school);
    },
  },
  {
    verb: 'people.page',
    audience: 'linked',
    dataRule: 'SENCO: own school only; whole-trust readers: any school of own trust',
    async run(ctx, data) {
      const schoolId = value(data, 'schoolId');
      if (!schoolId) return peopleView(ctx, null, offsetOf(data.offset));
      const school = await roster(ctx).repo.getSchool(trustId(ctx), schoolId);
      if (!school) return say('notFound.item');
      if (!canReadSchool(ctx.actor, school.id)) return say('people.ownSchoolOnly');
      return peopleView(ctx, school, offsetOf(data.offset));
    },
  },
];
