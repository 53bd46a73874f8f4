import type { Platform } from '../../../src/core/model';
import { receiveFile } from '../../helpers/files';
import { FakeClock } from '../../helpers/fake-clock';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust, type SeededTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

describe.each(databaseKinds)('SENCO profile and personal data on %s', (kind) => {
  describe.each(platforms)('%s', (platform) => {
    let h: Harness;
    let trust: SeededTrust;
    let leader: ChatUser;
    let ann: ChatUser;
    let ben: ChatUser;
    let reader: ChatUser;
    beforeAll(async () => {
      h = await startHarness(kind, {}, new FakeClock('2026-11-23T10:00:00Z'));
      leader = chatUser(h, 'Lee Leader', 'lee@trust.org.uk');
      ann = chatUser(h, 'Ann Able', 'ann@oak.sch.uk');
      ben = chatUser(h, 'Ben Baker', 'ben@ash.sch.uk');
      reader = chatUser(h, 'Tia Trust', 'tia@trust.org.uk');
      trust = await seedTrust(h, 'Profile Trust', ['Oak', 'Ash'], {
        leader: { user: leader, roles: ['send-leader'] },
        ann: { user: ann, roles: ['senco'], school: 'Oak' },
        ben: { user: ben, roles: ['senco'], school: 'Ash' },
        reader: { user: reader, roles: ['trust-leader'] },
      });
    });
    afterAll(async () => h.stop());

    it('asks a new SENCO to fill in their profile and shows the qualification deadline', async () => {
      const form = await send(h, platform, ann, 'profile');
      expect(plain(form)).toContain('Appointed SENCO here on');
      expect(buttonData(form, 'profile.save')).toEqual({ personId: trust.people.ann });
      const saved = plain(
        await press(
          h,
          platform,
          ann,
          'profile.save',
          { personId: trust.people.ann! },
          {
            appointedOn: '2025-09-01',
            priorYears: '0.5',
            qualification: 'none',
            startedOn: '',
            completedOn: '',
            tags: 'Autism; speech and language',
            resourceBase: 'yes',
            preferred: platform,
          },
        ),
      );
      expect(saved).toContain('Profile saved');
      expect(saved).toContain('Must hold the NPQ for SENCOs by 1 March 2028');
      expect(saved).toContain('is not enrolled yet: enrol now'); // 12 months after appointment have passed
      const person = await h.db.prisma.person.findUniqueOrThrow({ where: { id: trust.people.ann! }, include: { school: true } });
      expect(person).toMatchObject({
        appointedOn: '2025-09-01',
        priorSencoMonths: 6,
        qualification: 'none',
        tags: ['autism', 'speech and language'],
        preferredPlatform: platform,
      });
      expect(person.school?.hasResourceBase).toBe(true);
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'profile.edit', subject: trust.people.ann } })).toBeGreaterThan(0);
    });

    it('explains the NASENCO rule and rejects bad input', async () => {
      const nasenco = plain(
        await press(
          h,
          platform,
          ann,
          'profile.save',
          { personId: trust.people.ann! },
          {
            appointedOn: '01/09/2025',
            priorYears: '0',
            qualification: 'nasenco',
            startedOn: '2024-10-01',
            completedOn: '2025-07-01',
            tags: '',
            preferred: 'any',
          },
        ),
      );
      expect(nasenco).toContain('does not count');
      expect(
        plain(await press(h, platform, ann, 'profile.save', { personId: trust.people.ann! }, { appointedOn: '31/02/2025' })),
      ).toContain('"31/02/2025" is not a date');
      expect(plain(await press(h, platform, ann, 'profile.save', { personId: trust.people.ann! }, { priorYears: 'lots' }))).toContain(
        'must be a number from 0 to 50',
      );
      expect(
        plain(
          await press(
            h,
            platform,
            ann,
            'profile.save',
            { personId: trust.people.ann! },
            { qualification: 'npq', startedOn: '2025-10-01', completedOn: '2025-01-01' },
          ),
        ),
      ).toContain('cannot be before');
    });

    it('keeps profiles to their owner, leaders (who may edit) and trust leaders (read only, audited)', async () => {
      expect(plain(await send(h, platform, ben, 'profile ann@oak.sch.uk'))).toContain('You can see and change your own profile only');
      expect(
        plain(await press(h, platform, ben, 'profile.save', { personId: trust.people.ann! }, { appointedOn: '2020-01-01' })),
      ).toContain('your own profile only');
      expect(plain(await press(h, platform, reader, 'profile.open', { personId: trust.people.ann! }))).toContain('your own profile only');
      const before = await h.db.prisma.auditEntry.count({ where: { action: 'roster.read', actorId: trust.people.reader } });
      const view = plain(await send(h, platform, reader, 'profile ann@oak.sch.uk'));
      expect(view).toContain('SENCO profile: Ann Able');
      expect(view).not.toContain('Edit profile');
      expect(
        await h.db.prisma.auditEntry.count({ where: { action: 'roster.read', actorId: trust.people.reader, subject: trust.people.ann } }),
      ).toBe(before + 1);
      expect(
        plain(
          await press(
            h,
            platform,
            leader,
            'profile.save',
            { personId: trust.people.ben! },
            { appointedOn: '2024-01-15', priorYears: '3', qualification: 'npq-enrolled', startedOn: '2024-03-01' },
          ),
        ),
      ).toContain('Not required again');
    });

    it('shows a person everything held about them, as a JSON file', async () => {
      const data = await send(h, platform, ann, 'my data');
      expect(plain(data)).toContain('What I hold about you');
      const file = await receiveFile(h, platform, ann, data);
      expect(file.name).toBe('my-data.json');
      const text = file.text;
      expect(text).toContain('"email": "ann@oak.sch.uk"');
      expect(text).toContain('"chatAccounts"');
      expect(text).toContain('"appointedOn": "2025-09-01"');
      expect(text).not.toContain('ben@ash.sch.uk');
    });

    it('erases a person once a SEND leader confirms, keeping an anonymous trail', async () => {
      const confirm = await send(h, platform, ben, 'erase me');
      expect(plain(confirm)).toContain('Erasing removes your name');
      expect(plain(await press(h, platform, ben, 'erase.request'))).toContain('I have asked your MAT SEND leader');
      expect(plain(await press(h, platform, ben, 'erase.request'))).toContain('You already asked on 23 November 2026');
      const request = await h.db.prisma.approvalRequest.findFirstOrThrow({ where: { kind: 'erase', personId: trust.people.ben } });
      await h.bot.scheduler.runOnce();
      expect(
        [...h.teams.sentTexts(), ...h.slack.postedTexts()].some(
          (t) => t.includes('Ben Baker') && t.includes('asks for their personal data to be erased'),
        ),
      ).toBe(true);
      // A SENCO cannot confirm it, nor can a trust leader.
      expect(plain(await press(h, platform, ann, 'erase.decide', { requestId: request.id, decision: 'approve' }))).toContain(
        'erase.decide is for MAT SEND leaders and administrators only',
      );
      expect(plain(await press(h, platform, reader, 'erase.decide', { requestId: request.id, decision: 'approve' }))).toContain('only');
      expect(plain(await press(h, platform, leader, 'erase.decide', { requestId: request.id, decision: 'approve' }))).toContain('Erased');

      const erased = await h.db.prisma.person.findUniqueOrThrow({
        where: { id: trust.people.ben! },
        include: { identities: true, roles: true },
      });
      expect(erased).toMatchObject({
        name: 'Erased person',
        email: null,
        schoolId: null,
        appointedOn: null,
        qualification: null,
        tags: [],
        identities: [],
        roles: [],
      });
      expect(erased.erasedAt).not.toBeNull();
      expect(
        await h.db.prisma.chatIdentity.count({
          where: { OR: [{ email: 'ben@ash.sch.uk' }, { userId: ben.slack.id }, { userId: ben.teams.aadObjectId }] },
        }),
      ).toBe(0);
      const trail = await h.db.prisma.auditEntry.findMany({ where: { subject: trust.people.ben } });
      expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['profile.edit', 'erase.request', 'person.erase']));
      expect(JSON.stringify(trail)).not.toMatch(/Ben|ben@ash/);
      // Ben is a stranger now; the audit shows an erased person.
      expect(plain(await send(h, platform, ben, 'my data'))).toContain('I do not know who you are yet');
      expect(plain(await send(h, platform, leader, 'audit'))).toContain('an erased person');
      expect(plain(await press(h, platform, leader, 'erase.decide', { requestId: request.id, decision: 'approve' }))).toContain(
        'already been dealt with',
      );
    });
  });
});
