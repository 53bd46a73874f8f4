import { FakeOpenIdServer, strangerKey, type TokenClaims } from '../../fakes/fake-openid';
import { teamsMessage } from '../../fixtures/teams/factory';
import { startHarness, type Harness } from '../../helpers/harness';

const APP_ID = '00000000-0000-4000-8000-00000000b0b0';

/**
 * Production-mode Teams authentication for real: botbuilder validates each inbound token
 * against keys it fetches from OpenID metadata, here a loopback server with a key pair made
 * for the test (MICROSOFT_OPENID_METADATA_URL). Tokens are signed as the Bot Connector signs
 * them; each way of getting one wrong must be a 401, never a 5xx, and reach no handler.
 */
describe('Teams JWT validation in production mode', () => {
  let h: Harness;
  let keys: FakeOpenIdServer;
  beforeAll(async () => {
    keys = await new FakeOpenIdServer().start();
    h = await startHarness('pglite', {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      MICROSOFT_OPENID_METADATA_URL: keys.metadataUrl,
      ADMIN_EMAILS: 'lead@oak.sch.uk',
    });
  });
  afterAll(async () => {
    await h.stop();
    await keys.stop();
  });

  // jsonwebtoken checks exp and nbf against the machine's clock, so the token is built from it.
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const claims = (activity: { serviceUrl: string }, overrides: Partial<TokenClaims> = {}): TokenClaims => ({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: activity.serviceUrl,
    nbf: nowSeconds() - 60,
    exp: nowSeconds() + 3600,
    ...overrides,
  });
  const post = (activity: unknown, token: string) =>
    fetch(`${h.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
  const receipts = () => h.db.prisma.inboundReceipt.count();

  it('accepts a token signed by the published key for this app, and handles the message', async () => {
    const activity = teamsMessage(h.teams.url, 'help');
    const before = await receipts();
    const res = await post(activity, keys.sign(claims(activity)));
    // Past authentication and handled (its receipt is written). Its reply cannot be sent here:
    // outbound calls need an Entra sign-in (login.microsoftonline.com), unreachable offline, so
    // the turn ends 500 for the connector to retry, and the receipt drops the retry.
    expect(res.status).not.toBe(401);
    expect(await receipts()).toBe(before + 1);
    const again = await post(activity, keys.sign(claims(activity)));
    expect(again.status).toBe(200);
    expect(await receipts()).toBe(before + 1);
    expect(keys.calls.map((c) => c.path)).toEqual(expect.arrayContaining(['/.well-known/openidconfiguration', '/keys']));
  });

  const refusals: Array<[string, (a: { serviceUrl: string }) => string]> = [
    ['for another app (wrong audience)', (a) => keys.sign(claims(a, { aud: '00000000-0000-4000-8000-0000000000ff' }))],
    ['expired an hour ago', (a) => keys.sign(claims(a, { nbf: nowSeconds() - 7200, exp: nowSeconds() - 3600 }))],
    ['not valid for another hour', (a) => keys.sign(claims(a, { nbf: nowSeconds() + 3600, exp: nowSeconds() + 7200 }))],
    ['from another issuer', (a) => keys.sign(claims(a, { iss: 'https://evil.example.org' }))],
    ['signed by a key nobody published (bad signature)', (a) => keys.sign(claims(a), { key: strangerKey() })],
    ['naming a key id the metadata does not list', (a) => keys.sign(claims(a), { kid: 'unknown-kid' })],
    ['issued for another service URL', (a) => keys.sign(claims(a, { serviceurl: 'https://smba.evil.example.org/' }))],
    ['cut short (no signature)', (a) => keys.sign(claims(a)).split('.').slice(0, 2).join('.') + '.'],
    ['garbage', () => 'not.a.token'],
  ];

  it.each(refusals)('refuses a token %s with 401, handling nothing', async (_name, token) => {
    const activity = teamsMessage(h.teams.url, 'help');
    const before = await receipts();
    const sent = h.teams.calls.length;
    const res = await post(activity, token(activity));
    expect(res.status).toBe(401);
    expect(await receipts()).toBe(before);
    expect(h.teams.calls.length).toBe(sent);
  });

  it('refuses a request with no Authorization header with 401', async () => {
    const res = await h.postTeams(teamsMessage(h.teams.url, 'help'));
    expect(res.status).toBe(401);
  });
});
