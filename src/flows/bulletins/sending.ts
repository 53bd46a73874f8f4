/**
 * Sending a bulletin and following it: the keys that make every message happen once, the
 * sender's progress card (updated in place while the outbox delivers), per-school status,
 * and resending the deliveries a crash or a call timeout left uncertain.
 */
import type { Bulletin } from '../../core/bulletin';
import { campaignKeys, reachProblemOf } from '../../core/campaign';
import { formatDate, londonDate } from '../../core/dates';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import type { OutboundMessage } from '../../core/message';
import { openCampaign } from '../campaigns/engine';
import { deliver } from '../checkin/delivery';
import {
  bulletinAudience,
  bulletinCampaign,
  BULLETIN_KIND,
  channelKey,
  unitsOfPeople,
  type BulletinSvc,
  type BulletinUnit,
} from './campaign';
import { bulletinCard, progressCard } from './cards';

export const bulletinKeys = {
  invite: (id: string, personId: string) => campaignKeys.invite(BULLETIN_KIND, id, personId),
  resend: (id: string, personId: string) => `bulletin-resend:${id}:${personId}`,
  progress: (id: string, personId: string) => `bulletin-progress:${id}:${personId}`,
  channel: channelKey,
};

export interface Figures {
  sent: number;
  total: number;
  acked: number;
  uncertain: number;
}

export async function figuresOf(svc: BulletinSvc, b: Bulletin, units?: BulletinUnit[]): Promise<Figures> {
  if (b.audience.kind === 'channel') {
    // One message, to the channel; acknowledgements are counted per person who pressed.
    const [post, acks] = await Promise.all([svc.outbox.get(channelKey(b.id)), svc.bulletins.repo.acknowledgedBy(b.id)]);
    const arrived = post?.status === 'sent' || Boolean(post?.partial);
    return { sent: arrived ? 1 : 0, total: 1, acked: acks.size, uncertain: post?.status === 'uncertain' && !arrived ? 1 : 0 };
  }
  const all = units ?? (await bulletinAudience(svc, b)).units;
  const [invites, partInvites, resends, partResends, acks] = await Promise.all([
    svc.outbox.countByStatus(`bulletin-invite:${b.id}:`),
    svc.outbox.countPartial(`bulletin-invite:${b.id}:`),
    svc.outbox.countByStatus(`bulletin-resend:${b.id}:`),
    svc.outbox.countPartial(`bulletin-resend:${b.id}:`),
    svc.bulletins.repo.acknowledgedBy(b.id),
  ]);
  // A copy whose text arrived without its document (`partial`) counts as delivered: the
  // recipients list says which, and that the document is missing.
  const resent = resends.sent + sum(partResends);
  return {
    sent: invites.sent + sum(partInvites) + resent,
    total: all.length,
    acked: acks.size,
    uncertain: Math.max(0, invites.uncertain - partInvites.uncertain - resent),
  };
}

/**
 * Puts the sender's progress card in their chat (once) and queues an update of it when the
 * figures changed: the edit key names the figures, so the same figures are never sent twice,
 * and the outbox sends only the newest of several due edits (counts never go backwards).
 */
export async function refreshProgress(svc: BulletinSvc, b: Bulletin): Promise<boolean> {
  const sender = (await svc.roster.repo.listPeople(b.trustId)).find((p) => p.id === b.createdBy);
  if (!sender) return false;
  const f = await figuresOf(svc, b);
  const card = progressCard(b, f);
  const of = bulletinKeys.progress(b.id, sender.id);
  await deliver(svc, b.trustId, null, [{ person: sender, key: of, content: card }]);
  const tag = `s${f.sent}-a${f.acked}-u${f.uncertain}-v${b.version}-${b.recalledAt ? 'r' : 'l'}`;
  const edit = await svc.outbox.edit([{ key: `${of}:${tag}`, of, op: 'update', content: card }]);
  return edit.queued.length > 0;
}

