/**
 * After composing: send or schedule (once, however often pressed), acknowledge, follow
 * progress by school, remind, resend the uncertain, edit in place, recall, the library and
 * granting the right to send. Every send, edit, recall and grant is audited.
 */
import type { Bulletin } from '../../core/bulletin';
import { formatDate, londonDate } from '../../core/dates';
import type { Block, Button, OutboundMessage } from '../../core/message';
import { verbatim } from '../../core/verbatim';
import { isLeader, readsWholeTrust } from '../../core/permissions';
import { AREA_LABELS, bulletinText as T } from '../../i18n/bulletins';
import { remindWaiting, waitingUnits } from '../campaigns/engine';
import type { LinkedContext } from '../linked';
import type { Reply } from '../registry';
import { offsetOf, pageFooter, pageOf } from '../paging';
import { entry } from '../shared/common';
import { bulletinCampaign } from './campaign';
import { bulletinCard, recalledCard } from './cards';
import { audienceLabel, maySend } from './compose';
import { deliver } from '../checkin/delivery';
import {
  bulletinKeys,
  editDelivered,
  figuresOf,
  recipientStatuses,
  refreshProgress,
  resendUncertain,
  sendNow,
  senderName,
  statusBySchool,
} from './sending';
import { formatLondon } from './time';

const text = (message: string, replaceSource = false): OutboundMessage => ({
  summary: message,
  blocks: [{ type: 'text', text: message }],
  ...(replaceSource ? { replaceSource } : {}),
});

async function load(ctx: LinkedContext, data: Record<string, string>): Promise<Bulletin | null> {
  return ctx.deps.bulletins.repo.get(ctx.actor.trustId, (data.id ?? '').trim());
}

/** The sender, a SEND leader or an admin may follow and change a bulletin. */
async function owned(ctx: LinkedContext, data: Record<string, string>): Promise<Bulletin | Reply> {
  const b = await load(ctx, data);
  if (!b) return [text(T.notFound)];
  if (b.createdBy !== ctx.actor.personId && !isLeader(ctx.actor)) return [text(T.notYours)];
  if (!(await maySend(ctx))) return [text(T.notAllowed)];
  return b;
}

export async function confirmSend(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  if (!(await ctx.deps.bulletins.repo.confirm(b.trustId, b.id))) return [text(T.already, true)];
  const now = ctx.deps.clock.now();
  await ctx.deps.audit.record(entry(ctx.actor, 'bulletin.send', b.id, { title: b.title, opensAt: b.opensAt.toISOString() }));
  const confirmed = (await load(ctx, data))!;
  if (confirmed.opensAt.getTime() > now.getTime()) return [text(T.scheduled(verbatim(b.title), formatLondon(b.opensAt)), true)];
  await sendNow(ctx.deps, confirmed);
  if (b.audience.kind === 'channel') return [text(T.sendingChannel(verbatim(b.title)), true)];
  const figures = await ctx.deps.outbox.countByStatus(`bulletin-invite:${b.id}:`);
  const total = Object.values(figures).reduce((a, n) => a + n, 0);
  return [text(T.sending(verbatim(b.title), total), true)];
}

export async function acknowledge(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await load(ctx, data);
  const me = ctx.actor.personId;
  if (b && !b.draft && b.audience.kind === 'channel') return acknowledgeInChannel(ctx, b);
  // Only a recipient (someone it was queued for) may acknowledge it.
  const mine =
    b && ((await ctx.deps.outbox.get(bulletinKeys.invite(b.id, me))) ?? (await ctx.deps.outbox.get(bulletinKeys.resend(b.id, me))));
  if (!b || !mine) return [text(T.notFound)];
  if (b.recalledAt) return [text(T.recalled(verbatim(b.title)), true)];
  await ctx.deps.bulletins.repo.acknowledge(b.id, me, ctx.deps.clock.now());
  const at = (await ctx.deps.bulletins.repo.acknowledgedBy(b.id)).get(me) ?? ctx.deps.clock.now();
  return [{ ...bulletinCard(b, await senderName(ctx.deps, b), formatDate(londonDate(at))), replaceSource: true }];
}

