import type { Platform } from '../../../src/core/model';
import { teamsMembersAdded, teamsPersonalInstall } from '../../fixtures/teams/factory';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust, TEAMS_TENANT, type SeededTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

describe.each(databaseKinds)('linking chat accounts on %s', (kind) => {
  let h: Harness;
  let trust: SeededTrust;
  let ann: ChatUser;
  let ben: ChatUser;
  let cat: ChatUser;
  let leader: ChatUser;
  beforeAll(async () => {
    h = await startHarness(kind);
    leader = chatUser(h, 'Lee Leader', 'lee@trust.org.uk');
    ann = chatUser(h, 'Ann Able', 'ann@oak.sch.uk');
    ben = chatUser(h, 'Ben Baker', 'ben@oak.sch.uk');
    cat = chatUser(h, 'Cat Cole', 'cat@ash.sch.uk');
    trust = await seedTrust(
      h,
      'Linking Trust',
      ['Oak', 'Ash'],
      {
        leader: { user: leader, roles: ['send-leader'] },
        ann: { user: ann, roles: ['senco'], school: 'Oak' },
        ben: { user: ben, roles: ['senco'], school: 'Oak' },
        cat: { user: cat, roles: ['senco'], school: 'Ash' },
      },
      { link: false },
    );
  });
  afterAll(async () => h.stop());

  it('Teams: links every roster member when the bot is added to a team (paged member list)', async () => {
    const stranger = chatUser(h, 'Not On Roster', 'nobody@elsewhere.org');
    h.teams.pageSize = 2; // three pages of members
    const res = await h.postTeams(teamsMembersAdded(h.teams.url, '19:trust-senco-team@thread.tacv2'));
    expect(res.status).toBe(200);
    const paged = h.teams.calls.filter((c) => c.path.includes('/pagedmembers'));
    expect(paged.length).toBeGreaterThanOrEqual(3);
    const identities = await h.db.prisma.chatIdentity.findMany({ where: { platform: 'teams' } });
    const byEmail = new Map(identities.map((i) => [i.email, i]));
    for (const [user, key] of [
      [ann, 'ann'],
      [ben, 'ben'],
      [cat, 'cat'],
      [leader, 'leader'],
    ] as const) {
      const identity = byEmail.get(user.email)!;
      expect(identity).toMatchObject({ personId: trust.people[key], tenantId: TEAMS_TENANT, userId: user.teams.aadObjectId });
      expect(identity.conversationRef).toMatchObject({ kind: 'member', memberId: user.teams.id, tenantId: TEAMS_TENANT });
    }
    expect(byEmail.get(stranger.email)!.personId).toBeNull();
    h.teams.pageSize = 50;
  });

  it('Teams: the bot can then message a linked person first, opening a 1:1 chat', async () => {
    const before = h.teams.calls.length;
    const queued = await h.bot.deps.roster.notifier!.notify(trust.trustId, [trust.people.ann!], 'test-hello', {
      summary: 'Hello Ann',
      blocks: [{ type: 'text', text: 'Hello Ann' }],
    });
    expect(queued).toEqual({ queued: 1, unreachable: 0 });
    await h.bot.scheduler.runOnce();
    const calls = h.teams.calls.slice(before);
    expect(calls.some((c) => c.method === 'POST' && c.path === '/v3/conversations')).toBe(true);
    expect(calls.some((c) => JSON.stringify(c.body).includes('Hello Ann'))).toBe(true);
  });

  it('Teams: records people who join the team later, and a personal install keeps the 1:1 chat', async () => {
    const dan = chatUser(h, 'Dan Late', 'dan@ash.sch.uk');
    await h.db.prisma.person.create({ data: { trustId: trust.trustId, name: 'Dan Late', email: 'dan@ash.sch.uk' } });
    await h.postTeams(teamsMembersAdded(h.teams.url, '19:trust-senco-team@thread.tacv2', [dan.teams.id]));
    const identity = await h.db.prisma.chatIdentity.findFirstOrThrow({ where: { platform: 'teams', email: 'dan@ash.sch.uk' } });
    expect(identity.personId).not.toBeNull();
    await h.postTeams(teamsPersonalInstall(h.teams.url, dan.teams));
    const after = await h.db.prisma.chatIdentity.findUniqueOrThrow({ where: { id: identity.id } });
    expect(after.conversationRef).toMatchObject({ kind: 'reference', reference: { conversation: { id: `a:1personal-${dan.teams.id}` } } });
    // A later team roster refresh does not replace the 1:1 chat with a weaker address.
    await h.postTeams(teamsMembersAdded(h.teams.url, '19:trust-senco-team@thread.tacv2', [dan.teams.id]));
    expect((await h.db.prisma.chatIdentity.findUniqueOrThrow({ where: { id: identity.id } })).conversationRef).toMatchObject({
      kind: 'reference',
    });
  });

  it('Slack: `reach` looks roster people up by email and stores their DM', async () => {
    h.slack.users.delete(cat.slack.id); // Cat is not in the workspace
    const report = plain(await send(h, 'teams', leader, 'reach'));
    expect(report).toContain('Just looked up');
    const slack = await h.db.prisma.chatIdentity.findMany({ where: { platform: 'slack', personId: { not: null } } });
    expect(slack.map((i) => i.email).sort()).toEqual(expect.arrayContaining(['ann@oak.sch.uk', 'ben@oak.sch.uk', 'lee@trust.org.uk']));
    const annSlack = slack.find((i) => i.email === 'ann@oak.sch.uk')!;
    expect(annSlack.conversationRef).toEqual({
      kind: 'slack-user',
      teamId: 'T0001',
      userId: ann.slack.id,
      channel: `D${ann.slack.id.replace(/^U/, '')}`,
    });
    expect(h.slack.callsTo('users.lookupByEmail').map((c) => c.email)).toEqual(
      expect.arrayContaining(['ann@oak.sch.uk', 'cat@ash.sch.uk']),
    );
    expect(report).toContain('people can be messaged without writing first');
  });
});

