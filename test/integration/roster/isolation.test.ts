import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, plain, press, send, upload, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust, type SeededTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

/** Everything stored about trust B, to prove nothing of it changed. */
async function snapshotOf(h: Harness, trustId: string) {
  const p = h.db.prisma;
  return JSON.stringify(
    await Promise.all([
      p.trust.findUnique({ where: { id: trustId } }),
      p.school.findMany({ where: { trustId }, orderBy: { id: 'asc' } }),
      p.person.findMany({ where: { trustId }, orderBy: { id: 'asc' }, include: { roles: { orderBy: { role: 'asc' } } } }),
      p.approvalRequest.findMany({ where: { trustId }, orderBy: { id: 'asc' } }),
      p.rosterImport.findMany({ where: { trustId }, orderBy: { id: 'asc' } }),
      p.chatIdentity.findMany({
        where: { person: { trustId } },
        orderBy: { id: 'asc' },
        select: { id: true, personId: true, email: true },
      }),
    ]),
  );
}

describe.each(databaseKinds)('trust isolation on %s', (kind) => {
  let h: Harness;
  let a: SeededTrust;
  let b: SeededTrust;
  let leaderA: ChatUser;
  let sencoA: ChatUser;
  let leaderB: ChatUser;
  let sencoB: ChatUser;
  const ids = { importB: '', joinB: '', eraseB: '' };
  beforeAll(async () => {
    h = await startHarness(kind);
    leaderA = chatUser(h, 'Alice Alpha', 'alice@alpha.org.uk');
    sencoA = chatUser(h, 'Adam Alpha', 'adam@alpha.sch.uk');
    leaderB = chatUser(h, 'Bella Beta', 'bella@beta.org.uk');
    sencoB = chatUser(h, 'Boris Beta', 'boris@beta.sch.uk');
    a = await seedTrust(h, 'Alpha Trust', ['Alpha Primary'], {
      leader: { user: leaderA, roles: ['send-leader', 'admin'] },
      senco: { user: sencoA, roles: ['senco'], school: 'Alpha Primary' },
    });
    b = await seedTrust(h, 'Beta Trust', ['Beta Primary', 'Beta Secret Academy'], {
      leader: { user: leaderB, roles: ['send-leader'] },
      senco: { user: sencoB, roles: ['senco'], school: 'Beta Primary' },
    });
    // Trust B has a previewed import, a pending join request and a pending erasure.
    const preview = await upload(h, 'teams', leaderB, 'b.csv', new TextEncoder().encode('name,phase\nBeta New School,primary\n'));
    ids.importB = buttonData(preview, 'import.apply').importId!;
    await press(h, 'slack', sencoB, 'erase.request');
    ids.eraseB = (await h.db.prisma.approvalRequest.findFirstOrThrow({ where: { trustId: b.trustId, kind: 'erase' } })).id;
    const stranger = await h.db.prisma.chatIdentity.create({ data: { platform: 'teams', tenantId: 'other-tenant', userId: 'stranger' } });
    ids.joinB = (
      await h.db.prisma.approvalRequest.create({
        data: {
          trustId: b.trustId,
          kind: 'join',
          identityId: stranger.id,
          data: { name: 'Stranger', email: 'stranger@x.uk', schoolId: null, role: 'senco' },
        },
      })
    ).id;
  });
  afterAll(async () => h.stop());

  describe.each(platforms)('%s', (platform) => {
    it('a leader of trust A cannot read or change trust B through forged card payloads', async () => {
      const before = await snapshotOf(h, b.trustId);
      const schoolB = b.schools['Beta Primary']!;
      const personB = b.people.senco!;
      const forged: Array<[string, Record<string, string>, Record<string, string>]> = [
        ['school.save', { schoolId: schoolB }, { name: 'Hijacked', phase: 'special' }],
        ['school.archive', { schoolId: schoolB, archived: 'true' }, {}],
        ['school.pick', { intent: 'edit', schoolId: schoolB }, {}],
        [
          'person.save',
          { personId: personB },
          { name: 'Hijacked', email: 'boris@beta.sch.uk', role: 'send-leader', admin: 'yes', schoolId: 'none' },
        ],
        ['person.save', {}, { name: 'Mole', email: 'mole@alpha.org.uk', role: 'senco', admin: 'no', schoolId: schoolB }],
        ['person.archive', { personId: personB, archived: 'true' }, {}],
        ['person.pick', { intent: 'archive', personId: personB }, {}],
        ['profile.open', { personId: personB }, {}],
        ['profile.save', { personId: personB }, { appointedOn: '2020-01-01', qualification: 'npq' }],
        ['people.school', { schoolId: schoolB }, {}],
        ['import.apply', { importId: ids.importB }, {}],
        ['import.cancel', { importId: ids.importB }, {}],
        ['join.decide', { requestId: ids.joinB, decision: 'approve' }, {}],
        ['erase.decide', { requestId: ids.eraseB, decision: 'approve' }, {}],
      ];
      for (const [verb, data, fields] of forged) {
        const text = plain(await press(h, platform, leaderA, verb, data, fields));
        expect({ verb, leaked: /Beta|Boris|boris@/.test(text) }).toEqual({ verb, leaked: false });
        expect({
          verb,
          answer:
            /not something I can find|not one of your trust|could not find|already been applied|Nothing matches|could not tell which school/.test(
              text,
            )
              ? 'refused'
              : text,
        }).toEqual({ verb, answer: 'refused' });
      }
      for (const command of [
        'school edit Beta Primary',
        'school archive Beta Primary',
        'person edit boris@beta.sch.uk',
        'profile boris@beta.sch.uk',
        'people Beta Primary',
      ]) {
        const text = plain(await send(h, platform, leaderA, command));
        // The reply may echo what was typed, never what B holds.
        expect({ command, leaked: /Boris|Secret|Bella/.test(text), notFound: text.includes('I could not find') }).toEqual({
          command,
          leaked: false,
          notFound: true,
        });
      }
      for (const command of ['schools all', 'people', 'audit 100', 'requests', 'reach']) {
        const text = plain(await send(h, platform, leaderA, command));
        expect({ command, leaked: /Beta|Boris|Bella/.test(text) }).toEqual({ command, leaked: false });
      }
      expect(await snapshotOf(h, b.trustId)).toBe(before);
      // Nothing was recorded against B's ids in A's audit trail either.
      expect(
        await h.db.prisma.auditEntry.count({ where: { trustId: a.trustId, subject: { in: [schoolB, personB, ids.joinB, ids.eraseB] } } }),
      ).toBe(0);
    });

    it('a SENCO of trust A gets nothing of trust B either', async () => {
      const before = await snapshotOf(h, b.trustId);
      // Another trust's school id reads as an unknown name: nothing of it is shown.
      const picked = plain(await press(h, platform, sencoA, 'people.school', { schoolId: b.schools['Beta Primary']! }));
      expect(picked).toMatch(/not something I can find|I could not find a school called/);
      expect(picked).not.toMatch(/Beta|Boris/);
      expect(
        plain(await press(h, platform, sencoA, 'profile.save', { personId: b.people.senco! }, { appointedOn: '2020-01-01' })),
      ).toContain('your own profile only');
      expect(
        plain(await press(h, platform, sencoA, 'school.save', { schoolId: b.schools['Beta Primary']! }, { name: 'X', phase: 'primary' })),
      ).toContain('school.save is for MAT SEND leaders');
      expect(plain(await send(h, platform, sencoA, 'people'))).not.toMatch(/Beta|Boris/);
      expect(await snapshotOf(h, b.trustId)).toBe(before);
    });

    it('the same email in two trusts links to neither automatically', async () => {
      await h.db.prisma.person.create({ data: { trustId: a.trustId, name: 'Dual A', email: `dual.${platform}@both.org.uk` } });
      await h.db.prisma.person.create({ data: { trustId: b.trustId, name: 'Dual B', email: `dual.${platform}@both.org.uk` } });
      const dual = chatUser(h, 'Dual', `dual.${platform}@both.org.uk`);
      expect(plain(await send(h, platform, dual, 'people'))).toContain('I do not know who you are yet');
      expect(await h.db.prisma.chatIdentity.count({ where: { email: dual.email, personId: { not: null } } })).toBe(0);
    });
  });
});
