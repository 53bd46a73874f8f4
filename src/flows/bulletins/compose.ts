/**
 * Composing a bulletin in chat: `bulletin new` shows a form; its submit makes a draft and
 * answers with a preview (the card exactly as recipients get it) and a confirmation naming
 * how many will receive it and who cannot be reached. Only "Send" or "Schedule" sends, once.
 */
import { nextOccurrence, parseWeeklyRule } from '../../calendar';
import { REVIEW_AREAS, audienceFromText, isReviewArea, type BulletinAudience } from '../../core/bulletin';
import { reachProblemOf } from '../../core/campaign';
import type { OutboundMessage } from '../../core/message';
import { verbatim } from '../../core/verbatim';
import { hasRole, SCHOOL_PHASES } from '../../core/model';
import { isLeader } from '../../core/permissions';
import { AREA_LABELS, bulletinText as T } from '../../i18n/bulletins';
import { formatLondon } from './time';
import type { LinkedContext } from '../linked';
import type { Reply } from '../registry';
import { PHASE_LABELS } from '../shared/common';
import { bulletinAudience } from './campaign';
import { bulletinCard } from './cards';

const MAX_BODY = 3000;
/** The form's value for a saved audience list. */
const LIST_PREFIX = 'list:';
/** The form's value for "this channel" (the channel the form was submitted in). */
const CHANNEL = 'this-channel';

/** Only the MAT SEND leader (and admins) and the people they granted may send; trust leaders never. */
export async function maySend(ctx: LinkedContext): Promise<boolean> {
  if (isLeader(ctx.actor)) return true;
  if (hasRole(ctx.actor, 'trust-leader') && !hasRole(ctx.actor, 'senco')) return false;
  return (await ctx.deps.bulletins.repo.senders(ctx.actor.trustId)).includes(ctx.actor.personId);
}

export function audienceLabel(a: BulletinAudience, schoolNames: (ids: string[]) => string): string {
  switch (a.kind) {
    case 'all':
      return 'all SENCOs';
    case 'phase':
      return `${PHASE_LABELS[a.phase].toLowerCase()} SENCOs`;
    case 'region':
      return `SENCOs in ${a.region}`;
    case 'schools':
      return `SENCOs of ${schoolNames(a.schoolIds)}`;
    case 'new-sencos':
      return 'new SENCOs';
    case 'trust-leaders':
      return 'trust leaders';
    case 'channel':
      return T.channelLabel(a.platform);
  }
}

export async function composeForm(ctx: LinkedContext): Promise<Reply> {
  if (!(await maySend(ctx))) return [{ summary: T.notAllowed, blocks: [{ type: 'text', text: T.notAllowed }] }];
  const schools = await ctx.deps.roster.repo.listSchools(ctx.actor.trustId);
  const regions = [...new Set(schools.map((s) => s.region).filter((r): r is string => !!r))].sort();
  // Composed in a Teams or Slack channel the bot is in: that channel is offered first.
  const inChannel = !!ctx.event.channel;
  const audiences = [
    ...(inChannel ? [{ label: T.channelOption, value: CHANNEL }] : []),
    { label: 'All SENCOs', value: 'all' },
    ...SCHOOL_PHASES.filter((p) => schools.some((s) => s.phase === p)).map((p) => ({
      label: `${PHASE_LABELS[p]} SENCOs`,
      value: `phase:${p}`,
    })),
    ...regions.map((r) => ({ label: `SENCOs in ${r}`, value: `region:${r}` })),
    { label: 'New SENCOs (first year)', value: 'new-sencos' },
    { label: 'Trust leaders', value: 'trust-leaders' },
    ...(await ctx.deps.bulletins.repo.lists(ctx.actor.trustId)).map((l) => ({
      label: T.listOption(l.name),
      value: `${LIST_PREFIX}${l.id}`,
    })),
  ];
  return [
    {
      summary: T.formTitle,
      blocks: [
        { type: 'heading', text: T.formTitle },
        { type: 'text', text: T.formIntro },
        {
          type: 'form',
          fields: [
            { kind: 'text', id: 'title', label: T.fTitle, required: true },
            { kind: 'text', id: 'body', label: T.fBody, multiline: true, required: true },
            { kind: 'choice', id: 'audience', label: T.fAudience, options: audiences, value: inChannel ? CHANNEL : 'all' },
            { kind: 'text', id: 'schools', label: T.fSchools },
            {
              kind: 'choice',
              id: 'ack',
              label: T.fAck,
              options: [
                { label: 'Yes', value: 'yes' },
                { label: 'No', value: 'no' },
              ],
              value: 'yes',
            },
            {
              kind: 'choice',
              id: 'area',
              label: T.fArea,
              options: [{ label: 'None', value: 'none' }, ...REVIEW_AREAS.map((a) => ({ label: AREA_LABELS[a]!, value: a }))],
              value: 'none',
            },
            { kind: 'text', id: 'when', label: T.fWhen, value: 'now' },
          ],
          submit: { label: 'Preview', verb: 'bulletin.compose', style: 'primary' },
          cancel: { label: T.cancel, verb: 'bulletin.cancel' },
        },
      ],
    },
  ];
}

