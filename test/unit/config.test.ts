import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, loadDotEnv } from '../../src/config';

const GUID = '00000000-0000-4000-8000-00000000b0b0';

describe('loadConfig', () => {
  it('runs locally with no settings at all: embedded database, loopback, Slack off', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({ mode: 'local', port: 3978, host: '127.0.0.1', databaseUrl: null, slack: null });
    expect(result.config.teams.authenticated).toBe(false);
    expect(result.config.dataDir.endsWith('.data')).toBe(true);
    expect(result.config.sendTimeoutMs).toBe(30_000);
  });

  it('reads the per-call send timeout in milliseconds', () => {
    const result = loadConfig({ SEND_TIMEOUT_MS: '300' });
    expect(result.ok && result.config.sendTimeoutMs).toBe(300);
  });

  it('refuses production without Teams credentials or admins, naming each variable', () => {
    const result = loadConfig({ NODE_ENV: 'production' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.errors.join('\n');
    expect(text).toContain('MICROSOFT_APP_ID is required');
    expect(text).toContain('MICROSOFT_APP_PASSWORD is required');
    expect(text).toContain('ADMIN_EMAILS is required');
  });

  it('accepts a complete production configuration and listens on all interfaces', () => {
    const result = loadConfig({
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: GUID,
      MICROSOFT_APP_PASSWORD: 'secret',
      ADMIN_EMAILS: 'Lead@Trust.org.uk, it@trust.org.uk',
      DATABASE_URL: 'postgresql://bot@db:5432/senco',
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.host).toBe('0.0.0.0');
    expect(result.config.adminEmails).toEqual(['lead@trust.org.uk', 'it@trust.org.uk']);
    expect(result.config.slack).toEqual({ signingSecret: 's', botToken: 'xoxb-1', apiUrl: null });
    expect(result.config.teams.authenticated).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ MICROSOFT_APP_ID: 'not-a-guid' }, 'MICROSOFT_APP_ID must be a GUID'],
    [{ MICROSOFT_APP_TYPE: 'Other' }, 'MICROSOFT_APP_TYPE'],
    [{ MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_ID: GUID, MICROSOFT_APP_PASSWORD: 'x' }, 'MICROSOFT_APP_TENANT_ID'],
    [{ MICROSOFT_APP_PASSWORD: 'x' }, 'MICROSOFT_APP_ID is not'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is missing'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN is missing'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxp-user' }, 'xoxb-'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'https://slack.com/api' }, 'SLACK_API_URL'],
    [{ ADMIN_EMAILS: 'not an email' }, 'ADMIN_EMAILS'],
    [{ SEND_TIMEOUT_MS: '30s' }, 'SEND_TIMEOUT_MS'],
    [{ SEND_TIMEOUT_MS: '50' }, 'SEND_TIMEOUT_MS'],
    [{ SEND_TIMEOUT_MS: '600000' }, 'SEND_TIMEOUT_MS'],
  ])('rejects %j with a message about %s', (env, expected) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(expected);
  });
});

describe('loadDotEnv', () => {
  it('reads KEY=value lines without overriding the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const file = join(dir, '.env');
    writeFileSync(file, '# comment\nPORT=4000\nexport DATA_DIR="./x y"\nSLACK_BOT_TOKEN=\'xoxb-2\'\nBAD LINE\n');
    const env: NodeJS.ProcessEnv = { PORT: '5000' };
    loadDotEnv(file, env);
    expect(env).toEqual({ PORT: '5000', DATA_DIR: './x y', SLACK_BOT_TOKEN: 'xoxb-2' });
  });
});
