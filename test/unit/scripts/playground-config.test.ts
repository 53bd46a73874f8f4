import fs from 'fs';
import path from 'path';
import YAML from 'yaml';

// The checker is plain JavaScript (scripts/ runs before any build); load it as the script does.
const { checkPlaygroundConfig, pickConfig, ROLES } = require('../../../scripts/playground-config.js') as {
  checkPlaygroundConfig(text: string): string[];
  pickConfig(argv: string[], root: string): { ok: true; path: string; rest: string[] } | { ok: false; error: string };
  ROLES: string[];
};

const ROOT = path.resolve(__dirname, '..', '..', '..');
const shipped = (role: string) => fs.readFileSync(path.join(ROOT, 'playground', `${role}.yml`), 'utf8');

describe('the shipped playground configurations', () => {
  it.each(['leader', 'senco', 'trust-leader'])('%s.yml passes the check', (role) => {
    expect(checkPlaygroundConfig(shipped(role))).toEqual([]);
  });

  it('each current user is on the roster fixture with the role the file is named for', () => {
    const csv = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'roster', 'trust.csv'), 'utf8');
    const roleOf = (email: string) =>
      csv
        .split('\n')
        .find((line) => line.includes(`,${email},`))
        ?.split(',')[7];
    const expected: Record<string, RegExp> = { leader: /send-leader/, senco: /^senco$/, 'trust-leader': /^trust-leader$/ };
    for (const role of ROLES) {
      const doc = YAML.parse(shipped(role)) as { currentUser: { email: string } };
      expect(roleOf(doc.currentUser.email)).toMatch(expected[role]!);
    }
  });
});

describe('checkPlaygroundConfig', () => {
  const base = () => YAML.parse(shipped('leader')) as Record<string, unknown> & { users: Record<string, unknown>[] };

  it('names the rule the playground would only log: exactly five other users', () => {
    const doc = base();
    doc.users = doc.users.slice(0, 2);
    expect(checkPlaygroundConfig(YAML.stringify(doc))).toEqual(['users must list exactly 5 people besides currentUser']);
  });

  it('refuses a user without an email, duplicate ids, unknown settings and a long bot name', () => {
    const doc = base();
    delete doc.users[0]!.email;
    doc.users[1]!.id = (doc.currentUser as { id: string }).id;
    doc.extra = true;
    (doc.bot as { name: string }).name = 'x'.repeat(43);
    const problems = checkPlaygroundConfig(YAML.stringify(doc));
    expect(problems).toEqual(
      expect.arrayContaining([
        'unknown setting "extra" (allowed: version, tenantId, bot, currentUser, users, personalChat, groupChat, team)',
        'bot.name is needed, at most 42 characters',
        'users[0].email is missing',
        'users[0].email must be an email address (the bot finds people by it)',
        'user ids must be unique',
      ]),
    );
  });

  it('reports YAML that does not parse and an empty file', () => {
    expect(checkPlaygroundConfig('version: "0.1.1\n  bad: [')[0]).toMatch(/^it is not valid YAML/);
    expect(checkPlaygroundConfig('')).toEqual(['it is empty']);
  });
});

describe('pickConfig', () => {
  it('defaults to the leader and passes other flags through', () => {
    const picked = pickConfig(['--delivery-mode', 'expectReplies'], ROOT);
    expect(picked).toMatchObject({
      ok: true,
      path: path.join(ROOT, 'playground', 'leader.yml'),
      rest: ['--delivery-mode', 'expectReplies'],
    });
  });

  it('takes --as and refuses an unknown role or a missing file', () => {
    expect(pickConfig(['--as', 'senco'], ROOT)).toMatchObject({ ok: true, path: path.join(ROOT, 'playground', 'senco.yml') });
    expect(pickConfig(['--as', 'headteacher'], ROOT)).toEqual({
      ok: false,
      error: '--as takes one of leader, senco, trust-leader (not "headteacher")',
    });
    expect(pickConfig(['--config', '/no/such.yml'], ROOT)).toEqual({ ok: false, error: 'no configuration file at /no/such.yml' });
    expect(pickConfig(['--as'], ROOT)).toEqual({ ok: false, error: '--as needs a value' });
  });
});