/** Confirmed and due now: open it, invite every recipient once, and put the progress card up. */
export async function sendNow(svc: BulletinSvc, b: Bulletin): Promise<void> {
  const { campaign } = await openCampaign(svc, bulletinCampaign(svc), b);
  if (campaign.status === 'open') await refreshProgress(svc, campaign);
}

/**
 * Where one recipient's copy is: acknowledged implies delivered; `waiting` is still queued.
 * A copy whose text arrived and whose document did not (the upload failed for good) is
 * `no-document`; one whose document may not have arrived (still being retried, or the upload
 * got no answer) is `document-uncertain`. Both are delivered: the recipient has the bulletin.
 */
export type RecipientState = 'acknowledged' | 'delivered' | 'no-document' | 'document-uncertain' | 'uncertain' | 'unreachable' | 'waiting';

/** States in which the recipient has the bulletin's text. */
const DELIVERED: ReadonlySet<RecipientState> = new Set(['acknowledged', 'delivered', 'no-document', 'document-uncertain']);

export interface RecipientStatus {
  unit: BulletinUnit;
  state: RecipientState;
  /** Uncertain and not resent yet: offered for a one-tap resend. */
  resendable: boolean;
}

/** Every recipient of a bulletin with the state of their copy, in name order. */
export async function recipientStatuses(svc: BulletinSvc, b: Bulletin): Promise<RecipientStatus[]> {
  if (b.audience.kind === 'channel') {
    // Posted to a channel: the people known are those who acknowledged there.
    const acks = await svc.bulletins.repo.acknowledgedBy(b.id);
    const units = await unitsOfPeople(svc, b.trustId, new Set(acks.keys()));
    return units.map((unit) => ({ unit, state: 'acknowledged' as const, resendable: false }));
  }
  const { units } = await bulletinAudience(svc, b);
  const ids = units.map((u) => u.id);
  const [contacts, linked, acks] = await Promise.all([
    svc.roster.identities.contacts(b.trustId, ids),
    svc.roster.identities.linkedPeople(b.trustId, ids),
    svc.bulletins.repo.acknowledgedBy(b.id),
  ]);
  const facts = { contacts, linked: new Set(linked) };
  const out: RecipientStatus[] = [];
  for (const unit of units) {
    const [invite, resend] = await Promise.all([
      svc.outbox.get(bulletinKeys.invite(b.id, unit.id)),
      svc.outbox.get(bulletinKeys.resend(b.id, unit.id)),
    ]);
    const copy = resend && (resend.status === 'sent' || resend.partial) ? resend : invite;
    const status = copy?.status;
    let state: RecipientState = 'waiting';
    if (acks.has(unit.id)) state = 'acknowledged';
    else if (status === 'sent') state = 'delivered';
    else if (copy?.partial) state = status === 'failed' || status === 'unreachable' ? 'no-document' : 'document-uncertain';
    else if (status === 'uncertain') state = 'uncertain';
    else if (status === 'unreachable' || status === 'failed' || (!invite && reachProblemOf(unit.id, facts))) state = 'unreachable';
    // A resend posts the text again: never offered where the text is known to have arrived.
    out.push({ unit, state, resendable: state === 'uncertain' && !resend });
  }
  return out;
}

/**
 * One row per school: delivered, acknowledged, unreachable and uncertain recipients; the
 * uncertain ones to offer a resend; how many copies arrived without their document (or may have).
 */
