import { slackDm, slackHeaders } from '../../fixtures/slack/factory';
import { ann, teamsMessage } from '../../fixtures/teams/factory';
import { databaseKinds } from '../../helpers/databases';
import { startHarness, type Harness, SIGNING_SECRET } from '../../helpers/harness';

/** Issue 9, the edge: bad shapes, invokes, foreign channels, receipts and timestamps. */
describe.each(databaseKinds)('edge integrity on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h.stop());

  const sent = () => h.teams.sentActivities().length;

  it('answers activities of the wrong shape with 400 (item 8)', async () => {
    let deep = '"x"';
    for (let i = 0; i < 100_000; i++) deep = `[${deep}]`;
    const base = JSON.stringify(teamsMessage(h.teams.url, 'help'));
    const bodies = [
      { ...teamsMessage(h.teams.url, 'help'), text: 42 },
      { ...teamsMessage(h.teams.url, 'help'), text: { x: 1 } },
      { ...teamsMessage(h.teams.url, 'help'), attachments: 'x' },
      { ...teamsMessage(h.teams.url, 'help'), entities: [null] },
      { ...teamsMessage(h.teams.url, 'help'), type: 'conversationUpdate', membersAdded: [null] },
      { ...teamsMessage(h.teams.url, 'help'), recipient: undefined },
      { ...teamsMessage(h.teams.url, 'help'), id: 'a\u0000b' },
      `${base.slice(0, -1)},"value":${deep}}`,
    ];
    for (const body of bodies) expect((await h.postTeams(body)).status).toBe(400);
  });

  it('refuses a Teams activity claiming another channel (item 11)', async () => {
    expect((await h.postTeams(teamsMessage(h.teams.url, 'help', ann, { channelId: 'slack' }))).status).toBe(400);
    expect((await h.postTeams(teamsMessage(h.teams.url, 'help', ann, { channelId: 'emulator' }))).status).toBe(200);
  });

  it('answers every invoke with 200 or 4xx, never 5xx (item 9)', async () => {
    const invoke = (name: string, value: unknown) => ({ ...teamsMessage(h.teams.url, ''), type: 'invoke', name, value });
    const before = sent();
    const action = await h.postTeams(invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'help.show', data: {} } }));
    expect(action.status).toBe(200);
    expect(sent()).toBeGreaterThan(before);
    const unknown = await h.postTeams(invoke('composeExtension/query', {}));
    expect(unknown.status).toBe(200);
    expect(JSON.stringify(await unknown.json())).toContain('does not support');
    expect((await h.postTeams(invoke('adaptiveCard/action', { action: {} }))).status).toBe(400);
  });

  it('keys Teams receipts on tenant and conversation, not the activity id alone (item 4)', async () => {
    const first = teamsMessage(h.teams.url, 'help');
    const other = {
      ...first,
      conversation: { ...first.conversation, id: 'a:1personal-other', tenantId: 'another-tenant' },
      channelData: { tenant: { id: 'another-tenant' } },
    };
    const before = sent();
    await h.postTeams(first);
    await h.postTeams(other);
    await h.postTeams(first);
    expect(sent() - before).toBe(2);
  });

  it('cleans NUL from a display name so the person can still be answered (item 7)', async () => {
    const before = sent();
    const res = await h.postTeams(
      teamsMessage(h.teams.url, 'help', { ...ann, id: '29:nul-user', name: 'Nul\u0000 Person', aadObjectId: 'nul-aad' }),
    );
    expect(res.status).toBe(200);
    expect(sent()).toBeGreaterThan(before);
    const identity = await h.db.prisma.chatIdentity.findFirst({ where: { userId: 'nul-aad' } });
    expect(identity?.displayName ?? 'Nul Person').toBe('Nul Person');
  });

  it('refuses Slack requests signed in the future or with a decimal timestamp (item 10)', async () => {
    const body = JSON.stringify(slackDm('help'));
    const post = (timestamp: string) => {
      const headers = slackHeaders(SIGNING_SECRET, body, 'application/json', Number(timestamp));
      return h.postSlack(body, 'application/json', { ...headers, 'x-slack-request-timestamp': timestamp });
    };
    const now = Math.floor(Date.now() / 1000);
    expect((await post(String(now + 24 * 3600))).status).toBe(401);
    expect((await post(`${now}.5`)).status).toBe(401);
    expect((await post(String(now))).status).toBe(200);
  });
});