const text = (message: string): OutboundMessage => ({ summary: message, blocks: [{ type: 'text', text: message }] });

/** The form's submit: checks it, saves a draft, answers with the preview and the confirmation. */
export async function composeSubmit(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  if (!(await maySend(ctx))) return [text(T.notAllowed)];
  const trust = ctx.actor.trustId;
  const title = (data.title ?? '').trim().slice(0, 200);
  const body = (data.body ?? '').trim();
  if (!title || !body) return [text(T.needTitle)];
  if (body.length > MAX_BODY) return [text(T.tooLong)];
  const schools = await ctx.deps.roster.repo.listSchools(trust);
  const chosenAudience = (data.audience ?? 'all').trim() || 'all';
  let audience: BulletinAudience | null = audienceFromText(chosenAudience);
  // A saved list: its audience is copied into the bulletin (a later change to the list does not move a sent one).
  let listName: string | null = null;
  if (chosenAudience === CHANNEL) {
    if (!ctx.event.channel) return [text(T.channelOnlyHere)];
    audience = { kind: 'channel', platform: ctx.event.platform, address: ctx.event.channel };
  }
  if (chosenAudience.startsWith(LIST_PREFIX)) {
    const list = (await ctx.deps.bulletins.repo.lists(trust)).find((l) => `${LIST_PREFIX}${l.id}` === chosenAudience);
    if (!list) return [text(T.listGone)];
    audience = list.audience;
    listName = list.name;
  }
  const chosen = (data.schools ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chosen.length > 0) {
    const found = chosen.map((name) => schools.find((s) => s.name.toLowerCase() === name.toLowerCase()));
    const missing = chosen.filter((_, i) => !found[i]);
    if (missing.length > 0) return [text(T.badSchools(missing.map(verbatim).join(', ')))];
    audience = { kind: 'schools', schoolIds: found.map((s) => s!.id) };
    listName = null;
  }
  if (!audience) audience = { kind: 'all' };
  const now = ctx.deps.clock.now();
  const when = (data.when ?? '').trim();
  let opensAt = now;
  if (when && !/^now$/i.test(when)) {
    const rule = parseWeeklyRule(when);
    if (!rule.ok) return [text(T.badWhen)];
    const calendar = await ctx.deps.checkin.calendar(trust, now);
    const next = nextOccurrence(rule.rule, now, (d) => calendar.isSchoolDay(d));
    if (!next) return [text(T.noSchoolDay)];
    opensAt = next;
  }
  const area = data.area && isReviewArea(data.area) ? data.area : null;
  const draft = await ctx.deps.bulletins.repo.createDraft({
    trustId: trust,
    title,
    body,
    area,
    ackRequired: (data.ack ?? 'yes') !== 'no',
    audience,
    createdBy: ctx.actor.personId,
    opensAt,
    now,
  });
  const { units, sender } = await bulletinAudience(ctx.deps, draft);
  const toChannel = audience.kind === 'channel';
  if (units.length === 0 && !toChannel) return [text(T.nobody)];
  const ids = units.map((u) => u.id);
  const [contacts, linked] = await Promise.all([
    ctx.deps.roster.identities.contacts(trust, ids),
    ctx.deps.roster.identities.linkedPeople(trust, ids),
  ]);
  const facts = { contacts, linked: new Set(linked) };
  const unreached = units.filter((u) => reachProblemOf(u.id, facts));
  const names = (list: string[]) => list.map((id) => verbatim(schools.find((s) => s.id === id)?.name ?? '')).join(', ');
  const later = opensAt.getTime() > now.getTime();
  const whenText = later ? `on ${formatLondon(opensAt)}` : 'now';
  const label = listName ? T.listAudience(verbatim(listName), audienceLabel(audience, names)) : audienceLabel(audience, names);
  const question = toChannel ? T.confirmChannel(label, whenText) : T.confirm(units.length, label, whenText);
  const confirm: OutboundMessage = {
    summary: question,
    blocks: [
      { type: 'text', text: `**${question}**` },
      {
        type: 'text',
        text: toChannel
          ? T.channelReach
          : unreached.length > 0
            ? T.unreachable(unreached.length, unreached.map((u) => `${verbatim(u.people[0]!.name)} (${verbatim(u.label)})`).join(', '))
            : T.allReachable,
      },
      {
        type: 'buttons',
        buttons: [
          { label: later ? T.schedule : T.send, verb: 'bulletin.send', data: { id: draft.id }, style: 'primary' },
          { label: T.attachButton, verb: 'bulletin.attach', data: { id: draft.id } },
          { label: T.cancel, verb: 'bulletin.cancel' },
        ],
      },
    ],
  };
  return [text(T.preview), bulletinCard(draft, sender, null), confirm];
}