/**
 * A press on a channel's shared card: anyone on the trust's roster who presses is recorded
 * (once), and answered privately, so the card everyone sees keeps its button. Slack answers a
 * press in a channel ephemerally; Teams would answer in the channel, so the reply goes to the
 * person's own chat through the outbox instead.
 */
async function acknowledgeInChannel(ctx: LinkedContext, b: Bulletin): Promise<Reply> {
  const me = ctx.actor.personId;
  const now = ctx.deps.clock.now();
  let reply: OutboundMessage;
  if (b.recalledAt) reply = text(T.recalled(verbatim(b.title)));
  else {
    const fresh = await ctx.deps.bulletins.repo.acknowledge(b.id, me, now);
    const on = formatDate(londonDate((await ctx.deps.bulletins.repo.acknowledgedBy(b.id)).get(me) ?? now));
    reply = text(fresh ? T.ackedPrivate(verbatim(b.title), on) : T.ackedAlready(verbatim(b.title), on));
  }
  if (ctx.event.direct || ctx.event.platform !== 'teams') return [reply];
  const person = { id: me, name: ctx.actor.displayName ?? '', preferredPlatform: ctx.event.platform };
  await deliver(ctx.deps, b.trustId, null, [{ person, key: `bulletin-ack-reply:${b.id}:${me}:${ctx.event.deliveryId}`, content: reply }]);
  return [];
}

export async function status(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  if (b.audience.kind === 'channel') return channelStatus(ctx, b);
  const { rows, uncertain, withoutDocument } = await statusBySchool(ctx.deps, b);
  const blocks: OutboundMessage['blocks'] = [
    { type: 'heading', text: T.statusTitle(verbatim(b.title)) },
    {
      type: 'table',
      columns: T.statusColumns,
      rows: rows.map(([school, r]) => [
        verbatim(school),
        String(r.delivered),
        b.ackRequired ? String(r.acked) : '-',
        String(r.unreachable),
        String(r.uncertain),
      ]),
    },
  ];
  if (withoutDocument > 0) blocks.push({ type: 'text', text: T.withoutDocument(withoutDocument) });
  const buttons: Button[] = [{ label: T.recipientsButton, verb: 'bulletin.recipients', data: { id: b.id, offset: '0' } }];
  if (uncertain.length > 0) buttons.push({ label: T.resendButton(uncertain.length), verb: 'bulletin.resend', data: { id: b.id } });
  blocks.push({ type: 'buttons', buttons });
  return [{ summary: T.statusTitle(b.title), blocks }];
}

/** A channel's bulletin: its one post (delivered or not) and who acknowledged it there. */
async function channelStatus(ctx: LinkedContext, b: Bulletin): Promise<Reply> {
  if (b.audience.kind !== 'channel') return [];
  const [f, acked] = await Promise.all([figuresOf(ctx.deps, b), recipientStatuses(ctx.deps, b)]);
  const post = await ctx.deps.outbox.get(bulletinKeys.channel(b.id));
  // A post whose text arrived without its document is delivered, not unreachable.
  const unreachable = (post?.status === 'unreachable' || post?.status === 'failed') && !post.partial ? 1 : 0;
  const names = acked.map((r) => `${verbatim(r.unit.people[0]?.name ?? '')} (${verbatim(r.unit.label)})`).join(', ');
  const blocks: Block[] = [
    { type: 'heading', text: T.statusTitle(verbatim(b.title)) },
    {
      type: 'table',
      columns: T.channelColumns,
      rows: [
        [
          audienceLabel(b.audience, () => ''),
          String(f.sent),
          b.ackRequired ? String(f.acked) : '-',
          String(unreachable),
          String(f.uncertain),
        ],
      ],
    },
    { type: 'text', text: acked.length > 0 ? T.acknowledgedBy(names) : T.nobodyAcked },
  ];
  return [{ summary: T.statusTitle(b.title), blocks }];
}

