/**
 * Per-person limits on expensive commands, over HTTP on both platforms and each database:
 * the window is shared by a person's Teams and Slack accounts (and by replicas: it lives in
 * the database), the refusal says when to try again in London time, and parallel asks cannot
 * slip past it.
 */
import { chatUser, plain, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';
import { teamsMessage } from '../../fixtures/teams/factory';

jest.setTimeout(90_000);

// Thursday 8 October 2026, 11:00:00 in London (BST).
const START = '2026-10-08T10:00:00Z';
const NOTHING = 'There are no check-in answers to export yet.';
const LIMITED = "You've asked for this a lot in the last minute; try again at";

describe.each(databaseKinds)('rate limits on expensive commands on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock(START);
  let lee: ChatUser;
  let kim: ChatUser;
  let mo: ChatUser;

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    lee = chatUser(h, 'Lee Leader', 'lee@birch.org.uk');
    kim = chatUser(h, 'Kim Leader', 'kim@birch.org.uk');
    mo = chatUser(h, 'Mo Leader', 'mo@birch.org.uk');
    const leader = (user: ChatUser) => ({ user, roles: ['send-leader' as const] });
    await seedTrust(h, 'Birch Trust', ['Oak Primary'], { lee: leader(lee), kim: leader(kim), mo: leader(mo) });
  });
  afterAll(async () => h.stop());

  it('counts a person across Teams and Slack, and names the time the window frees', async () => {
    for (const platform of ['teams', 'teams', 'teams', 'slack', 'slack'] as const) {
      expect(plain(await send(h, platform, lee, 'checkin export'))).toContain(NOTHING);
      clock.advance(5_000);
    }
    // The first ask was at 11:00:00; five in a minute is the limit, so room again at 11:01.
    for (const platform of ['teams', 'slack'] as const) {
      const refused = plain(await send(h, platform, lee, 'checkin export'));
      expect(refused).toContain(`${LIMITED} 11:01.`);
      expect(refused).not.toContain(NOTHING);
    }
    // Other commands, and other people, are not held back.
    expect(plain(await send(h, 'teams', lee, 'help'))).not.toContain(LIMITED);
    expect(plain(await send(h, 'slack', kim, 'checkin export'))).toContain(NOTHING);
    clock.advance(60_000);
    expect(plain(await send(h, 'slack', lee, 'checkin export'))).toContain(NOTHING);
  });

  it('limits each expensive command on its own', async () => {
    for (let i = 0; i < 5; i++) expect(plain(await send(h, 'teams', kim, 'checkin status'))).not.toContain(LIMITED);
    expect(plain(await send(h, 'teams', kim, 'checkin status'))).toContain(LIMITED);
    expect(plain(await send(h, 'teams', kim, 'bulletins'))).not.toContain(LIMITED);
    for (const command of ['selfeval rollup', 'selfeval export', 'digest', 'my data', 'bulletins send']) {
      for (let i = 0; i < 5; i++) await send(h, 'slack', kim, command);
      expect(plain(await send(h, 'slack', kim, command))).toContain(LIMITED);
    }
    // Only the digest built on demand is limited, not its settings.
    expect(plain(await send(h, 'slack', kim, 'digest unsubscribe'))).not.toContain(LIMITED);
    clock.advance(61_000);
  });

  it('answers five of twenty asks sent at once, and refuses the rest', async () => {
    const conversation = `a:1personal-${mo.teams.id}`;
    const texts = () =>
      h.teams
        .sentActivities()
        .filter((a) => a.conversationId === conversation)
        .map((a) => JSON.stringify(a.activity));
    const before = texts().length;
    const results = await Promise.all(Array.from({ length: 20 }, () => h.postTeams(teamsMessage(h.teams.url, 'checkin export', mo.teams))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const replies = texts().slice(before);
    expect(replies.filter((r) => r.includes(NOTHING))).toHaveLength(5);
    expect(replies.filter((r) => r.includes("You've asked for this a lot"))).toHaveLength(15);
  });
});