describe.each(databaseKinds)('unknown people asking to join on %s', (kind) => {
  describe.each(platforms)('%s', (platform) => {
    let h: Harness;
    let trust: SeededTrust;
    let leader: ChatUser;
    beforeAll(async () => {
      h = await startHarness(kind);
      leader = chatUser(h, 'Lee Leader', 'lee@trust.org.uk');
      trust = await seedTrust(h, 'Join Trust', ['Oak', 'Ash'], { leader: { user: leader, roles: ['send-leader'] } });
    });
    afterAll(async () => h.stop());

    it('asks who they are, sends the leader a one-tap approval, and links them when approved', async () => {
      const zoe = chatUser(h, `Zoe ${platform}`, `zoe.${platform}@ash.sch.uk`);
      const form = await send(h, platform, zoe, 'schools');
      expect(plain(form)).toContain('I do not know who you are yet');
      expect(plain(form)).toContain('Ash');
      const sent = plain(await press(h, platform, zoe, 'join.submit', {}, { name: zoe.name, school: trust.schools.Ash!, role: 'senco' }));
      expect(sent).toContain("I have asked Join Trust's MAT SEND leader to approve you");
      expect(plain(await send(h, platform, zoe, 'profile'))).toContain('waiting for a MAT SEND leader to approve it');
      const request = await h.db.prisma.approvalRequest.findFirstOrThrow({ where: { kind: 'join', status: 'pending' } });

      await h.bot.scheduler.runOnce();
      const asks = [...h.teams.sentTexts(), ...h.slack.postedTexts()].filter(
        (t) => t.includes(`${zoe.name}`) && t.includes('asks to join'),
      );
      expect(asks.length).toBe(1); // once, on one platform
      expect(asks[0]).toContain(`from ${platform === 'teams' ? 'Teams' : 'Slack'}`); // the platform vouched for the email

      const approved = plain(await press(h, platform, leader, 'join.decide', { requestId: request.id, decision: 'approve' }));
      expect(approved).toContain(`Approved: ${zoe.name} is on the roster`);
      const person = await h.db.prisma.person.findFirstOrThrow({ where: { email: zoe.email }, include: { roles: true, identities: true } });
      expect(person.roles).toEqual([expect.objectContaining({ role: 'senco', schoolId: trust.schools.Ash })]);
      expect(person.identities.map((i) => i.platform)).toEqual([platform]);
      expect(plain(await press(h, platform, leader, 'join.decide', { requestId: request.id, decision: 'approve' }))).toContain(
        'already been dealt with',
      );
      await h.bot.scheduler.runOnce();
      expect(
        [...h.teams.sentTexts(), ...h.slack.postedTexts()].some((t) => t.includes(`Welcome to Join Trust`) && t.includes(zoe.name)),
      ).toBe(true);
      expect(plain(await send(h, platform, zoe, 'help'))).toContain('profile');
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'join.approve', subject: request.id } })).toBe(1);
    });

    it('lets the leader reject, shows pending requests, and refuses a decision from someone not on the roster', async () => {
      const yan = chatUser(h, `Yan ${platform}`, `yan.${platform}@oak.sch.uk`);
      await send(h, platform, yan, 'hello bot');
      await press(h, platform, yan, 'join.submit', {}, { name: yan.name, school: 'none', role: 'senco' }).then((r) =>
        expect(plain(r)).toContain('A SENCO needs a school'),
      );
      await press(h, platform, yan, 'join.submit', {}, { name: yan.name, school: trust.schools.Oak!, role: 'senco' });
      const pending = await send(h, platform, leader, 'requests');
      expect(plain(pending)).toContain(`${yan.name} asks to join Join Trust as SENCO at Oak`);
      const { requestId } = buttonData(pending, 'join.decide');
      // Someone not on the roster cannot approve anything, least of all themselves.
      expect(plain(await press(h, platform, yan, 'join.decide', { requestId: requestId!, decision: 'approve' }))).toContain(
        'waiting for a MAT SEND leader to approve it',
      );
      expect(plain(await press(h, platform, leader, 'join.decide', { requestId: requestId!, decision: 'reject' }))).toContain('Rejected');
      expect(await h.db.prisma.person.count({ where: { email: yan.email } })).toBe(0);
    });

    it("with several trusts, asks for the trust by name and never lists another trust's schools", async () => {
      const other = chatUser(h, 'Other Lead', `other.${platform}@second.org`);
      await seedTrust(h, `Second Trust ${platform}`, ['Secret School'], { lead: { user: other, roles: ['send-leader'] } });
      // Someone from another Slack workspace / Teams tenant: the trust cannot be inferred.
      const xi = chatUser(h, `Xi ${platform}`, `xi.${platform}@somewhere.org`);
      xi.teams.id = `${xi.teams.id}-x`;
      h.teams.members.set(xi.teams.id, { id: xi.teams.id, name: xi.name, email: xi.email, aadObjectId: xi.teams.aadObjectId });
      xi.slack.teamId = 'T0OTHER';
      const form = plain(await send(h, platform, xi, 'people'));
      expect(form).toContain("Your trust's name");
      expect(form).not.toContain('Secret School');
      expect(form).not.toContain('Oak');
      expect(
        plain(
          await press(
            h,
            platform,
            xi,
            'join.submit',
            {},
            { name: xi.name, trustName: 'Made Up Trust', schoolName: '', role: 'trust-leader' },
          ),
        ),
      ).toContain('I could not find a trust called "Made Up Trust"');
      expect(
        plain(
          await press(
            h,
            platform,
            xi,
            'join.submit',
            {},
            { name: xi.name, trustName: `second trust ${platform}`, schoolName: 'Nope', role: 'senco' },
          ),
        ),
      ).toContain('I could not find that school');
      expect(
        plain(
          await press(
            h,
            platform,
            xi,
            'join.submit',
            {},
            { name: xi.name, trustName: `second trust ${platform}`, schoolName: 'secret school', role: 'senco' },
          ),
        ),
      ).toContain('asked');
    });
  });
});
