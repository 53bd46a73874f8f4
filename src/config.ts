import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Everything the bot reads from its environment, checked once at start-up. */
export interface Config {
  mode: 'local' | 'production';
  port: number;
  host: string;
  /** PostgreSQL connection string; embedded PGlite in `dataDir` when absent. */
  databaseUrl: string | null;
  dataDir: string;
  teams: TeamsConfig;
  slack: SlackConfig | null;
  adminEmails: string[];
  /** Stable name of this process, for scheduler claims and logs. */
  instanceId: string;
  /** The bot's public base URL (signed file download links); default: the address it listens on. */
  publicUrl: string | null;
  /** Secret signing file download links; default: derived from the Teams or Slack secret. */
  fileLinkSecret: string | null;
  /** Bearer token for GET /metrics; without it /metrics answers loopback callers only. */
  metricsToken: string | null;
  /** How long the outbox waits for Teams or Slack to answer one call before giving up on it. */
  sendTimeoutMs: number;
}

/**
 * 30 s: far above a platform's normal answer (~100-300 ms on Teams), far below the outbox's
 * 10-minute send lease. Neither SDK has a timeout of its own.
 */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;
const MAX_SEND_TIMEOUT_MS = 5 * 60_000;

export interface TeamsConfig {
  appId: string;
  appPassword: string;
  tenantId: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** No credentials: unauthenticated requests, accepted only from this machine. */
  authenticated: boolean;
  /**
   * Where inbound tokens' signing keys are published (OpenID metadata) and the issuer they must
   * name. Null: botbuilder's public-cloud defaults (login.botframework.com). Set only to test
   * token validation against a local key server, or for a sovereign cloud.
   */
  openIdMetadataUrl: string | null;
  tokenIssuer: string | null;
}

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  apiUrl: string | null;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/**
 * Reads and validates the configuration. Every problem is reported at once, each naming
 * the variable and how to fix it, so a failed start-up needs one edit, not five.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const errors: string[] = [];
  const get = (name: string) => (env[name] ?? '').trim();
  const mode = get('NODE_ENV') === 'production' ? 'production' : 'local';

  const port = parsePort(get('PORT') || '3978');
  if (port === null) errors.push('PORT must be a whole number from 1 to 65535 (default 3978).');

  const databaseUrl = get('DATABASE_URL') || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push(
      'DATABASE_URL must start with postgresql:// (e.g. postgresql://user:pass@host:5432/senco). Leave it unset to use the embedded database.',
    );
  }

  const teams = readTeams(get, mode, errors);
  const slack = readSlack(get, mode, errors);
  const adminEmails = get('ADMIN_EMAILS')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const badEmail = adminEmails.find((e) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
  if (badEmail) errors.push(`ADMIN_EMAILS has "${badEmail}", which is not an email address. Use a comma-separated list.`);
  if (mode === 'production' && adminEmails.length === 0) {
    errors.push('ADMIN_EMAILS is required in production: the comma-separated emails of the people allowed to set up a trust.');
  }

  const publicUrl = get('PUBLIC_URL') || null;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl))
    errors.push("PUBLIC_URL must be the bot's base URL, e.g. https://senco-bot.example.org");
  const fileLinkSecret = get('FILE_LINK_SECRET') || null;
  if (fileLinkSecret && fileLinkSecret.length < 32)
    errors.push('FILE_LINK_SECRET must be at least 32 characters (e.g. openssl rand -base64 32).');

  const metricsToken = get('METRICS_TOKEN') || null;
  if (metricsToken && metricsToken.length < 16) errors.push('METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 16).');

  const sendTimeoutMs = Number(get('SEND_TIMEOUT_MS') || DEFAULT_SEND_TIMEOUT_MS);
  if (!Number.isInteger(sendTimeoutMs) || sendTimeoutMs < 100 || sendTimeoutMs > MAX_SEND_TIMEOUT_MS)
    errors.push(
      `SEND_TIMEOUT_MS must be a whole number of milliseconds from 100 to ${MAX_SEND_TIMEOUT_MS} (default ${DEFAULT_SEND_TIMEOUT_MS}).`,
    );

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    config: {
      mode,
      port: port!,
      // Local mode accepts unauthenticated Teams traffic, so it listens on loopback only.
      host: get('HOST') || (mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
      databaseUrl,
      dataDir: resolve(get('DATA_DIR') || '.data'),
      teams,
      slack,
      adminEmails,
      instanceId: get('INSTANCE_ID') || `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
      publicUrl,
      fileLinkSecret,
      metricsToken,
      sendTimeoutMs,
    },
  };
}

function parsePort(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

function readTeams(get: (n: string) => string, mode: string, errors: string[]): TeamsConfig {
  const appId = get('MICROSOFT_APP_ID');
  const appPassword = get('MICROSOFT_APP_PASSWORD');
  const tenantId = get('MICROSOFT_APP_TENANT_ID');
  const appTypeText = get('MICROSOFT_APP_TYPE') || 'MultiTenant';
  const appType = APP_TYPES.find((t) => t === appTypeText);
  const where = 'Find it in the Azure portal under your Azure Bot resource > Configuration (see README, "Deploying").';
  if (!appType) errors.push(`MICROSOFT_APP_TYPE must be one of ${APP_TYPES.join(', ')} (got "${appTypeText}").`);
  if (appId && !GUID.test(appId)) errors.push(`MICROSOFT_APP_ID must be a GUID (the bot's Microsoft App ID). ${where}`);
  if (mode === 'production') {
    if (!appId) errors.push(`MICROSOFT_APP_ID is required in production. ${where}`);
    if (!appPassword && appType !== 'UserAssignedMSI')
      errors.push(`MICROSOFT_APP_PASSWORD is required in production (a client secret of the app registration). ${where}`);
  }
  if (appType === 'SingleTenant' && !GUID.test(tenantId)) {
    errors.push(`MICROSOFT_APP_TENANT_ID must be your Entra tenant's GUID when MICROSOFT_APP_TYPE is SingleTenant. ${where}`);
  }
  if (appPassword && !appId) errors.push('MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not: set both, or neither for local mode.');
  const openIdMetadataUrl = get('MICROSOFT_OPENID_METADATA_URL') || null;
  const tokenIssuer = get('MICROSOFT_TOKEN_ISSUER') || null;
  if (openIdMetadataUrl && !/^https?:\/\/[^/]+/.test(openIdMetadataUrl))
    errors.push('MICROSOFT_OPENID_METADATA_URL must be a URL (leave it unset for the Bot Framework default).');
  if (mode === 'production' && openIdMetadataUrl?.startsWith('http://') && !isLoopbackUrl(openIdMetadataUrl))
    errors.push('MICROSOFT_OPENID_METADATA_URL must use https in production.');
  if (tokenIssuer && !openIdMetadataUrl)
    errors.push('MICROSOFT_TOKEN_ISSUER is set but MICROSOFT_OPENID_METADATA_URL is not: set both, or neither.');
  return {
    appId,
    appPassword,
    tenantId,
    appType: appType ?? 'MultiTenant',
    authenticated: Boolean(appId),
    openIdMetadataUrl,
    tokenIssuer,
  };
}

function readSlack(get: (n: string) => string, mode: string, errors: string[]): SlackConfig | null {
  const signingSecret = get('SLACK_SIGNING_SECRET');
  const botToken = get('SLACK_BOT_TOKEN');
  const apiUrl = get('SLACK_API_URL') || null;
  const where = 'Find it in your Slack app settings (see README, "Slack app").';
  if (!signingSecret && !botToken) return null;
  if (!signingSecret) errors.push(`SLACK_SIGNING_SECRET is missing while SLACK_BOT_TOKEN is set. ${where}`);
  if (!botToken) errors.push(`SLACK_BOT_TOKEN is missing while SLACK_SIGNING_SECRET is set. ${where}`);
  if (botToken && !botToken.startsWith('xoxb-')) errors.push(`SLACK_BOT_TOKEN must be a bot token starting with xoxb-. ${where}`);
  if (apiUrl && !/^https?:\/\/.+\/$/.test(apiUrl)) errors.push('SLACK_API_URL must be a URL ending in / (e.g. https://slack.com/api/).');
  if (mode === 'production' && apiUrl?.startsWith('http://') && !isLoopbackUrl(apiUrl)) {
    errors.push('SLACK_API_URL must use https in production.');
  }
  return { signingSecret, botToken, apiUrl };
}

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || (isIP(host) !== 0 && (host.startsWith('127.') || host === '::1'));
}

/**
 * Minimal `.env` support (KEY=value lines, # comments, optional quotes). Values already in
 * the environment win, as with dotenv.
 */
export function loadDotEnv(path: string, env: NodeJS.ProcessEnv): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    const [, key, raw = ''] = match;
    const value = raw.replace(/^(['"])(.*)\1$/, '$2');
    if (key && env[key] === undefined) env[key] = value;
  }
}
