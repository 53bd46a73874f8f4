import type { Platform } from '../../../src/core/model';
import { teamsSubmit } from '../../fixtures/teams/factory';
import { chatUser, plain, press } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

/** Issue 9 item 13: a person's email is claimed by one trust; a second claim is referred. */
describe.each(databaseKinds)('one trust per email on %s', (kind) => {
  describe.each(platforms)('%s', (platform) => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness(kind);
    });
    afterEach(async () => h.stop());

    it("refuses another trust's person, tells the holding trust's admin and the person", async () => {
      const oakLead = chatUser(h, 'Olive Lead', 'olive@oaktrust.org.uk');
      const elmAdmin = chatUser(h, 'Eli Admin', 'eli@elmtrust.org.uk');
      const sam = chatUser(h, 'Sam Senco', 'sam@school.sch.uk');
      const oak = await seedTrust(h, 'Oak Trust', ['Oak Primary'], { lead: { user: oakLead, roles: ['send-leader'] } });
      const elm = await seedTrust(h, 'Elm Trust', ['Elm Primary'], {
        admin: { user: elmAdmin, roles: ['send-leader', 'admin'] },
        sam: { user: sam, roles: ['senco'], school: 'Elm Primary' },
      });
      const form = { name: 'Sam Senco', email: 'SAM@school.sch.uk', role: 'senco', schoolId: oak.schools['Oak Primary']! };
      const reply = plain(await press(h, platform, oakLead, 'person.save', {}, form));
      expect(reply).toContain('belongs to someone in another trust');
      expect(await h.db.prisma.person.count({ where: { email: 'sam@school.sch.uk' } })).toBe(1);
      await press(h, platform, oakLead, 'person.save', {}, form); // a second try refers nothing twice
      const referred = await h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'email-claim:' } } });
      const to = referred.map((m) => m.personId).sort();
      expect(to).toEqual([elm.people.admin!, elm.people.sam!].sort());
      expect(JSON.stringify(referred.map((m) => m.content))).toContain('Oak Trust tried to add');
    });
  });

  it('two trusts claiming one new email at once: one holds it', async () => {
    const h = await startHarness(kind);
    try {
      const a = chatUser(h, 'Ada Lead', 'ada@a.org.uk');
      const b = chatUser(h, 'Bea Lead', 'bea@b.org.uk');
      const ta = await seedTrust(h, 'A Trust', ['A School'], { lead: { user: a, roles: ['send-leader'] } });
      const tb = await seedTrust(h, 'B Trust', ['B School'], { lead: { user: b, roles: ['send-leader'] } });
      const save = (who: typeof a, school: string) =>
        h.postTeams(
          teamsSubmit(
            h.teams.url,
            { verb: 'person.save', name: 'New Person', email: 'new@x.sch.uk', role: 'senco', schoolId: school },
            who.teams,
          ),
        );
      const presses = [];
      for (let i = 0; i < 5; i++) presses.push(save(a, ta.schools['A School']!), save(b, tb.schools['B School']!));
      await Promise.all(presses);
      const holders = await h.db.prisma.person.findMany({ where: { email: 'new@x.sch.uk' }, select: { trustId: true } });
      expect(holders).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