/** Per recipient, on request: name, school and where their copy is, a page at a time. */
export async function recipients(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  const page = pageOf(await recipientStatuses(ctx.deps, b), offsetOf(data.offset));
  const blocks: Block[] = [
    { type: 'heading', text: T.recipientsTitle(verbatim(b.title)) },
    {
      type: 'table',
      columns: T.recipientsColumns,
      rows: page.items.map((r) => [verbatim(r.unit.people[0]?.name ?? ''), verbatim(r.unit.label), T.state[r.state]]),
    },
    ...pageFooter(page, { label: T.showMore, verb: 'bulletin.recipients', data: { id: b.id } }),
  ];
  return [{ summary: T.recipientsTitle(b.title), blocks }];
}

export async function resend(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  const n = await resendUncertain(ctx.deps, b);
  if (n > 0) await ctx.deps.audit.record(entry(ctx.actor, 'bulletin.resend', b.id, { count: n }));
  return [text(n > 0 ? T.resent(n) : T.nothingToResend)];
}

export async function remindAsk(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  if (!b.ackRequired) return [text(T.remindNoAck)];
  if (b.audience.kind === 'channel') return [text(T.remindChannel)];
  const waiting = await waitingUnits(bulletinCampaign(ctx.deps), b);
  if (waiting.length === 0) return [text(T.remindNobody)];
  return [
    {
      summary: T.remindAsk(waiting.length),
      blocks: [
        { type: 'text', text: T.remindAsk(waiting.length) },
        {
          type: 'buttons',
          buttons: [
            { label: T.remindButton, verb: 'bulletin.remind', data: { id: b.id }, style: 'primary' },
            { label: T.cancel, verb: 'bulletin.cancel' },
          ],
        },
      ],
    },
  ];
}

export async function remind(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  if (!b.ackRequired || b.recalledAt) return [text(T.remindNoAck, true)];
  // One manual reminder per recipient per day, however often pressed.
  const sent = await remindWaiting(ctx.deps, bulletinCampaign(ctx.deps), b, `manual-${londonDate(ctx.deps.clock.now())}`);
  if (sent.queued === 0 && sent.duplicates > 0) return [text(T.remindedAlready, true)];
  if (sent.queued === 0) return [text(T.remindNobody, true)];
  await ctx.deps.audit.record(entry(ctx.actor, 'bulletin.remind', b.id, { count: sent.queued }));
  return [text(T.reminded(sent.queued), true)];
}

export async function editForm(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  if (b.recalledAt) return [text(T.recalledAlready)];
  return [
    {
      summary: T.editTitle,
      blocks: [
        { type: 'heading', text: T.editTitle },
        {
          type: 'form',
          fields: [
            { kind: 'text', id: 'title', label: T.fTitle, value: b.title, required: true },
            { kind: 'text', id: 'body', label: T.fBody, value: b.body, multiline: true, required: true },
          ],
          submit: { label: 'Save', verb: 'bulletin.edit', data: { id: b.id }, style: 'primary' },
          cancel: { label: T.cancel, verb: 'bulletin.cancel' },
        },
      ],
    },
  ];
}

export async function saveEdit(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  const title = (data.title ?? '').trim().slice(0, 200);
  const body = (data.body ?? '').trim();
  if (!title || !body) return [text(T.needTitle)];
  if (body.length > 3000) return [text(T.tooLong)];
  if (title === b.title && body === b.body) return [text(T.edited2(0))];
  const edited = await ctx.deps.bulletins.repo.edit(b.trustId, b.id, title, body, ctx.deps.clock.now());
  if (!edited) return [text(T.recalledAlready)];
  await ctx.deps.audit.record(entry(ctx.actor, 'bulletin.edit', b.id, { version: edited.version, title }));
  const sender = await senderName(ctx.deps, edited);
  const n = await editDelivered(ctx.deps, edited, 'update', (_, ackedOn) => bulletinCard(edited, sender, ackedOn));
  await refreshProgress(ctx.deps, edited);
  return [text(T.edited2(n))];
}

