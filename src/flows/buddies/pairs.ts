/**
 * Approving a proposed pair and what follows for the pair: the introduction to each side
 * (through the outbox, keyed so it is sent once), "we've met", "this isn't working" and the
 * closing line of feedback. Approve is compare-and-set in the repository, so a double press,
 * two leaders at once or a redelivery send one introduction.
 */
import type { BuddyPair } from '../../core/buddies-port';
import { formatDate } from '../../core/dates';
import type { OutboundMessage } from '../../core/message';
import { describeReason, tagLabel } from '../../i18n/buddies';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import { forLinked } from '../linked';
import type { ActionHandler, Reply } from '../registry';
import { notifyLeaders, say, value } from '../shared/common';
import { buddies, endOfSchoolYear, sendTo, sendToGroup, sideOf, todayOf, trustPeople, type TrustPeople } from './common';

export const MET_VERB = 'buddy.met';
export const NOT_WORKING_VERB = 'buddy.notworking';
export const FEEDBACK_VERB = 'buddy.feedback';

export function pairButtons(pair: BuddyPair, met: boolean) {
  return {
    type: 'buttons' as const,
    buttons: [
      ...(met ? [] : [{ label: t('buddy.met'), verb: MET_VERB, data: { p: pair.id }, style: 'primary' as const }]),
      { label: t('buddy.notWorking'), verb: NOT_WORKING_VERB, data: { p: pair.id } },
    ],
  };
}

/** The reasons of a pair in plain words. */
export function reasonLines(pair: BuddyPair, names: TrustPeople): string[] {
  const pairNames = { buddy: names.name(pair.buddyId), mentee: names.name(pair.menteeId) };
  return pair.reasons.map((reason) => describeReason(reason, pairNames));
}

type Audience = 'mentee' | 'buddy' | 'both';

async function introduction(deps: FlowDeps, pair: BuddyPair, to: Audience, names: TrustPeople): Promise<OutboundMessage> {
  const isNew = pair.reasons.some((r) => r.code === 'new-senco');
  const text =
    to === 'mentee'
      ? t('buddy.intro.mentee', { buddy: names.name(pair.buddyId), school: names.schoolName(pair.buddyId) })
      : to === 'buddy'
        ? t('buddy.intro.buddy', {
            mentee: names.name(pair.menteeId),
            school: names.schoolName(pair.menteeId),
            newness: t(isNew ? 'buddy.intro.new' : 'buddy.intro.notNew'),
          })
        : t('buddy.intro.group', {
            mentee: names.name(pair.menteeId),
            menteeSchool: names.schoolName(pair.menteeId),
            buddy: names.name(pair.buddyId),
            buddySchool: names.schoolName(pair.buddyId),
          });
  const request = await buddies(deps).repo.getRequest(pair.trustId, pair.requestId);
  const topic = request?.needs.length ? request.needs.map(tagLabel).join(' and ') : t('buddy.intro.topic.default');
  return {
    summary: t('buddy.intro.title'),
    blocks: [
      { type: 'heading', text: t('buddy.intro.title') },
      { type: 'text', text },
      {
        type: 'text',
        text: `${t('buddy.intro.why')}:\n${reasonLines(pair, names)
          .map((line) => `- ${line}`)
          .join('\n')}`,
      },
      { type: 'text', text: t('buddy.intro.first', { topic }) },
      { type: 'text', text: t('buddy.intro.until', { until: formatDate(pair.endsOn ?? '') }), muted: true },
      pairButtons(pair, false),
    ],
  };
}

/**
 * Introduces the pair: one message in a group DM with the bot where the platform allows it
 * (both on Slack), keyed `buddy-intro:<pair>:group`; otherwise one to each side (Teams, or
 * one on each platform), keyed by pair and person. Called once, by the approval that made it.
 */
export async function introduce(deps: FlowDeps, pair: BuddyPair): Promise<void> {
  const names = await trustPeople(deps, pair.trustId);
  const together = await introduction(deps, pair, 'both', names);
  if (await sendToGroup(deps, pair.trustId, [pair.menteeId, pair.buddyId], `buddy-intro:${pair.id}:group`, together)) return;
  for (const side of ['mentee', 'buddy'] as const) {
    const personId = side === 'mentee' ? pair.menteeId : pair.buddyId;
    await sendTo(deps, pair.trustId, personId, `buddy-intro:${pair.id}`, await introduction(deps, pair, side, names));
  }
}

export type ApproveOutcome = { ok: true; pair: BuddyPair } | { ok: false; pair: BuddyPair | null };

