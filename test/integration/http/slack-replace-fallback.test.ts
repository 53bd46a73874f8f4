/**
 * A reply meant to replace the card a button was on (`replaceSource`) when Slack no longer has
 * that card (deleted, or older than Slack will edit): the answer is posted as a new message
 * rather than lost.
 */
import { chatUser, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';
import { blockAction } from '../../fixtures/slack/factory';

jest.setTimeout(120_000);

describe.each(databaseKinds)('Slack: replacing a card Slack no longer has, on %s', (kind) => {
  let h: Harness;
  let tess: ChatUser;

  beforeAll(async () => {
    h = await startHarness(kind, {}, new FakeClock('2026-09-15T09:00:00Z'));
    tess = chatUser(h, 'Tess Trust', 'tess@oak.org.uk');
    await seedTrust(h, 'Oak Trust', ['Oak Primary'], { tess: { user: tess, roles: ['trust-leader'] } });
    await send(h, 'slack', tess, 'help');
  });
  afterAll(async () => h.stop());

  it('posts the answer as a new message when chat.update finds no such message', async () => {
    const posts = () => h.slack.callsTo('chat.postMessage').length;
    const before = posts();
    // Home's Refresh replaces the card it was pressed on; the pressed card's ts is unknown to Slack.
    const res = await h.postSlack(blockAction('home.show', {}, tess.slack), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => posts() > before, 10_000);
    const refused = h.slack.callsTo('chat.update');
    expect(refused.length).toBeGreaterThan(0);
    const posted = h.slack.callsTo('chat.postMessage').at(-1)!;
    expect(JSON.stringify(posted)).toContain('Home');
  });
});
