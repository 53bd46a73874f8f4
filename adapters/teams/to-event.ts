import type { Activity } from 'botbuilder';
import type { ActionInput, ConversationAddress, InboundEvent, InboundFile } from '../../src/core/events';
import { cappedDownload, isSafeDownloadUrl } from '../../src/http/capped-download';

/** How Teams hands a bot a file the user sent in a personal chat (supportsFiles). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** The minimum an activity needs before we hand it to the Bot Framework adapter. */
export function activityProblem(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not a JSON object';
  const a = body as Record<string, unknown>;
  const missing = ['type', 'serviceUrl', 'channelId'].filter((k) => typeof a[k] !== 'string' || !a[k]);
  if (!isObjectWithId(a.conversation)) missing.push('conversation.id');
  if (a.type === 'message' && !isObjectWithId(a.from)) missing.push('from.id');
  if (missing.length) return `missing or invalid: ${missing.join(', ')}`;
  try {
    const url = new URL(a.serviceUrl as string);
    if (!/^https?:$/.test(url.protocol)) return 'serviceUrl must be http(s)';
  } catch {
    return 'serviceUrl is not a URL';
  }
  return null;
}

function isObjectWithId(value: unknown): boolean {
  return !!value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' && !!(value as { id: string }).id;
}

export function tenantOf(activity: Partial<Activity>): string {
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? channelTenant ?? '';
}

/**
 * Where to reach this person later. In a 1:1 chat that is the conversation reference itself;
 * from a channel or group chat we keep what is needed to open a 1:1 chat later.
 */
export function addressOf(activity: Partial<Activity>, reference: Record<string, unknown>): ConversationAddress {
  if (activity.conversation?.conversationType === 'personal' || !activity.conversation?.conversationType)
    return { kind: 'reference', reference };
  return {
    kind: 'member',
    serviceUrl: activity.serviceUrl,
    tenantId: tenantOf(activity),
    memberId: activity.from?.id,
    channelId: activity.channelId,
  };
}

/** Action.Submit data arrives as the activity's `value`: `{ verb, ...buttonData, ...inputs }`. */
export function actionOf(value: unknown): ActionInput | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { verb, ...rest } = value as Record<string, unknown>;
  if (typeof verb !== 'string' || !verb) return null;
  const data: Record<string, string> = {};
  for (const [key, v] of Object.entries(rest)) {
    if (v === undefined || v === null || key === 'msteams') continue;
    data[key] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return { verb: verb.slice(0, 100), data };
}

/**
 * The first file attachment, downloaded on demand from its pre-authorised `downloadUrl`.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4
 */
export function fileOf(activity: Partial<Activity>): InboundFile | null {
  const attachment = (activity.attachments ?? []).find((a) => a.contentType === FILE_DOWNLOAD_INFO);
  const url = (attachment?.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
  if (!attachment || typeof url !== 'string' || !isSafeDownloadUrl(url)) return null;
  return { name: String(attachment.name ?? 'upload'), size: null, download: (maxBytes) => cappedDownload(url, maxBytes) };
}

export function toInboundEvent(activity: Activity, reference: Record<string, unknown>, email: string | null): InboundEvent {
  const action = actionOf(activity.value);
  const file = action ? null : fileOf(activity);
  return {
    platform: 'teams',
    deliveryId: activity.id ?? `${activity.conversation.id}:${activity.timestamp ?? ''}:${activity.text ?? ''}`,
    tenantId: tenantOf(activity),
    userId: activity.from.aadObjectId ?? activity.from.id,
    userName: activity.from.name ?? null,
    email,
    direct: activity.conversation.conversationType === 'personal' || !activity.conversation.conversationType,
    address: addressOf(activity, reference),
    text: action
      ? null
      : (activity.text ?? '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/[ \t]+/g, ' ')
          .trim(),
    action,
    file,
    fromBot: activity.from.role === 'bot' || activity.from.id === activity.recipient?.id,
  };
}
