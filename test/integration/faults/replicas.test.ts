/**
 * Two bot replicas (two app instances, each with its own connection pool) on one PostgreSQL
 * database, as behind a load balancer: a person's messages alternate between them. Their
 * conversation keeps its place, a rate limit counts both, a button pressed on both at once has
 * one effect, and a fan-out drained by both at once reaches each person once. (Scheduled
 * occurrences across schedulers: test/integration/scheduler/replicas-and-restarts.test.ts;
 * two OS processes: test/integration/scheduler/two-processes.test.ts.)
 */
import { textMessage } from '../../../src/core/message';
import { openDatabase } from '../../../src/db/database';
import { features } from '../../../src/flows';
import { endConversation, saveConversation } from '../../../src/flows/conversations/engine';
import type { Feature } from '../../../src/flows/feature';
import type { Conversation } from '../../../src/flows/registry';
import { FakeTeamsConnector } from '../../fakes/fake-teams-connector';
import { chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import type { TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { teamsEntry } from '../../helpers/outbox-rig';
import { postgresBin, startOwnPostgres, type OwnPostgres } from '../../helpers/own-postgres';
import { seedTrust, type SeededTrust } from '../../helpers/roster-seed';

const bin = postgresBin();
const describeWithServer = bin ? describe : describe.skip;
if (!bin) {
  describe.skip('replicas (no PostgreSQL binaries under /usr/lib/postgresql/*/bin: skipped)', () => {
    it('was skipped: install PostgreSQL server binaries to run it', () => undefined);
  });
}
jest.setTimeout(180_000);

const TUESDAY = '2026-11-10T10:00:00Z';

/** A three-question form, registered the way a feature registers one. */
const survey: Conversation = {
  id: 'test-survey',
  describe: (state) => `the survey (question ${Number(state.data.asked ?? 1)} of 3)`,
  resume: 'type **survey**',
  async onText(ctx, state, text) {
    const answers = [...((state.data.answers as string[] | undefined) ?? []), text];
    if (answers.length < 3) {
      await saveConversation(ctx, survey, 'asking', { answers, asked: answers.length + 1 });
      return [textMessage(`Question ${answers.length + 1} of 3?`)];
    }
    await endConversation(ctx);
    return [textMessage(`Thank you: ${answers.join(' / ')}`)];
  },
};
const surveyFeature: Feature = {
  id: 'test-survey',
  register(app) {
    app
      .command({
        id: 'survey',
        aliases: [],
        summary: 'A three-question survey',
        examples: ['survey'],
        audience: 'linked',
        run: async (ctx) => {
          await saveConversation(ctx, survey, 'asking', { answers: [], asked: 1 });
          return [textMessage('Question 1 of 3?')];
        },
      })
      .conversation(survey);
  },
};

describeWithServer('two replicas on one PostgreSQL database', () => {
  let pg: OwnPostgres;
  let a: Harness;
  let b: Harness;
  let trust: SeededTrust;
  let lee: ChatUser;
  let ben: ChatUser;
  let spareSlack: Harness['slack'];
  const clock = new FakeClock(TUESDAY);

  const open = async (url: string): Promise<TestDatabase> => {
    const opened = await openDatabase({ url });
    return { ...opened, url, destroy: () => opened.close() };
  };

  beforeAll(async () => {
    pg = await startOwnPostgres();
    const teams = await new FakeTeamsConnector().start();
    const options = { teams, features: [...features, surveyFeature] };
    a = await startHarness('postgres', {}, clock, { ...options, database: await open(pg.url) });
    // Replica B answers Slack through A's fake Slack API, so both replicas' replies are read in one place.
    const own = await startHarness('postgres', { SLACK_API_URL: a.slack.apiUrl }, clock, { ...options, database: await open(pg.url) });
    b = { ...own, slack: a.slack };
    spareSlack = own.slack;
    lee = chatUser(a, 'Lee Leader', 'lee@birch.org.uk');
    ben = chatUser(a, 'Ben Baker', 'ben@birch.org.uk');
    trust = await seedTrust(a, 'Birch Trust', ['Oak Primary'], {
      lee: { user: lee, roles: ['send-leader'] },
      ben: { user: ben, roles: ['senco'], school: 'Oak Primary' },
    });
  });
  afterAll(async () => {
    await b?.bot.stop();
    await b?.db.destroy();
    await spareSlack?.stop();
    await a?.stop();
    pg?.destroy();
  });

  it("keeps a person's conversation when their messages alternate between replicas and platforms", async () => {
    expect(plain(await send(a, 'teams', lee, 'survey'))).toContain('Question 1 of 3?');
    expect(plain(await send(b, 'teams', lee, 'red'))).toContain('Question 2 of 3?');
    expect(plain(await send(a, 'slack', lee, 'green'))).toContain('Question 3 of 3?');
    expect(plain(await send(b, 'slack', lee, 'blue'))).toContain('Thank you: red / green / blue');
    expect(await a.db.prisma.conversationState.count()).toBe(0);
  });

  it('counts a rate limit across both replicas', async () => {
    for (const h of [a, b, a, b, a]) expect(plain(await send(h, 'teams', lee, 'checkin status'))).not.toContain("You've asked");
    expect(plain(await send(b, 'teams', lee, 'checkin status'))).toContain("You've asked for this a lot in the last minute");
  });

  it('a button pressed 20 times across both replicas at once has one effect', async () => {
    const presses = await Promise.allSettled(
      Array.from({ length: 20 }, (_v, i) => press(i % 2 ? a : b, i % 4 < 2 ? 'teams' : 'slack', ben, 'erase.request')),
    );
    expect(presses.some((p) => p.status === 'fulfilled')).toBe(true);
    expect(await a.db.prisma.approvalRequest.count({ where: { kind: 'erase', personId: trust.people.ben! } })).toBe(1);
    expect(await a.db.prisma.auditEntry.count({ where: { action: 'erase.request', actorId: trust.people.ben! } })).toBe(1);
  });

  it('a fan-out drained by both replicas at once reaches each person once', async () => {
    const keys = Array.from({ length: 120 }, (_v, i) => `both-${i}`);
    await a.bot.deps.outbox.enqueue(keys.map((k) => teamsEntry(a.teams, k)));
    await Promise.all([a.bot.scheduler.runOnce(), b.bot.scheduler.runOnce()]);
    const counts = new Map<string, number>();
    for (const d of a.teams.delivered.filter((x) => x.conversationId.startsWith('a:both-')))
      counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
    expect(counts.size).toBe(120);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
