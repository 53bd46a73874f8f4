import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform, Role } from '../../../src/core/model';
import { TABLE_COLUMNS } from '../../../src/flows/permission-table';
import { chatUser, plain, press, send, upload, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';

/** The documented table, read back from docs/permissions.md: what this test walks. */
function documentedTable(): Array<{ kind: 'command' | 'action'; name: string; allowed: Record<string, boolean> }> {
  const text = readFileSync(join(__dirname, '../../../docs/permissions.md'), 'utf8');
  const rows: Array<{ kind: 'command' | 'action'; name: string; allowed: Record<string, boolean> }> = [];
  let kind: 'command' | 'action' = 'command';
  for (const line of text.split('\n')) {
    if (line.startsWith('## Card actions')) kind = 'action';
    const match = /^\| `([^`]+)` \| (.+) \|$/.exec(line);
    if (!match) continue;
    const cells = match[2]!.split(' | ');
    rows.push({ kind, name: match[1]!, allowed: Object.fromEntries(TABLE_COLUMNS.map((c, i) => [c.key, cells[i] === 'yes'])) });
  }
  return rows;
}

const table = documentedTable();
const platforms: Platform[] = ['teams', 'slack'];

describe('the documented permission table', () => {
  it('lists every command and action', () => {
    expect(table.length).toBeGreaterThan(40);
    expect(table.map((r) => r.name)).toEqual(
      expect.arrayContaining(['school add', 'people', 'profile', 'audit', 'my data', 'erase me', 'import.apply', 'erase.decide', 'import']),
    );
  });
});

describe.each(databaseKinds)('walking docs/permissions.md on %s', (kind) => {
  let h: Harness;
  const users = {} as Record<'unlinked' | Role, ChatUser>;
  beforeAll(async () => {
    h = await startHarness(kind);
    users.senco = chatUser(h, 'Walk Senco', 'senco@walk.sch.uk');
    users['send-leader'] = chatUser(h, 'Walk Leader', 'leader@walk.org.uk');
    users['trust-leader'] = chatUser(h, 'Walk Reader', 'reader@walk.org.uk');
    users.admin = chatUser(h, 'Walk Admin', 'admin@walk.org.uk');
    users.unlinked = chatUser(h, 'Walk Stranger', 'stranger@walk.sch.uk');
    await seedTrust(h, 'Walk Trust', ['Walk School'], {
      senco: { user: users.senco, roles: ['senco'], school: 'Walk School' },
      leader: { user: users['send-leader'], roles: ['send-leader'] },
      reader: { user: users['trust-leader'], roles: ['trust-leader'] },
      admin: { user: users.admin, roles: ['admin'] },
    });
  });
  afterAll(async () => h.stop());

  describe.each(platforms)('%s', (platform) => {
    it.each(table.map((r) => [r.kind, r.name, r] as const))('%s %s', async (rowKind, name, row) => {
      // The five people ask at once; replies are told apart by their chat.
      await Promise.all(
        TABLE_COLUMNS.map(async (column) => {
          const who = users[column.key];
          const replies =
            rowKind === 'command'
              ? await send(h, platform, who, name)
              : name === 'import'
                ? await upload(h, platform, who, 'walk.csv', new TextEncoder().encode('name,phase\nWalk School,primary\n'))
                : await press(h, platform, who, name);
          const text = plain(replies);
          const refusedByRole = text.includes(`${name} is for `) && text.includes(' only.');
          const askedWhoTheyAre =
            text.includes('I do not know who you are yet') || text.includes('waiting for a MAT SEND leader to approve it');
          const refused = refusedByRole || askedWhoTheyAre;
          const expected = row.allowed[column.key];
          expect({ platform, name, role: column.key, allowed: !refused }).toEqual({ platform, name, role: column.key, allowed: expected });
          expect({ name, role: column.key, crashed: text.includes('something went wrong on my side') }).toEqual({
            name,
            role: column.key,
            crashed: false,
          });
          if (!expected && column.key !== 'unlinked') expect(text).toContain('Ask your MAT SEND leader');
        }),
      );
    });
  });
});
