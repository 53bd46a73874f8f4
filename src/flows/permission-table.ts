import type { Actor, Role } from '../core/model';
import { isAllowed, type Audience } from '../core/permissions';
import type { Registry } from './registry';

/** The table's columns: someone not on any roster, then each role alone. */
export const TABLE_COLUMNS: ReadonlyArray<{ key: 'unlinked' | Role; label: string }> = [
  { key: 'unlinked', label: 'Not on roster' },
  { key: 'senco', label: 'SENCO' },
  { key: 'send-leader', label: 'MAT SEND leader' },
  { key: 'trust-leader', label: 'Trust leader' },
  { key: 'admin', label: 'Admin' },
];

export interface PermissionRow {
  kind: 'command' | 'action' | 'upload';
  name: string;
  allowed: Record<string, boolean>;
  rule: string;
}

function actorFor(key: 'unlinked' | Role): Pick<Actor, 'roles' | 'personId'> {
  return key === 'unlinked'
    ? { personId: null, roles: [] }
    : { personId: 'p', roles: [{ role: key, schoolId: key === 'senco' ? 's' : null }] };
}

function row(kind: PermissionRow['kind'], name: string, audience: Audience, rule: string | undefined): PermissionRow {
  const allowed = Object.fromEntries(TABLE_COLUMNS.map((c) => [c.key, isAllowed(actorFor(c.key), audience)]));
  return { kind, name, allowed, rule: rule ?? '' };
}

/** Every command, card action and upload with who may use it: the source of docs/permissions.md. */
export function permissionRows(registry: Registry): PermissionRow[] {
  const upload = registry.upload();
  return [
    ...registry.listCommands().map((c) => row('command', c.id, c.audience, c.dataRule)),
    ...registry.listActions().map((a) => row('action', a.verb, a.audience, a.dataRule)),
    ...(upload ? [row('upload', upload.id, upload.audience, upload.dataRule)] : []),
  ];
}

function table(rows: PermissionRow[], first: string): string[] {
  const header = `| ${first} | ${TABLE_COLUMNS.map((c) => c.label).join(' | ')} | Data-level rule |`;
  const rule = `|${' --- |'.repeat(TABLE_COLUMNS.length + 2)}`;
  return [
    header,
    rule,
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${TABLE_COLUMNS.map((c) => (r.allowed[c.key] ? 'yes' : 'no')).join(' | ')} | ${r.rule.replace(/\|/g, '/')} |`,
    ),
  ];
}

/** docs/permissions.md, generated; a test fails when the file and the registry disagree. */
export function permissionMarkdown(registry: Registry): string {
  const rows = permissionRows(registry);
  return [
    '# Permissions: command × role',
    '',
    '<!-- Generated from the command registry (src/flows/permission-table.ts). Do not edit by hand:',
    '     UPDATE_DOCS=1 npm run jest -- test/unit/docs/permissions-doc.test.ts -->',
    '',
    'Every command, card action and upload is checked on the server, whatever a button said:',
    '',
    "1. **Role** (this table): the router compares the person's roles with the handler's",
    '   audience before running it. Refused people get a polite reply naming who may do it;',
    '   someone not on any roster is asked who they are instead (and, with no trust yet,',
    '   offered the first-run set-up). Admins may do everything MAT SEND leaders may.',
    '2. **Data** (last column): handlers check the ids in the request against the person — a',
    "   SENCO reading another school's people or saving another person's profile is refused",
    '   even with a forged payload.',
    "3. **Trust**: every query names the person's own trust, so an id from another trust",
    '   reads as "not found" and changes nothing (test/integration/roster/isolation.test.ts).',
    '',
    'A person with several roles may do what any of them allows. `yes` means the role passes',
    'the role check; the data rule still applies. test/integration/roster/permission-walk.test.ts',
    'walks this whole table on Teams and on Slack.',
    '',
    '## Commands',
    '',
    ...table(
      rows.filter((r) => r.kind === 'command'),
      'Command',
    ),
    '',
    '## Card actions and uploads',
    '',
    'Verbs of buttons and forms. `import` (upload) is a CSV file sent in chat.',
    '',
    ...table(
      rows.filter((r) => r.kind !== 'command'),
      'Action',
    ),
    '',
  ].join('\n');
}