export async function recallAsk(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  if (b.recalledAt) return [text(T.recalledAlready)];
  return [
    {
      summary: T.recallAsk(b.title),
      blocks: [
        { type: 'text', text: T.recallAsk(verbatim(b.title)) },
        {
          type: 'buttons',
          buttons: [
            { label: T.recallButton, verb: 'bulletin.recall', data: { id: b.id }, style: 'danger' },
            { label: T.cancel, verb: 'bulletin.cancel' },
          ],
        },
      ],
    },
  ];
}

export async function recall(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  const b = await owned(ctx, data);
  if (Array.isArray(b)) return b;
  if (b.draft || !(await ctx.deps.bulletins.repo.recall(b.trustId, b.id, ctx.deps.clock.now()))) return [text(T.recalledAlready, true)];
  await ctx.deps.audit.record(entry(ctx.actor, 'bulletin.recall', b.id, { title: b.title }));
  const recalled = (await load(ctx, data))!;
  // Deleted where the platform allows (a copy already gone counts as deleted); where it refuses
  // (Slack cant_delete_message, Teams 403), the card is replaced with a "recalled" notice.
  const notice = recalledCard(recalled);
  const n = await editDelivered(ctx.deps, recalled, 'delete', () => notice);
  await refreshProgress(ctx.deps, recalled);
  return [text(T.recalledDone(n), true)];
}

export async function library(ctx: LinkedContext, words: string): Promise<Reply> {
  const found = await ctx.deps.bulletins.repo.recent(ctx.actor.trustId, { words, limit: 20 });
  const me = ctx.actor.personId;
  const mine: Bulletin[] = [];
  for (const b of found) {
    if (b.recalledAt) continue;
    const forMe =
      readsWholeTrust(ctx.actor) ||
      b.createdBy === me ||
      (b.audience.kind === 'channel' && (await ctx.deps.bulletins.repo.acknowledgedBy(b.id)).has(me)) ||
      (await ctx.deps.outbox.get(bulletinKeys.invite(b.id, me))) !== null ||
      (await ctx.deps.outbox.get(bulletinKeys.resend(b.id, me))) !== null;
    if (forMe) mine.push(b);
  }
  if (mine.length === 0) return [text(words ? T.listNoMatch(verbatim(words)) : T.listNone)];
  const lines = mine
    .slice(0, 10)
    .map((b) => `- ${T.listLine(formatDate(londonDate(b.opensAt)), verbatim(b.title), b.area ? (AREA_LABELS[b.area] ?? null) : null)}`);
  return [
    {
      summary: T.listTitle,
      blocks: [
        { type: 'heading', text: T.listTitle },
        { type: 'text', text: lines.join('\n') },
      ],
    },
  ];
}

export async function grant(ctx: LinkedContext, args: string): Promise<Reply> {
  const who = args.trim().toLowerCase();
  if (!who) return [text(T.grantWho)];
  const people = await ctx.deps.roster.repo.listPeople(ctx.actor.trustId);
  const person = people.find((p) => p.email?.toLowerCase() === who || p.name.toLowerCase() === who);
  if (!person) return [text(T.grantNotFound(verbatim(args.trim())))];
  const roles = person.roles.map((r) => r.role);
  if (roles.includes('trust-leader') && !roles.some((r) => r === 'senco' || r === 'send-leader' || r === 'admin'))
    return [text(T.grantTrustLeader)];
  const fresh = await ctx.deps.bulletins.repo.grantSender(ctx.actor.trustId, person.id, ctx.actor.personId, ctx.deps.clock.now());
  if (fresh) await ctx.deps.audit.record(entry(ctx.actor, 'bulletin.grant', person.id));
  return [text(fresh ? T.granted(verbatim(person.name)) : T.grantedAlready(verbatim(person.name)))];
}
