/**
 * Bulletins from the MAT SEND leader (issue 14): the pure part. A bulletin is a campaign
 * whose units are its recipients (one person each) and whose answer is an acknowledgement.
 * The port its repository implements lives here too; the use cases are in src/flows/bulletins/.
 */
import type { Campaign } from './campaign';
import type { ConversationAddress } from './events';
import type { Block, OutboundFile } from './message';
import type { Person, Platform, School, SchoolPhase } from './model';
import { SCHOOL_PHASES } from './model';

/** The five areas of the MAT SEND review framework a bulletin can be tagged with. */
export const REVIEW_AREAS = ['leadership', 'identification', 'tracking', 'teaching', 'provision'] as const;
export type ReviewArea = (typeof REVIEW_AREAS)[number];

/** Who receives a bulletin. */
export type BulletinAudience =
  | { kind: 'all' }
  | { kind: 'phase'; phase: SchoolPhase }
  | { kind: 'region'; region: string }
  | { kind: 'schools'; schoolIds: string[] }
  | { kind: 'new-sencos' }
  | { kind: 'trust-leaders' }
  /**
   * A Teams or Slack channel the bot is in: one message to the channel (its address, kept
   * from where the bulletin was composed, is opaque here); any roster member in it acknowledges.
   */
  | { kind: 'channel'; platform: Platform; address: ConversationAddress };

export interface Bulletin extends Campaign {
  title: string;
  body: string;
  area: ReviewArea | null;
  ackRequired: boolean;
  audience: BulletinAudience;
  /** Composed and previewed, not yet confirmed (status stays 'scheduled' and nothing is due). */
  draft: boolean;
  version: number;
  createdBy: string;
  recalledAt: Date | null;
  editedAt: Date | null;
  createdAt: Date;
  /** Documents attached while composing, sent as files with each copy. */
  files: OutboundFile[];
}

export interface NewBulletin {
  trustId: string;
  title: string;
  body: string;
  area: ReviewArea | null;
  ackRequired: boolean;
  audience: BulletinAudience;
  createdBy: string;
  /** When it should go out (now, or a scheduled school day and time). */
  opensAt: Date;
  now: Date;
}

/** A saved audience, offered when composing (`bulletin list save <name>`). */
export interface BulletinList {
  id: string;
  name: string;
  audience: BulletinAudience;
}

export interface BulletinRepo {
  createDraft(input: NewBulletin): Promise<Bulletin>;
  get(trustId: string, id: string): Promise<Bulletin | null>;
  /** Draft -> scheduled (it opens at its `opensAt`); false when it was not a draft (a second press). */
  confirm(trustId: string, id: string): Promise<boolean>;
  due(edge: 'open' | 'close', from: Date, upTo: Date): Promise<Bulletin[]>;
  open(): Promise<Bulletin[]>;
  markOpen(trustId: string, id: string, now: Date): Promise<boolean>;
  markClosed(trustId: string, id: string, now: Date, by: string | null): Promise<boolean>;
  /** New title and body; the version goes up by one. Null when it is gone or recalled. */
  edit(trustId: string, id: string, title: string, body: string, now: Date): Promise<Bulletin | null>;
  /** Marks it recalled and closed; false when it already was. */
  recall(trustId: string, id: string, now: Date): Promise<boolean>;
  /** Attaches a document to a draft; false when it is not a draft any more or already has MAX_BULLETIN_FILES. */
  attach(trustId: string, id: string, file: OutboundFile): Promise<boolean>;
  /** Records an acknowledgement; false when this person had already acknowledged. */
  acknowledge(bulletinId: string, personId: string, now: Date): Promise<boolean>;
  /** Who acknowledged, and when. */
  acknowledgedBy(bulletinId: string): Promise<Map<string, Date>>;
  /** Sent (not draft) bulletins, newest first; `words` filters by full-text search. */
  recent(trustId: string, options: { words?: string; limit: number }): Promise<Bulletin[]>;
  /**
   * Open bulletins asking for acknowledgement that were sent to this person (their invitation
   * or resend went out) and that they have not acknowledged yet, newest first.
   */
  awaitingAck(trustId: string, personId: string, limit: number): Promise<Bulletin[]>;
  /** The newest sent (not recalled) bulletin this person sent, if any. */
  lastSentBy(trustId: string, personId: string): Promise<Bulletin | null>;
  /** Bulletins that went out (not recalled) in `from <= openedAt < to`, oldest first. */
  sentBetween(trustId: string, from: Date, to: Date): Promise<Bulletin[]>;
  /** The newest bulletin (draft or sent) this person composed. */
  lastComposedBy(trustId: string, personId: string): Promise<Bulletin | null>;
  /** Saves an audience under a name; false when the trust already has a list of that name (case-insensitive). */
  saveList(trustId: string, name: string, audience: BulletinAudience, by: string, now: Date): Promise<boolean>;
  /** The trust's saved audiences, by name. */
  lists(trustId: string): Promise<BulletinList[]>;
  /** People allowed to send besides the SEND leaders. */
  senders(trustId: string): Promise<string[]>;
  grantSender(trustId: string, personId: string, by: string, now: Date): Promise<boolean>;
}