export async function statusBySchool(svc: BulletinSvc, b: Bulletin) {
  const all = await recipientStatuses(svc, b);
  const rows = new Map<string, { delivered: number; acked: number; unreachable: number; uncertain: number }>();
  for (const { unit, state } of all) {
    const row = rows.get(unit.label) ?? { delivered: 0, acked: 0, unreachable: 0, uncertain: 0 };
    rows.set(unit.label, row);
    if (DELIVERED.has(state)) row.delivered += 1;
    if (state === 'acknowledged') row.acked += 1;
    if (state === 'unreachable') row.unreachable += 1;
    if (state === 'uncertain') row.uncertain += 1;
  }
  return {
    rows: [...rows.entries()].sort(([a], [b2]) => a.localeCompare(b2, 'en-GB')),
    uncertain: all.filter((r) => r.resendable).map((r) => r.unit),
    withoutDocument: all.filter((r) => r.state === 'no-document' || r.state === 'document-uncertain').length,
  };
}

/** Resends the deliveries a crash or a call timeout left uncertain, once each (the recipient may, rarely, see it twice). */
export async function resendUncertain(svc: BulletinSvc, b: Bulletin): Promise<number> {
  const { uncertain } = await statusBySchool(svc, b);
  const sender = await senderName(svc, b);
  const sent = await deliver(
    svc,
    b.trustId,
    null,
    uncertain.map((u) => ({
      person: u.people[0]!,
      key: bulletinKeys.resend(b.id, u.id),
      content: bulletinCard(b, sender, null, undefined, true),
    })),
  );
  return sent.queued;
}

export async function senderName(svc: BulletinSvc, b: Bulletin): Promise<string> {
  return (await svc.roster.repo.listPeople(b.trustId)).find((p) => p.id === b.createdBy)?.name ?? 'the MAT SEND leader';
}

/** Updates (or deletes) every delivered copy: the invitation and any resend, per recipient. */
export async function editDelivered(
  svc: BulletinSvc,
  b: Bulletin,
  op: 'update' | 'delete',
  content: (personId: string, ackedOn: string | null) => OutboundMessage | undefined,
): Promise<number> {
  const { units } = await bulletinAudience(svc, b);
  const acks = await svc.bulletins.repo.acknowledgedBy(b.id);
  const tag = op === 'delete' ? 'recall' : `v${b.version}`;
  const edits = units.flatMap((u) => {
    const at = acks.get(u.id);
    const c = content(u.id, at ? formatDate(londonDate(at)) : null);
    return [bulletinKeys.invite(b.id, u.id), bulletinKeys.resend(b.id, u.id)].map((of) => ({
      key: `${of}:${tag}`,
      of,
      op,
      ...(c ? { content: c } : {}),
    }));
  });
  if (b.audience.kind === 'channel') {
    // The channel's one shared card: acknowledgements are answered privately, so it keeps its button.
    const c = content('channel', null);
    edits.push({ key: `${channelKey(b.id)}:${tag}`, of: channelKey(b.id), op, ...(c ? { content: c } : {}) });
  }
  let queued = 0;
  for (let i = 0; i < edits.length; i += 500) queued += (await svc.outbox.edit(edits.slice(i, i + 500))).queued.length;
  return queued;
}

/** Every minute while a bulletin goes out (its first two days), the sender's progress card is brought up to date. */
export function progressDueWork(svc: BulletinSvc): DueWorkSource {
  const MINUTE = 60_000;
  return {
    kind: 'bulletin-progress',
    catchUp: { policy: 'drop-stale', staleAfterMs: 2 * MINUTE },
    lookbackMs: 2 * MINUTE,
    due: async (from, upTo) => {
      const mark = new Date(Math.floor(upTo.getTime() / MINUTE) * MINUTE);
      if (mark <= from) return [];
      const recent = (await svc.bulletins.repo.open()).filter((b) => upTo.getTime() - b.opensAt.getTime() < 2 * 24 * 60 * MINUTE);
      return recent.map((b): DueOccurrence => ({
        key: occurrenceKey('bulletin-progress', [b.id, String(mark.getTime())], londonDate(mark)),
        dueAt: mark,
        run: async () => ((await refreshProgress(svc, b)) ? 'updated' : 'unchanged'),
      }));
    },
  };
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, n) => a + n, 0);
}
