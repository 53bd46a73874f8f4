import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';

const MANIFEST_PATH = path.resolve(__dirname, '..', '..', '..', 'manifests', 'slack', 'manifest.yml');

interface SlackManifest {
  _metadata?: { major_version?: number };
  display_information: { name: string; description?: string; long_description?: string };
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{ command: string; url: string; description: string; usage_hint?: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

describe('Slack app manifest', () => {
  const manifest = parse(fs.readFileSync(MANIFEST_PATH, 'utf8')) as SlackManifest;

  it('names the app and its bot user', () => {
    expect(manifest._metadata?.major_version).toBe(1);
    expect(manifest.display_information.name).toBe('SENCO Network');
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect((manifest.display_information.description ?? '').length).toBeLessThanOrEqual(140);
    // Slack requires 175..4000 characters when a long description is given.
    const long = manifest.display_information.long_description ?? '';
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long.length).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user).toEqual({ display_name: 'SENCO Network', always_online: false });
  });

  it('lets people DM the bot (message.im needs a writable Messages tab)', () => {
    expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home?.messages_tab_read_only_enabled).toBe(false);
    // The Home tab is published on app_home_opened (adapters/slack/slack-bot.ts).
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
  });

  it('declares the /senco slash command on the Bolt endpoint', () => {
    const commands = manifest.features.slash_commands;
    expect(commands).toHaveLength(1);
    const [senco] = commands;
    expect(senco?.command).toBe('/senco');
    expect(senco?.url).toBe('https://YOUR-HOST/slack/events');
    expect(senco?.usage_hint).toMatch(/help/);
    expect(senco?.description.length).toBeGreaterThan(0);
  });

  it('sends every request URL to https://…/slack/events', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('requests the bot scopes the bot needs, and no user scopes', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(new Set(scopes)).toEqual(
      new Set([
        'chat:write',
        'im:write',
        'im:history',
        'im:read',
        'users:read',
        'users:read.email',
        'commands',
        'app_mentions:read',
        'channels:read',
        'files:read',
      ]),
    );
    expect(new Set(scopes).size).toBe(scopes.length);
    expect(manifest.oauth_config.scopes).not.toHaveProperty('user');
  });

  it('subscribes to the bot events', () => {
    expect(new Set(manifest.settings.event_subscriptions.bot_events)).toEqual(
      new Set(['app_home_opened', 'message.im', 'app_mention', 'member_joined_channel']),
    );
  });

  it('uses HTTP delivery, not Socket Mode, org-wide deployment or token rotation', () => {
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});
