import { teamsSubmit } from '../../fixtures/teams/factory';
import { chatUser, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';

/**
 * Issue 9 items 1-3: presses sent truly in parallel (one HTTP request each, all in flight
 * together, each with its own activity id) hold the roster's rules.
 */
describe.each(databaseKinds)('roster races on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(kind);
  });
  afterEach(async () => h.stop());

  const pressAll = (who: ChatUser, times: number, value: Record<string, unknown>) =>
    Promise.all(Array.from({ length: times }, () => h.postTeams(teamsSubmit(h.teams.url, value, who.teams))));

  it('two leaders archiving each other at once leave the trust a leader (item 1)', async () => {
    const a = chatUser(h, 'Ada Lead', 'ada@oak.org.uk');
    const b = chatUser(h, 'Bea Lead', 'bea@oak.org.uk');
    const trust = await seedTrust(h, 'Race Trust', ['Oak'], {
      a: { user: a, roles: ['send-leader', 'admin'] },
      b: { user: b, roles: ['send-leader', 'admin'] },
    });
    const results = await Promise.all([
      h.postTeams(teamsSubmit(h.teams.url, { verb: 'person.archive', personId: trust.people.b!, archived: 'true' }, a.teams)),
      h.postTeams(teamsSubmit(h.teams.url, { verb: 'person.archive', personId: trust.people.a!, archived: 'true' }, b.teams)),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const active = await h.db.prisma.person.count({ where: { trustId: trust.trustId, archivedAt: null } });
    expect(active).toBe(1);
  });

  it('erase.request pressed 20 times makes one request, one notice and one audit row; 20 approvals erase once (item 2)', async () => {
    const lead = chatUser(h, 'Lee Lead', 'lee@oak.org.uk');
    const ben = chatUser(h, 'Ben Baker', 'ben@oak.org.uk');
    const trust = await seedTrust(h, 'Erase Trust', ['Oak'], {
      lead: { user: lead, roles: ['send-leader'] },
      ben: { user: ben, roles: ['senco'], school: 'Oak' },
    });
    await pressAll(ben, 20, { verb: 'erase.request' });
    const requests = await h.db.prisma.approvalRequest.findMany({ where: { kind: 'erase', personId: trust.people.ben! } });
    expect(requests).toHaveLength(1);
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'erase.request' } })).toBe(1);
    expect(await h.db.prisma.outboxMessage.count({ where: { personId: trust.people.lead! } })).toBeLessThanOrEqual(1);
    await pressAll(lead, 20, { verb: 'erase.decide', requestId: requests[0]!.id, decision: 'approve' });
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'person.erase' } })).toBe(1);
  });

  it('join.submit pressed 20 times makes one request (item 2)', async () => {
    const lead = chatUser(h, 'Lee Lead', 'lee@oak.org.uk');
    const zoe = chatUser(h, 'Zoe New', 'zoe@oak.org.uk');
    const trust = await seedTrust(h, 'Join Trust', ['Oak'], { lead: { user: lead, roles: ['send-leader'] } });
    await h.postTeams(teamsSubmit(h.teams.url, { verb: 'help.show' }, zoe.teams)); // the bot meets Zoe first
    await pressAll(zoe, 20, { verb: 'join.submit', name: zoe.name, school: trust.schools.Oak!, role: 'senco' });
    expect(await h.db.prisma.approvalRequest.count({ where: { kind: 'join', status: 'pending' } })).toBe(1);
  });

  it('twenty people setting up at once make one trust and one admin (item 3)', async () => {
    const people = Array.from({ length: 20 }, (_, i) => chatUser(h, `Setter ${String.fromCharCode(65 + i)}`, `setter${i}@x.org.uk`));
    const results = await Promise.all(
      people.map((p, i) => h.postTeams(teamsSubmit(h.teams.url, { verb: 'setup.submit', trustName: `Trust ${i}`, name: p.name }, p.teams))),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await h.db.prisma.trust.count()).toBe(1);
    expect(await h.db.prisma.roleAssignment.count({ where: { role: 'admin' } })).toBe(1);
  });

  it('one trust per name regardless of case, however many at once (item 1)', async () => {
    const admin = chatUser(h, 'Ada Admin', 'ada@first.org.uk');
    await seedTrust(h, 'First Trust', [], { admin: { user: admin, roles: ['send-leader', 'admin'] } });
    const names = ['Birch Trust', 'BIRCH TRUST', 'birch trust', 'Birch trust', 'bIRCH tRUST'];
    await Promise.all(
      names.map((trustName, i) =>
        h.postTeams(
          teamsSubmit(h.teams.url, { verb: 'setup.submit', trustName, name: `Leader ${i}`, email: `l${i}@birch.org.uk` }, admin.teams),
        ),
      ),
    );
    expect(await h.db.prisma.trust.count({ where: { name: { equals: 'birch trust', mode: 'insensitive' } } })).toBe(1);
  });
});