/** proposed -> active once; only the call that made the change sends the introductions. */
export async function approvePair(deps: FlowDeps, trustId: string, pairId: string, by: string): Promise<ApproveOutcome> {
  const repo = buddies(deps).repo;
  const pair = await repo.getPair(trustId, pairId);
  if (!pair || pair.status !== 'proposed') return { ok: false, pair };
  const today = todayOf(deps);
  const ends = await endOfSchoolYear(deps, trustId, today);
  if (!(await repo.approve(trustId, pairId, by, today, ends, deps.clock.now())))
    return { ok: false, pair: await repo.getPair(trustId, pairId) };
  const approved = (await repo.getPair(trustId, pairId))!;
  await introduce(deps, approved);
  return { ok: true, pair: approved };
}

export const metAction: ActionHandler = {
  verb: MET_VERB,
  audience: 'linked',
  dataRule: 'own buddy pairs only',
  run: forLinked(async (ctx, data) => {
    const { trustId, personId } = ctx.actor;
    const repo = buddies(ctx.deps).repo;
    const pair = await repo.getPair(trustId, value(data, 'p'));
    if (!pair || !sideOf(pair, personId)) return say('buddy.notYours');
    const first = await repo.markMet(trustId, pair.id, ctx.deps.clock.now());
    const text = t(first ? 'buddy.met.done' : 'buddy.met.already');
    const blocks: OutboundMessage['blocks'] = [{ type: 'text', text }];
    if (pair.status === 'active') blocks.push(pairButtons(pair, true));
    return [{ summary: text, blocks, replaceSource: true }];
  }),
};

export const notWorkingAction: ActionHandler = {
  verb: NOT_WORKING_VERB,
  audience: 'linked',
  dataRule: 'own buddy pairs only',
  run: forLinked(async (ctx, data) => {
    const { trustId, personId } = ctx.actor;
    const repo = buddies(ctx.deps).repo;
    const pair = await repo.getPair(trustId, value(data, 'p'));
    if (!pair || !sideOf(pair, personId)) return say('buddy.notYours');
    if (!(await repo.end(trustId, pair.id, 'not-working', ctx.deps.clock.now()))) return say('buddy.notWorking.already');
    // The mentee goes back on the waiting list with what they asked for before.
    const request = await repo.getRequest(trustId, pair.requestId);
    await repo.openRequest(
      trustId,
      { personId: pair.menteeId, needs: request?.needs ?? [], wantsSpecialist: request?.wantsSpecialist ?? false },
      ctx.deps.clock.now(),
    );
    const names = await trustPeople(ctx.deps, trustId);
    const mentee = names.name(pair.menteeId);
    const text = t('buddy.notWorking.leader', { who: names.name(personId), mentee, buddy: names.name(pair.buddyId) });
    await notifyLeaders(ctx, trustId, `buddy-notworking:${pair.id}`, { summary: text, blocks: [{ type: 'text', text }] });
    const who = sideOf(pair, personId) === 'mentee' ? 'you' : mentee;
    const done = t('buddy.notWorking.done', { who });
    return [{ summary: done, blocks: [{ type: 'text', text: done }], replaceSource: true }];
  }),
};

/** The closing card: thanks and one line of feedback. */
export function closingCard(pair: BuddyPair, otherName: string): OutboundMessage {
  const text = t('buddy.end.text', { other: otherName, until: formatDate(pair.endsOn ?? '') });
  return {
    summary: t('buddy.end.title'),
    blocks: [
      { type: 'heading', text: t('buddy.end.title') },
      { type: 'text', text },
      {
        type: 'form',
        fields: [{ kind: 'text', id: 'line', label: t('buddy.end.field'), required: true }],
        submit: { label: t('buddy.end.submit'), verb: FEEDBACK_VERB, data: { p: pair.id }, style: 'primary' },
      },
    ],
  };
}

export const feedbackAction: ActionHandler = {
  verb: FEEDBACK_VERB,
  audience: 'linked',
  dataRule: 'own buddy pairs only',
  run: forLinked(async (ctx, data): Promise<Reply> => {
    const { trustId, personId } = ctx.actor;
    const repo = buddies(ctx.deps).repo;
    const pair = await repo.getPair(trustId, value(data, 'p'));
    const side = pair ? sideOf(pair, personId) : null;
    if (!pair || !side) return say('buddy.notYours');
    const line = value(data, 'line').slice(0, 500);
    if (!line) return say('buddy.end.empty');
    await repo.saveFeedback(trustId, pair.id, side, line);
    return say('buddy.end.thanks');
  }),
};
