import type { Activity } from 'botbuilder';
import type { ActionInput, ConversationAddress, InboundEvent, InboundFile } from '../../src/core/events';
import { hasUnstorable } from '../../src/core/clean-text';
import { cappedDownload, isSafeDownloadUrl } from '../../src/http/capped-download';

/** How Teams hands a bot a file the user sent in a personal chat (supportsFiles). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** Channels whose activities this endpoint takes: Teams, plus the Agents Playground's own in local mode. */
const TEAMS_CHANNELS = ['msteams'];
const PLAYGROUND_CHANNELS = ['emulator', 'webchat', 'directline', 'agents'];

type Check = (value: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
// Teams ids are printable ASCII ('29:1a2b...', 'a:1...', '19:...@thread.tacv2', GUIDs), and a
// person's is stored under a unique index with the tenant's: ASCII keeps that within the index's
// 2.7 KB (1,024 characters of four-byte Unicode did not fit, as Slack's long ids did not).
const id: Check = (v) => typeof v === 'string' && v.length > 0 && v.length <= 1024 && /^[\x21-\x7e]+$/.test(v);
const word: Check = (v) => typeof v === 'string' && /^[A-Za-z]{1,40}$/.test(v);
const obj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
// Teams display names are at most 256 characters; a longer one would be echoed into replies too large to send.
const displayName: Check = (v) => typeof v === 'string' && v.length <= 256;
const account: Check = (v) => obj(v) && id(v.id) && optional(v.name, displayName) && optional(v.aadObjectId, id) && optional(v.role, str);
const arrayOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.length <= 500 && v.every(item);

function optional(value: unknown, check: Check): boolean {
  return value === undefined || value === null || check(value);
}

function fits(value: unknown, check: Check, need: 'required' | 'optional' | 'absent or valid'): boolean {
  if (need === 'required') return check(value);
  if (need === 'optional') return optional(value, check);
  return value === undefined || check(value);
}

/**
 * Field -> shape, for the fields the bot or the SDK reads. Anything else is passed through untouched.
 * 'absent or valid' is 'optional' without null, for a field the SDK tests with `!== undefined`.
 */
const SHAPES: Array<[string, Check, 'required' | 'optional' | 'absent or valid']> = [
  ['type', (v) => typeof v === 'string' && /^[A-Za-z]{1,40}$/.test(v), 'required'],
  ['serviceUrl', (v) => typeof v === 'string' && !hasUnstorable(v), 'required'],
  ['channelId', id, 'required'],
  // Echoed into every reply (and the conversation id into the reply's URL): Teams uses short
  // ASCII ids ('a:1...', '19:...@thread.tacv2') and a one-word type ('personal', 'channel', 'groupChat').
  ['conversation', (v) => obj(v) && id(v.id) && optional(v.tenantId, id) && optional(v.conversationType, word), 'required'],
  ['recipient', account, 'required'],
  ['id', id, 'optional'],
  ['from', account, 'optional'],
  ['text', str, 'optional'],
  ['name', str, 'optional'],
  ['attachments', arrayOf((a) => obj(a) && str(a.contentType)), 'optional'],
  // botbuilder's mention handling calls entity.type.toLowerCase() on every entity, and takes
  // `entities: null` for a list (TurnContext.getMentions tests `!== undefined`): a 500 the long fuzz run found.
  ['entities', arrayOf((e) => obj(e) && str(e.type)), 'absent or valid'],
  // Echoed into every reply; the connector client refuses to serialise anything but a tag.
  ['locale', (v) => typeof v === 'string' && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(v), 'optional'],
  ['membersAdded', arrayOf(account), 'optional'],
  ['membersRemoved', arrayOf(account), 'optional'],
  // The tenant is read from here when the conversation has none (tenantOf), and stored with the person.
  ['channelData', (v) => obj(v) && optional(v.tenant, (t) => obj(t) && optional(t.id, id)), 'optional'],
];

/**
 * The schema check at the edge: an activity of the wrong shape is answered 400 here rather
 * than failing somewhere inside the SDK or a handler. `local` admits the Agents Playground's
 * channels (https://learn.microsoft.com/microsoft-365/agents-sdk/test-with-toolkit-project).
 */
export function activityProblem(body: unknown, local = true): string | null {
  if (!obj(body)) return 'body is not a JSON object';
  const wrong = SHAPES.filter(([key, check, need]) => !fits(body[key], check, need)).map(([key]) => key);
  if ((body.type === 'message' || body.type === 'invoke') && !account(body.from)) wrong.push('from');
  if (wrong.length) return `missing or invalid: ${[...new Set(wrong)].join(', ')}`;
  const channels = local ? [...TEAMS_CHANNELS, ...PLAYGROUND_CHANNELS] : TEAMS_CHANNELS;
  if (!channels.includes(body.channelId as string)) return `channelId must be one of ${channels.join(', ')}`;
  try {
    const url = new URL(body.serviceUrl as string);
    if (!/^https?:$/.test(url.protocol)) return 'serviceUrl must be http(s)';
    // The URL parser takes hosts no resolver will (`127.0.0{1`): the reply then failed after the turn (a 500).
    if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return 'serviceUrl host is not a host name';
  } catch {
    return 'serviceUrl is not a URL';
  }
  return null;
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

/**
 * A team channel as an outbox target for a new top-level post: the conversation without the
 * thread suffix (`;messageid=`), no activity to reply to and no user. Null outside channels.
 */
export function channelOf(activity: Partial<Activity>, reference: Record<string, unknown>): ConversationAddress | null {
  const conversation = activity.conversation;
  if (conversation?.conversationType !== 'channel' || !conversation.id) return null;
  return {
    kind: 'reference',
    reference: {
      channelId: reference.channelId,
      serviceUrl: reference.serviceUrl,
      conversation: { id: conversation.id.split(';')[0], conversationType: 'channel', isGroup: true, tenantId: tenantOf(activity) },
      bot: reference.bot,
    },
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
    // Activity ids are unique within a conversation only; the router adds the tenant.
    deliveryId: `${activity.conversation.id}:${activity.id ?? `${activity.timestamp ?? ''}:${activity.text ?? ''}`}`,
    tenantId: tenantOf(activity),
    userId: activity.from.aadObjectId ?? activity.from.id,
    userName: activity.from.name ?? null,
    email,
    direct: activity.conversation.conversationType === 'personal' || !activity.conversation.conversationType,
    address: addressOf(activity, reference),
    channel: channelOf(activity, reference),
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