/** Documents per bulletin, and the size of each: every copy carries the file, so keep it small. */
export const MAX_BULLETIN_FILES = 3;
export const MAX_BULLETIN_FILE_BYTES = 1024 * 1024;

/** How long a bulletin stays open for acknowledgements (then the summary goes to its sender). */
export const ACK_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
/** A SENCO is "new" for this long after appointment. */
const NEW_SENCO_MONTHS = 12;

export function audienceToText(a: BulletinAudience): string {
  switch (a.kind) {
    case 'phase':
      return `phase:${a.phase}`;
    case 'region':
      return `region:${a.region}`;
    case 'schools':
      return `schools:${a.schoolIds.join(',')}`;
    case 'channel':
      return `channel:${a.platform}:${JSON.stringify(a.address)}`;
    default:
      return a.kind;
  }
}

export function audienceFromText(text: string): BulletinAudience | null {
  const [kind, rest = ''] = text.split(/:(.*)/s, 2) as [string, string?];
  if (kind === 'all' || kind === 'new-sencos' || kind === 'trust-leaders') return { kind };
  if (kind === 'phase' && (SCHOOL_PHASES as readonly string[]).includes(rest)) return { kind, phase: rest as SchoolPhase };
  if (kind === 'region' && rest) return { kind, region: rest };
  if (kind === 'schools' && rest) return { kind, schoolIds: rest.split(',').filter(Boolean) };
  if (kind === 'channel') return channelFromText(rest);
  return null;
}

function channelFromText(rest: string): BulletinAudience | null {
  const [platform, json = ''] = rest.split(/:(.*)/s, 2) as [string, string?];
  if (platform !== 'teams' && platform !== 'slack') return null;
  try {
    const address = JSON.parse(json) as unknown;
    return address && typeof address === 'object' && !Array.isArray(address)
      ? { kind: 'channel', platform, address: address as ConversationAddress }
      : null;
  } catch {
    return null;
  }
}

/** The people a bulletin goes to (current, not archived or erased), in name order. */
export function recipientsOf(audience: BulletinAudience, people: readonly Person[], schools: readonly School[], today: string): Person[] {
  const live = people.filter((p) => !p.archived && !p.erased);
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  const sencoSchools = (p: Person) => p.roles.filter((r) => r.role === 'senco' && r.schoolId).map((r) => schoolOf.get(r.schoolId!));
  const isSenco = (p: Person) => p.roles.some((r) => r.role === 'senco');
  let chosen: Person[];
  switch (audience.kind) {
    case 'all':
      chosen = live.filter(isSenco);
      break;
    case 'phase':
      chosen = live.filter((p) => sencoSchools(p).some((s) => s?.phase === audience.phase));
      break;
    case 'region': {
      const region = audience.region.toLowerCase();
      chosen = live.filter((p) => sencoSchools(p).some((s) => s?.region?.toLowerCase() === region));
      break;
    }
    case 'schools':
      chosen = live.filter((p) => sencoSchools(p).some((s) => s && audience.schoolIds.includes(s.id)));
      break;
    case 'new-sencos':
      chosen = live.filter((p) => isSenco(p) && isNew(p.profile.appointedOn, today));
      break;
    case 'trust-leaders':
      chosen = live.filter((p) => p.roles.some((r) => r.role === 'trust-leader'));
      break;
    case 'channel':
      // Delivered once to the channel, not to people: whoever acknowledges there is counted.
      chosen = [];
      break;
  }
  return [...chosen].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

function isNew(appointedOn: string | null, today: string): boolean {
  if (!appointedOn) return false;
  const [y, m, d] = appointedOn.split('-').map(Number) as [number, number, number];
  const cutoff = new Date(Date.UTC(y, m - 1 + NEW_SENCO_MONTHS, d)).toISOString().slice(0, 10);
  return today < cutoff;
}

/**
 * The body's Markdown subset as neutral blocks: `#` lines become headings; everything else
 * (bold, `-` or `1.` lists, `[links](https://...)`) stays text that both renderers show as
 * Markdown. Paragraphs are kept together so lists stay lists.
 */
export function bodyBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = paragraph.join('\n').trim();
    if (text) blocks.push({ type: 'text', text });
    paragraph = [];
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^#{1,6}\s+(.+)$/.exec(line.trim());
    if (heading) {
      flush();
      blocks.push({ type: 'heading', text: heading[1]!.trim() });
    } else if (line.trim() === '') flush();
    else paragraph.push(line.replace(/^\s*\*\s+/, '- '));
  }
  flush();
  return blocks;
}

/** Words of a bulletin for tagging and search: the review area a leader picked, if any. */
export function isReviewArea(value: string): value is ReviewArea {
  return (REVIEW_AREAS as readonly string[]).includes(value);
}
