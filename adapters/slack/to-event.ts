import type { ActionInput, InboundEvent, InboundFile } from '../../src/core/events';
import { cappedDownload, isSafeDownloadUrl } from '../../src/http/capped-download';

interface SlackUserRef {
  userId: string;
  teamId: string;
  userName: string | null;
}

/** A Slack channel (public or private, not a DM) as an outbox target for one message to it. */
export function slackChannelAddress(teamId: string, channel: string) {
  return channel && !channel.startsWith('D') ? { kind: 'slack-channel', teamId, channel } : null;
}

/** A proactive message to a Slack user goes to their DM, opened on demand by the sender. */
export function slackAddress(teamId: string, userId: string, dmChannel: string | null) {
  return { kind: 'slack-user', teamId, userId, ...(dmChannel ? { channel: dmChannel } : {}) };
}

export function messageEvent(
  who: SlackUserRef,
  input: { deliveryId: string; channel: string; direct: boolean; text: string; fromBot: boolean; email: string | null },
): InboundEvent {
  return {
    platform: 'slack',
    deliveryId: input.deliveryId,
    tenantId: who.teamId,
    userId: who.userId,
    userName: who.userName,
    email: input.email,
    direct: input.direct,
    address: slackAddress(who.teamId, who.userId, input.direct ? input.channel : null),
    channel: input.direct ? null : slackChannelAddress(who.teamId, input.channel),
    text: input.text.replace(/<@[A-Z0-9]+>/g, '').trim(),
    action: null,
    fromBot: input.fromBot,
  };
}

/**
 * Unpacks a block_actions payload: the pressed button's value holds `{ verb, data }`, and
 * form inputs arrive in `state.values[blockId][actionId]`.
 */
export function actionOf(payload: Record<string, unknown>): ActionInput | null {
  const action = (payload.actions as Array<Record<string, unknown>> | undefined)?.[0];
  if (!action || typeof action.value !== 'string') return null;
  let parsed: { verb?: unknown; data?: unknown };
  try {
    parsed = JSON.parse(action.value) as { verb?: unknown; data?: unknown };
  } catch {
    return null;
  }
  if (typeof parsed.verb !== 'string' || !parsed.verb) return null;
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries((parsed.data as Record<string, unknown>) ?? {})) if (typeof v === 'string') data[k] = v;
  Object.assign(data, formValues(payload));
  return { verb: parsed.verb.slice(0, 100), data };
}

function formValues(payload: Record<string, unknown>): Record<string, string> {
  const values = (payload.state as { values?: Record<string, Record<string, Record<string, unknown>>> } | undefined)?.values ?? {};
  const out: Record<string, string> = {};
  for (const block of Object.values(values)) {
    for (const [actionId, input] of Object.entries(block)) {
      const value =
        (input.value as string | null | undefined) ??
        (input.selected_date as string | null | undefined) ??
        (input.selected_option as { value?: string } | null | undefined)?.value;
      if (typeof value === 'string') out[actionId] = value;
    }
  }
  return out;
}

/**
 * The first file of a `file_share` message, downloaded on demand from `url_private_download`
 * with the bot token (needs files:read). https://api.slack.com/types/file#auth
 */
export function fileOf(event: Record<string, unknown>, botToken: string, allowedHosts: readonly string[]): InboundFile | null {
  const file = (event.files as Array<Record<string, unknown>> | undefined)?.[0];
  if (!file) return null;
  const url = String(file.url_private_download ?? file.url_private ?? '');
  if (!isSafeDownloadUrl(url, allowedHosts)) return null;
  const size = typeof file.size === 'number' ? file.size : null;
  return {
    name: String(file.name ?? file.title ?? 'upload'),
    size,
    download: (maxBytes) => cappedDownload(url, maxBytes, { authorization: `Bearer ${botToken}` }),
  };
}
