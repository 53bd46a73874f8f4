import type { Command } from '../registry';
import { t } from '../../i18n/en-GB';
import { LEADERS, roster, say, trustId } from '../shared/common';

const ACTIONS: Record<string, string> = {
  'trust.create': 'set up the trust',
  'school.add': 'added a school',
  'school.edit': 'edited a school',
  'school.archive': 'archived a school',
  'school.restore': 'restored a school',
  'person.add': 'added a person',
  'person.edit': 'edited a person',
  'person.archive': 'archived a person',
  'person.restore': 'restored a person',
  'role.change': 'changed a role',
  'profile.edit': 'edited a SENCO profile',
  'roster.import': 'imported a CSV',
  'roster.read': "read another school's data",
  'join.approve': 'approved a join request',
  'join.reject': 'rejected a join request',
  'identity.link': 'linked a chat account',
  'erase.request': 'asked for erasure',
  'erase.reject': 'refused an erasure',
  'person.erase': 'erased a person',
};

function londonTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

export const auditCommand: Command = {
  id: 'audit',
  aliases: ['audit log', 'history'],
  summary: 'See recent roster changes, imports and reads of school data',
  usage: 'audit [number]',
  examples: ['audit', 'audit 50'],
  audience: LEADERS,
  dataRule: 'own trust',
  async run(ctx, args) {
    const limit = Math.min(Math.max(Number.parseInt(args, 10) || 20, 1), 100);
    const services = roster(ctx);
    const [entries, trust, schools, people] = await Promise.all([
      services.auditTrail.recent(trustId(ctx), limit),
      services.repo.getTrust(trustId(ctx)),
      services.repo.listSchools(trustId(ctx), { includeArchived: true }),
      services.repo.listPeople(trustId(ctx), { includeArchived: true }),
    ]);
    if (entries.length === 0) return say('audit.none');
    const names = new Map<string, string>([...schools.map((s) => [s.id, s.name] as const), ...people.map((p) => [p.id, p.name] as const)]);
    if (trust) names.set(trust.id, trust.name);
    const title = t('audit.title', { trust: trust?.name ?? '' });
    return [
      {
        summary: title,
        blocks: [
          { type: 'heading', text: title },
          {
            type: 'table',
            columns: [t('audit.col.when'), t('audit.col.who'), t('audit.col.what'), t('audit.col.about')],
            rows: entries.map((e) => [
              londonTime(e.at),
              e.actorName ?? (e.actorId ? t('audit.erased') : e.details?.source === 'cli' ? t('audit.cli') : t('audit.system')),
              describe(e.action, e.details),
              e.subject ? (names.get(e.subject) ?? t('audit.erased')) : '-',
            ]),
          },
        ],
      },
    ];
  },
};

function describe(action: string, details: Record<string, unknown> | null): string {
  const base = ACTIONS[action] ?? action;
  if (action === 'roster.import' && details) {
    const s = details.schools as { add?: number; change?: number; archive?: number } | undefined;
    const p = details.people as { add?: number; change?: number; archive?: number } | undefined;
    return `${base} (schools +${s?.add ?? 0}/~${s?.change ?? 0}/-${s?.archive ?? 0}, people +${p?.add ?? 0}/~${p?.change ?? 0}/-${p?.archive ?? 0})`;
  }
  if (action === 'role.change' && details)
    return `${base}: ${(details.from as string[] | undefined)?.join('+') || 'none'} → ${(details.to as string[] | undefined)?.join('+') || 'none'}`;
  if (Array.isArray(details?.fields)) return `${base} (${(details.fields as string[]).join(', ')})`;
  if (details?.what) return `${base} (${String(details.what)})`;
  return base;
}
