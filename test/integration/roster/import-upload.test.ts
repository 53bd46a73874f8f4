import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../../../src/core/model';
import { buttonData, buttons, chatUser, plain, press, send, upload, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust, type SeededTrust } from '../../helpers/roster-seed';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/roster', name)));
const platforms: Platform[] = ['teams', 'slack'];

describe.each(databaseKinds)('roster CSV upload in chat on %s', (kind) => {
  describe.each(platforms)('%s', (platform) => {
    let h: Harness;
    let trust: SeededTrust;
    let leader: ChatUser;
    let senco: ChatUser;
    beforeAll(async () => {
      h = await startHarness(kind);
      leader = chatUser(h, 'Lead Person', 'lead@northstartrust.org.uk');
      senco = chatUser(h, 'Sam Senco', 'sam@existing.sch.uk');
      trust = await seedTrust(h, 'North Star Trust', ['Existing School'], {
        leader: { user: leader, roles: ['send-leader'] },
        senco: { user: senco, roles: ['senco'], school: 'Existing School' },
      });
      // Two of the file's people already use Slack: the import finds them by email.
      h.slack.users.set('UAMIRA', { id: 'UAMIRA', name: 'amira', email: 'amira.shah@oakprimaryacad.sch.uk' });
      h.slack.users.set('URACHEL', { id: 'URACHEL', name: 'rachel', email: 'rachel.turner@northstartrust.org.uk' });
    });
    afterAll(async () => h.stop());

    const counts = async () => ({
      schools: await h.db.prisma.school.count({ where: { trustId: trust.trustId } }),
      people: await h.db.prisma.person.count({ where: { trustId: trust.trustId } }),
    });

    it('explains how to import', async () => {
      expect(plain(await send(h, platform, leader, 'import'))).toContain('name, phase (required)');
    });

    it('rejects a malformed file row by row, with line numbers, and applies nothing', async () => {
      const before = await counts();
      const report = plain(await upload(h, platform, leader, 'bad-people.csv', fixture('bad-people.csv')));
      expect(report).toContain('Rejected rows (nothing is applied until every row is right)');
      expect(report).toContain('Line 3: email ann.lee@oakprimary.sch.uk is already on line 2');
      expect(report).toContain('Line 4: school "Nowhere High" is not in this file or the roster');
      expect(report).toContain('Line 5: appointed_on "31/02/2025" is not a date');
      expect(report).toContain('Line 6: role "teacher" must be one of');
      expect(report).toContain('Line 7: 3 values where the header has 5 columns');
      expect(report).toContain('Nothing was applied');
      expect(report).not.toContain('"import.apply"');
      expect(await counts()).toEqual(before);
      expect(await h.db.prisma.rosterImport.count()).toBe(0);
    });

    it('rejects wrong columns, a binary file, a spreadsheet and an empty file', async () => {
      expect(plain(await upload(h, platform, leader, 'x.csv', new TextEncoder().encode('name,colour\nOak,red\n')))).toContain(
        'Line 1: the first line must be the column names',
      );
      expect(plain(await upload(h, platform, leader, 'y.csv', new TextEncoder().encode('name,phase,colour\nOak,primary,red\n')))).toContain(
        'Line 1: unknown column "colour"',
      );
      expect(
        plain(await upload(h, platform, leader, 'logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))),
      ).toContain('this is not a text CSV file');
      expect(plain(await upload(h, platform, leader, 'roster.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0])))).toContain(
        'Save it as "CSV UTF-8"',
      );
      expect(plain(await upload(h, platform, leader, 'empty.csv', new Uint8Array(0)))).toContain('the file is empty');
    });

    it('refuses a 50 MB file without reading it', async () => {
      const big = new Uint8Array(50 * 1024 * 1024);
      const downloads = () => (platform === 'teams' ? h.teams : h.slack).calls.filter((c) => c.path.startsWith('/files/')).length;
      const before = downloads();
      const reply = plain(await upload(h, platform, leader, 'huge.csv', big));
      expect(reply).toContain('That file is too large');
      // Slack says the size up front, so nothing is downloaded; Teams does not, so the
      // download stops at the declared Content-Length.
      expect(downloads() - before).toBe(platform === 'slack' ? 0 : 1);
    });

    it('refuses an upload from a SENCO, saying who can', async () => {
      expect(plain(await upload(h, platform, senco, 'trust.csv', fixture('trust.csv')))).toContain(
        'import is for MAT SEND leaders and administrators only',
      );
    });

    it('previews 20 schools and 25 people, applies them all after Apply, and links Slack accounts', async () => {
      const before = await counts();
      const preview = await upload(h, platform, leader, 'trust.csv', fixture('trust.csv'));
      const text = plain(preview);
      expect(text).toContain('Import preview: trust.csv');
      expect(text).toContain('Schools: 20 to add, 0 to change, 0 to archive, 0 unchanged'.replace('Schools: ', ''));
      expect(text).toContain('25 to add, 0 to change');
      expect(await counts()).toEqual(before); // nothing yet
      const { importId } = buttonData(preview, 'import.apply');
      expect(buttons(preview).map((b) => b.verb)).toEqual(['import.apply', 'import.cancel']);
      const applied = plain(await press(h, platform, leader, 'import.apply', { importId: importId! }));
      expect(applied).toContain('Applied: schools 20 added, 0 changed, 0 archived; people 25 added');
      expect(applied).toContain('found');
      expect(await counts()).toEqual({ schools: before.schools + 20, people: before.people + 25 });
      const record = await h.db.prisma.rosterImport.findUniqueOrThrow({ where: { id: importId! } });
      expect(record).toMatchObject({ status: 'applied', content: null });
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'roster.import', trustId: trust.trustId } })).toBe(1);
      const amira = await h.db.prisma.person.findFirstOrThrow({
        where: { email: 'amira.shah@oakprimaryacad.sch.uk' },
        include: { identities: true, roles: true, school: true },
      });
      expect(amira.school?.name).toBe('Oak Primary Academy');
      expect(amira.identities).toEqual([
        expect.objectContaining({
          platform: 'slack',
          userId: 'UAMIRA',
          conversationRef: { kind: 'slack-user', teamId: 'T0001', userId: 'UAMIRA', channel: 'DAMIRA' },
        }),
      ]);
      const rachel = await h.db.prisma.person.findFirstOrThrow({
        where: { email: 'rachel.turner@northstartrust.org.uk' },
        include: { roles: true },
      });
      expect(rachel.roles.map((r) => r.role).sort()).toEqual(['admin', 'send-leader']);
      // A second press does nothing more.
      expect(plain(await press(h, platform, leader, 'import.apply', { importId: importId! }))).toContain(
        'already been applied or cancelled',
      );
      // The same file again: nothing to change.
      expect(plain(await upload(h, platform, leader, 'trust.csv', fixture('trust.csv')))).toContain('Nothing to change');
    });

    it('re-previews when the roster changed after the preview, and cancels cleanly', async () => {
      const csv = new TextEncoder().encode(`name,phase\nLate School ${platform},primary\n`);
      const first = await upload(h, platform, leader, 'late.csv', csv);
      const { importId } = buttonData(first, 'import.apply');
      await press(h, platform, leader, 'school.save', {}, { name: `Late School ${platform}`, phase: 'secondary' });
      const again = plain(await press(h, platform, leader, 'import.apply', { importId: importId! }));
      expect(again).toContain('The roster changed since that preview');
      expect(again).toContain('1 to change');
      const fresh = await upload(h, platform, leader, 'late.csv', csv);
      const next = buttonData(fresh, 'import.cancel');
      expect(plain(await press(h, platform, leader, 'import.cancel', next))).toContain('Import cancelled');
      expect(await h.db.prisma.rosterImport.findUniqueOrThrow({ where: { id: next.importId! } })).toMatchObject({
        status: 'cancelled',
        content: null,
      });
      expect((await h.db.prisma.school.findFirstOrThrow({ where: { name: `Late School ${platform}` } })).phase).toBe('secondary');
    });
  });
});
