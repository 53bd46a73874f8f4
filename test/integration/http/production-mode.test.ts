import { teamsMessage } from '../../fixtures/teams/factory';
import { startHarness, type Harness } from '../../helpers/harness';

/** With app credentials, every Teams request must carry a valid Bot Framework token. */
describe('production mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      MICROSOFT_APP_ID: '00000000-0000-4000-8000-00000000b0b0',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      ADMIN_EMAILS: 'lead@oak.sch.uk',
    });
  });
  afterAll(async () => h.stop());

  it('refuses a Teams activity without a token with 401 and sends nothing', async () => {
    const res = await h.postTeams(teamsMessage(h.teams.url, 'help'));
    expect(res.status).toBe(401);
    expect(h.teams.calls).toHaveLength(0);
  });

  it('still refuses malformed bodies with 400 before authentication', async () => {
    expect((await h.postTeams('not json')).status).toBe(400);
  });
});

describe('health', () => {
  it('answers 503 when the database is down', async () => {
    const h = await startHarness('pglite');
    try {
      await h.db.prisma.$disconnect();
      await h.db.close();
      const res = await fetch(`${h.bot.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    } finally {
      await h.bot.stop();
      await h.teams.stop();
      await h.slack.stop();
    }
  });

  it('answers 404 on /slack/events when Slack is not configured', async () => {
    const h = await startHarness('pglite', { SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '', SLACK_API_URL: '' });
    try {
      const res = await fetch(`${h.bot.url}/slack/events`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
      expect(JSON.stringify(await res.json())).toContain('SLACK_SIGNING_SECRET');
    } finally {
      await h.stop();
    }
  });
});
