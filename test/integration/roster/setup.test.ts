import type { Platform } from '../../../src/core/model';
import { chatUser, plain, press, send } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';

const platforms: Platform[] = ['teams', 'slack'];

describe.each(databaseKinds)('first-run set-up on %s', (kind) => {
  describe.each(platforms)('%s', (platform) => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness(kind);
    });
    afterEach(async () => h.stop());

    it('offers the first person to set up a trust, makes them its SEND leader and links their account', async () => {
      const jo = chatUser(h, 'Jo Leader', 'jo@oaktrust.org.uk');
      const offer = plain(await send(h, platform, jo, 'good morning'));
      expect(offer).toContain('No trust is set up yet');
      expect(offer).not.toContain('Your work email'); // the platform gave it
      const done = plain(await press(h, platform, jo, 'setup.submit', {}, { trustName: 'Oak Trust', name: 'Jo Leader' }));
      expect(done).toContain('Oak Trust is set up and you are its MAT SEND leader');
      const person = await h.db.prisma.person.findFirstOrThrow({
        where: { email: 'jo@oaktrust.org.uk' },
        include: { roles: true, identities: true },
      });
      expect(person.roles.map((r) => r.role).sort()).toEqual(['admin', 'send-leader']);
      expect(person.identities.map((i) => i.platform)).toEqual([platform]);
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'trust.create' } })).toBe(1);
      // Now on the roster: help shows leader commands.
      expect(plain(await send(h, platform, jo, 'help'))).toContain('school add');
    });

    it('asks for an email when the platform gives none, and refuses a second first-run', async () => {
      const anon = chatUser(h, 'Sam Nomail', null);
      const offer = plain(await send(h, platform, anon, 'setup'));
      expect(offer).toContain('Your work email');
      expect(
        plain(await press(h, platform, anon, 'setup.submit', {}, { trustName: 'Ash Trust', name: 'Sam', email: 'not-an-email' })),
      ).toContain('is not an email address');
      expect(
        plain(await press(h, platform, anon, 'setup.submit', {}, { trustName: 'Ash Trust', name: 'Sam', email: 'Sam@AshTrust.org.uk' })),
      ).toContain('is set up');
      expect(await h.db.prisma.person.count({ where: { email: 'sam@ashtrust.org.uk' } })).toBe(1);
      const other = chatUser(h, 'Pat Other', 'pat@elsewhere.org.uk');
      const again = plain(await press(h, platform, other, 'setup.submit', {}, { trustName: 'Elm Trust', name: 'Pat' }));
      expect(again).toContain('Only the people named in the ADMIN_EMAILS setting');
      expect(await h.db.prisma.trust.count()).toBe(1);
    });
  });

  // Production Teams traffic needs real Bot Framework tokens, so the production rule (the
  // same code for both platforms) is exercised over Slack.
  describe.each(['slack'] as Platform[])('%s in production', (platform) => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(kind, {
        NODE_ENV: 'production',
        ADMIN_EMAILS: 'boss@oaktrust.org.uk',
        HOST: '127.0.0.1',
        MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000abc',
        MICROSOFT_APP_PASSWORD: 'secret',
      });
    });
    afterAll(async () => h.stop());

    it('lets only ADMIN_EMAILS set up, judged by the platform email', async () => {
      const stranger = chatUser(h, 'Stranger', 'someone@oaktrust.org.uk');
      expect(plain(await send(h, platform, stranger, 'setup'))).toContain('not been set up yet');
      expect(plain(await press(h, platform, stranger, 'setup.submit', {}, { trustName: 'Oak Trust', name: 'S' }))).toContain(
        'Only the people named in the ADMIN_EMAILS',
      );
      const noEmail = chatUser(h, 'No Email', null);
      expect(
        plain(await press(h, platform, noEmail, 'setup.submit', {}, { trustName: 'Oak Trust', name: 'N', email: 'boss@oaktrust.org.uk' })),
      ).toContain('could not read your email');
      const boss = chatUser(h, 'Boss', 'boss@oaktrust.org.uk');
      expect(plain(await press(h, platform, boss, 'setup.submit', {}, { trustName: 'Oak Trust', name: 'Boss' }))).toContain('is set up');
      expect(await h.db.prisma.trust.count()).toBe(1);
    });
  });
});
