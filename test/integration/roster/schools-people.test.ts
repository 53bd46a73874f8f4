import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust, type SeededTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

describe.each(databaseKinds)('schools and people in chat on %s', (kind) => {
  let h: Harness;
  let trust: SeededTrust;
  let leader: ChatUser;
  let senco: ChatUser;
  let reader: ChatUser;
  beforeAll(async () => {
    h = await startHarness(kind);
    leader = chatUser(h, 'Rachel Turner', 'rachel@northstar.org.uk');
    senco = chatUser(h, 'Amira Shah', 'amira@oak.sch.uk');
    reader = chatUser(h, 'David Okafor', 'david@northstar.org.uk');
    trust = await seedTrust(h, 'North Star Trust', ['Oak Primary', 'Ash Primary'], {
      leader: { user: leader, roles: ['send-leader'] },
      senco: { user: senco, roles: ['senco'], school: 'Oak Primary' },
      reader: { user: reader, roles: ['trust-leader'] },
    });
  });
  afterAll(async () => h.stop());

  describe.each(platforms)('%s', (platform) => {
    const elm = `Elm Academy ${platform}`;

    it('adds a school through the guided form, then edits and archives it', async () => {
      const form = await send(h, platform, leader, 'school add');
      expect(plain(form)).toContain('School name');
      const saved = plain(
        await press(
          h,
          platform,
          leader,
          'school.save',
          {},
          { name: elm, phase: 'secondary', localAuthority: 'York', region: 'East', resourceBase: 'yes' },
        ),
      );
      expect(saved).toContain(`Saved ${elm} (Secondary)`);
      const school = await h.db.prisma.school.findFirstOrThrow({ where: { name: elm } });
      expect(school).toMatchObject({ trustId: trust.trustId, phase: 'secondary', localAuthority: 'York', hasResourceBase: true });

      const editForm = await send(h, platform, leader, `school edit ${elm.toLowerCase()}`);
      expect(buttonData(editForm, 'school.save')).toEqual({ schoolId: school.id });
      await press(
        h,
        platform,
        leader,
        'school.save',
        { schoolId: school.id },
        { name: elm, phase: 'all-through', localAuthority: 'York', region: '', resourceBase: 'no' },
      );
      expect(await h.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({
        phase: 'all-through',
        region: null,
        hasResourceBase: false,
      });

      const confirm = await send(h, platform, leader, `school archive ${elm}`);
      expect(buttonData(confirm, 'school.archive')).toEqual({ schoolId: school.id, archived: 'true' });
      expect(plain(await press(h, platform, leader, 'school.archive', { schoolId: school.id, archived: 'true' }))).toContain(
        `Archived ${elm}`,
      );
      expect((await h.db.prisma.school.findUniqueOrThrow({ where: { id: school.id } })).archivedAt).not.toBeNull();
      const actions = (await h.db.prisma.auditEntry.findMany({ where: { subject: school.id }, orderBy: { at: 'asc' } })).map(
        (a) => a.action,
      );
      expect(actions).toEqual(['school.add', 'school.edit', 'school.archive']);
      expect(plain(await send(h, platform, leader, 'schools'))).not.toContain(elm);
      expect(plain(await send(h, platform, leader, 'schools all'))).toContain(elm);
    });

    it('refuses a duplicate school name and a missing name', async () => {
      expect(plain(await press(h, platform, leader, 'school.save', {}, { name: 'oak primary', phase: 'primary' }))).toContain(
        'There is already a school called',
      );
      expect(plain(await press(h, platform, leader, 'school.save', {}, { name: '', phase: 'primary' }))).toContain('Please fill in');
      expect(plain(await press(h, platform, leader, 'school.save', {}, { name: 'Odd School', phase: 'sixth-form-college' }))).toContain(
        'Choose a phase',
      );
    });

    it('adds a person, links their chat account by email, changes their role and archives them', async () => {
      const email = `kim.${platform}@ash.sch.uk`;
      const kim = chatUser(h, `Kim ${platform}`, email);
      expect(plain(await send(h, platform, leader, 'person add'))).toContain('Work email');
      const saved = plain(
        await press(
          h,
          platform,
          leader,
          'person.save',
          {},
          { name: kim.name, email: email.toUpperCase(), role: 'senco', admin: 'no', schoolId: trust.schools['Ash Primary']! },
        ),
      );
      expect(saved).toContain(`Saved Kim ${platform} (SENCO, Ash Primary)`);
      const person = await h.db.prisma.person.findFirstOrThrow({ where: { email }, include: { roles: true } });
      expect(person.roles).toEqual([expect.objectContaining({ role: 'senco', schoolId: trust.schools['Ash Primary'] })]);
      // Kim writes for the first time: linked by the email the platform reports.
      expect(plain(await send(h, platform, kim, 'help'))).toContain('profile');
      expect(await h.db.prisma.chatIdentity.count({ where: { personId: person.id, platform } })).toBe(1);

      await press(
        h,
        platform,
        leader,
        'person.save',
        { personId: person.id },
        { name: kim.name, email, role: 'trust-leader', admin: 'no', schoolId: 'none' },
      );
      expect((await h.db.prisma.roleAssignment.findMany({ where: { personId: person.id } })).map((r) => r.role)).toEqual(['trust-leader']);
      const roleChange = await h.db.prisma.auditEntry.findFirstOrThrow({ where: { subject: person.id, action: 'role.change' } });
      expect(roleChange.details).toEqual({ from: ['senco'], to: ['trust-leader'] });

      const confirm = await send(h, platform, leader, `person archive ${email}`);
      await press(h, platform, leader, 'person.archive', buttonData(confirm, 'person.archive'));
      expect((await h.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).archivedAt).not.toBeNull();
      // Archived: no longer treated as on the roster.
      expect(plain(await send(h, platform, kim, 'schools'))).toContain('I do not know who you are yet');
      await press(h, platform, leader, 'person.archive', { personId: person.id, archived: 'false' });
      expect(plain(await send(h, platform, kim, 'schools'))).toContain('Schools in North Star Trust');
    });

    it('refuses a duplicate email, a SENCO without a school and removing the last SEND leader', async () => {
      expect(
        plain(
          await press(
            h,
            platform,
            leader,
            'person.save',
            {},
            { name: 'X', email: 'amira@oak.sch.uk', role: 'trust-leader', admin: 'no', schoolId: 'none' },
          ),
        ),
      ).toContain('already has the email');
      expect(
        plain(
          await press(
            h,
            platform,
            leader,
            'person.save',
            {},
            { name: 'Y', email: `y.${platform}@x.uk`, role: 'senco', admin: 'no', schoolId: 'none' },
          ),
        ),
      ).toContain('A SENCO needs a school');
      expect(
        plain(
          await press(
            h,
            platform,
            leader,
            'person.save',
            {},
            { name: 'Z', email: 'not an email', role: 'senco', admin: 'no', schoolId: 'none' },
          ),
        ),
      ).toContain('is not an email address');
      expect(plain(await press(h, platform, leader, 'person.archive', { personId: trust.people.leader!, archived: 'true' }))).toContain(
        'without a MAT SEND leader',
      );
      expect(
        plain(
          await press(
            h,
            platform,
            leader,
            'person.save',
            { personId: trust.people.leader! },
            { name: leader.name, email: leader.email, role: 'senco', admin: 'no', schoolId: trust.schools['Oak Primary']! },
          ),
        ),
      ).toContain('without a MAT SEND leader');
    });

    it('shows a SENCO their own school only, and the whole trust to a trust leader (audited)', async () => {
      const mine = plain(await send(h, platform, senco, 'people'));
      expect(mine).toContain('Amira Shah');
      expect(mine).not.toContain('Rachel Turner');
      expect(plain(await send(h, platform, senco, 'people Ash Primary'))).toContain('You can see the people at your own school only');
      expect(plain(await press(h, platform, senco, 'people.school', { schoolId: trust.schools['Ash Primary']! }))).toContain(
        'You can see the people at your own school only',
      );
      expect(plain(await send(h, platform, senco, 'schools'))).not.toContain('Ash Primary');
      const before = await h.db.prisma.auditEntry.count({ where: { action: 'roster.read', actorId: trust.people.reader } });
      const all = plain(await send(h, platform, reader, 'people'));
      expect(all).toContain('Rachel Turner');
      expect(all).toContain('Teams and Slack'); // reachable on both
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'roster.read', actorId: trust.people.reader } })).toBe(before + 1);
      expect(plain(await send(h, platform, reader, 'school add'))).toContain('school add is for MAT SEND leaders and administrators only');
    });

    it('shows the audit log to the SEND leader', async () => {
      const log = plain(await send(h, platform, leader, 'audit 50'));
      expect(log).toContain('Recent changes and reads in North Star Trust');
      expect(log).toContain('added a school');
      expect(log).toContain('read another school');
      expect(plain(await send(h, platform, senco, 'audit'))).toContain('audit is for MAT SEND leaders and administrators only');
    });
  });
});
