/**
 * The SEND leader's side of buddying: the overview (`buddies`), a matching round
 * (`buddies match`) whose proposals show their reasons in plain words, and approve / decline /
 * approve all. Nobody is left out silently: everyone without a buddy after a round is told why
 * and stays on the waiting list the leader sees.
 */
import { buildRoundInput, roundOutcome } from '../../core/buddies/round';
import { matchBuddies } from '../../core/buddies/match';
import type { UnmatchedReason } from '../../core/buddies/model';
import type { BuddyPair } from '../../core/buddies-port';
import { formatDate } from '../../core/dates';
import type { Block, OutboundMessage } from '../../core/message';
import { describeUnmatched } from '../../i18n/buddies';
import { t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Command, Reply } from '../registry';
import { LEADERS, say, TRUST_READERS, value } from '../shared/common';
import { buddies, sendTo, todayOf, trustPeople, type TrustPeople } from './common';
import { approvePair, reasonLines } from './pairs';

export const APPROVE_VERB = 'buddies.approve';
export const DECLINE_VERB = 'buddies.decline';
export const APPROVE_ALL_VERB = 'buddies.approveAll';
export const APPROVE_ALL_CONFIRM_VERB = 'buddies.approveAll.confirm';

function proposalBlocks(pair: BuddyPair, names: TrustPeople): Block[] {
  return [
    { type: 'heading', text: t('buddies.match.proposal', { mentee: names.name(pair.menteeId), buddy: names.name(pair.buddyId) }) },
    {
      type: 'text',
      text: reasonLines(pair, names)
        .map((line) => `- ${line}`)
        .join('\n'),
    },
    {
      type: 'buttons',
      buttons: [
        { label: t('buddies.approve'), verb: APPROVE_VERB, data: { p: pair.id }, style: 'primary' },
        { label: t('buddies.decline'), verb: DECLINE_VERB, data: { p: pair.id } },
      ],
    },
  ];
}

function waitingText(reason: string | null): string {
  return reason ? describeUnmatched(reason as UnmatchedReason) : t('buddies.waitNew');
}

export const buddiesCommand: Command = {
  id: 'buddies',
  aliases: [],
  summary: 'Buddying across the trust: pairs, waiting list, pairs not met, feedback',
  examples: ['buddies'],
  audience: TRUST_READERS,
  dataRule: "own trust's pairs only",
  run: forLinked(async (ctx) => {
    const { trustId } = ctx.actor;
    const repo = buddies(ctx.deps).repo;
    const [active, proposed, ended, waiting, settings] = await Promise.all([
      repo.pairs(trustId, ['active']),
      repo.pairs(trustId, ['proposed']),
      repo.pairs(trustId, ['ended']),
      repo.openRequests(trustId),
      repo.trustSettings(trustId),
    ]);
    if (!active.length && !proposed.length && !ended.length && !waiting.length) return say('buddies.nothing');
    const names = await trustPeople(ctx.deps, trustId);
    const pairLine = (p: BuddyPair) =>
      t('buddies.pairLine', {
        mentee: names.name(p.menteeId),
        buddy: names.name(p.buddyId),
        since: formatDate(p.startsOn ?? ''),
        until: formatDate(p.endsOn ?? ''),
        met: p.metAt ? t('buddies.metYes') : '',
      });
    const blocks: Block[] = [{ type: 'heading', text: t('buddies.title') }];
    const section = (title: string, lines: string[]) => {
      if (lines.length) blocks.push({ type: 'text', text: `**${title}**\n${lines.map((l) => `- ${l}`).join('\n')}` });
    };
    section(t('buddies.current', { count: active.length }), active.map(pairLine));
    section(
      t('buddies.proposed', { count: proposed.length }),
      proposed.map((p) => t('buddies.match.proposal', { mentee: names.name(p.menteeId), buddy: names.name(p.buddyId) })),
    );
    section(
      t('buddies.waiting', { count: waiting.length }),
      waiting.map((r) => t('buddies.waitLine', { name: names.name(r.personId), reason: waitingText(r.waitingReason) })),
    );
    const notMet = active.filter((p) => !p.metAt);
    section(t('buddies.notMet', { count: notMet.length }), notMet.map(pairLine));
    const feedback = [...active, ...ended].flatMap((p) => [
      ...(p.menteeFeedback ? [`${names.name(p.menteeId)}: ${p.menteeFeedback}`] : []),
      ...(p.buddyFeedback ? [`${names.name(p.buddyId)}: ${p.buddyFeedback}`] : []),
    ]);
    section(t('buddies.feedback'), feedback);
    blocks.push({
      type: 'text',
      text: `${t('buddies.hint')} ${t(settings.autoApprove ? 'buddies.auto.on' : 'buddies.auto.off')}`,
      muted: true,
    });
    return [{ summary: t('buddies.title'), blocks }];
  }),
};

/** `buddies match` words: nothing or 'pairs' -> 2; 'clusters 3' / 'clusters of 4' / 'groups 3' -> 3 or 4; else null. */
export function groupSizeOf(args: string): 2 | 3 | 4 | null {
  const words = args.trim().toLowerCase().replace(/\s+/g, ' ');
  if (words === '' || words === 'pairs') return 2;
  const m = /^(?:clusters?|groups?)(?: of)? ([34])$/.exec(words);
  return m ? (Number(m[1]) as 3 | 4) : null;
}

async function runRound(ctx: LinkedContext, groupSize: 2 | 3 | 4): Promise<Reply> {
  const { trustId } = ctx.actor;
  const repo = buddies(ctx.deps).repo;
  const requests = await repo.openRequests(trustId);
  if (requests.length === 0) {
    const proposed = await repo.pairs(trustId, ['proposed']);
    if (proposed.length === 0) return say('buddies.match.none');
  }
  const now = ctx.deps.clock.now();
  const [people, schools, settings, loads, history, pending, marked, trustSettings] = await Promise.all([
    ctx.deps.roster.repo.listPeople(trustId),
    ctx.deps.roster.repo.listSchools(trustId),
    repo.allSettings(trustId),
    repo.loads(trustId),
    repo.history(trustId),
    repo.pairs(trustId, ['proposed']),
    repo.markedNew(trustId),
    repo.trustSettings(trustId),
  ]);
  // Requests that already have a proposal waiting for approval are not matched again.
  const pendingRequests = new Set(pending.map((p) => p.requestId));
  const { input, requestOf } = buildRoundInput({
    people,
    schools,
    settings,
    requests: requests.filter((r) => !pendingRequests.has(r.id)),
    loads,
    history,
    markedNew: new Set(marked),
    groupSize,
    today: todayOf(ctx.deps),
  });
  // Buddies' places already promised to pending proposals count as taken.
  const promised = new Map<string, number>();
  for (const p of pending) promised.set(p.buddyId, (promised.get(p.buddyId) ?? 0) + 1);
  input.buddies = input.buddies.map((b) => ({ ...b, activeLoad: b.activeLoad + (promised.get(b.personId) ?? 0) }));
  const outcome = roundOutcome(matchBuddies(input), requestOf);
  await repo.propose(trustId, outcome.proposals, now);
  // Auto-approve: every proposal now waiting is approved here, also those a run at the same
  // moment created. Approval is compare-and-set, so a double press, two leaders or a leader's
  // Approve at the same moment introduce each pair once; the reply shows them all either way.
  const approved: BuddyPair[] = [];
  if (trustSettings.autoApprove) {
    for (const pair of await repo.pairs(trustId, ['proposed'])) {
      const result = await approvePair(ctx.deps, trustId, pair.id, ctx.actor.personId);
      if (result.pair?.status === 'active') approved.push(result.pair);
    }
  }
  const names = await trustPeople(ctx.deps, trustId);
  for (const w of outcome.waiting) {
    const request = requestOf.get(w.personId);
    await repo.markWaiting(trustId, w.requestId, w.reason);
    const text = t('buddy.waiting.text', { reason: describeUnmatched(w.reason) });
    const message: OutboundMessage = {
      summary: t('buddy.waiting.title'),
      blocks: [
        { type: 'heading', text: t('buddy.waiting.title') },
        { type: 'text', text },
      ],
    };
    // Told once per round they wait: the key carries the rounds already waited.
    await sendTo(ctx.deps, trustId, w.personId, `buddy-waiting:${w.requestId}:${request?.roundsWaiting ?? 0}`, message);
  }
  const proposals = await repo.pairs(trustId, ['proposed']);
  const blocks: Block[] = [];
  if (proposals.length || !approved.length) blocks.push({ type: 'heading', text: t('buddies.match.title', { count: proposals.length }) });
  if (groupSize > 2) blocks.push({ type: 'text', text: t('buddies.match.clusters', { size: groupSize, others: groupSize - 1 }) });
  if (approved.length) {
    blocks.push(
      { type: 'heading', text: t('buddies.current', { count: approved.length }) },
      {
        type: 'text',
        text: [
          t('buddies.auto.approved'),
          ...approved.map((p) => `- ${t('buddies.match.proposal', { mentee: names.name(p.menteeId), buddy: names.name(p.buddyId) })}`),
        ].join('\n'),
      },
    );
  }
  for (const pair of proposals) blocks.push(...proposalBlocks(pair, names));
  if (outcome.waiting.length) {
    blocks.push({
      type: 'text',
      text: [
        t('buddies.match.unmatched', { count: outcome.waiting.length }),
        ...outcome.waiting.map(
          (w) => `- ${t('buddies.match.unmatchedLine', { name: names.name(w.personId), reason: describeUnmatched(w.reason) })}`,
        ),
      ].join('\n'),
    });
  }
  if (proposals.length > 1) {
    blocks.push({ type: 'buttons', buttons: [{ label: t('buddies.approveAll', { count: proposals.length }), verb: APPROVE_ALL_VERB }] });
  }
  return [{ summary: t('buddies.match.title', { count: proposals.length }), blocks }];
}

export const buddiesMatchCommand: Command = {
  id: 'buddies match',
  aliases: [],
  summary: 'Propose buddies for everyone waiting, with the reasons for each pair (or clusters of 3 or 4)',
  usage: 'buddies match [clusters 3|4]',
  examples: ['buddies match', 'buddies match clusters 3'],
  audience: LEADERS,
  dataRule: "own trust's people only",
  run: forLinked(async (ctx, args) => {
    const size = groupSizeOf(args);
    return size === null ? say('buddies.match.usage') : runRound(ctx, size);
  }),
};

export const approveAction: ActionHandler = {
  verb: APPROVE_VERB,
  audience: LEADERS,
  dataRule: "own trust's pairs only",
  run: forLinked(async (ctx, data) => {
    const { trustId, personId } = ctx.actor;
    const outcome = await approvePair(ctx.deps, trustId, value(data, 'p'), personId);
    if (!outcome.pair) return say('buddies.notFound');
    if (!outcome.ok) return say('buddies.alreadyDone', { status: outcome.pair.status });
    const names = await trustPeople(ctx.deps, trustId);
    const text = t('buddies.approved', { mentee: names.name(outcome.pair.menteeId), buddy: names.name(outcome.pair.buddyId) });
    return [{ summary: text, blocks: [{ type: 'text', text }], replaceSource: true }];
  }),
};

export const declineAction: ActionHandler = {
  verb: DECLINE_VERB,
  audience: LEADERS,
  dataRule: "own trust's pairs only",
  run: forLinked(async (ctx, data) => {
    const { trustId } = ctx.actor;
    const repo = buddies(ctx.deps).repo;
    const pair = await repo.getPair(trustId, value(data, 'p'));
    if (!pair) return say('buddies.notFound');
    if (!(await repo.decline(trustId, pair.id, ctx.deps.clock.now()))) {
      return say('buddies.alreadyDone', { status: (await repo.getPair(trustId, pair.id))?.status ?? pair.status });
    }
    const names = await trustPeople(ctx.deps, trustId);
    const text = t('buddies.declined', { mentee: names.name(pair.menteeId), buddy: names.name(pair.buddyId) });
    return [{ summary: text, blocks: [{ type: 'text', text }], replaceSource: true }];
  }),
};

/** Asks first: approving all sends introductions to everyone proposed. */
export const approveAllAction: ActionHandler = {
  verb: APPROVE_ALL_VERB,
  audience: LEADERS,
  dataRule: "own trust's pairs only",
  run: forLinked(async (ctx) => {
    const proposed = await buddies(ctx.deps).repo.pairs(ctx.actor.trustId, ['proposed']);
    if (proposed.length === 0) return say('buddies.match.none');
    const text = t('buddies.approveAll.confirm', { count: proposed.length });
    // The confirmation covers the pairs proposed by now, so a pair proposed later is not approved unseen.
    const at = ctx.deps.clock.now().toISOString();
    return [
      {
        summary: text,
        blocks: [
          { type: 'text', text },
          {
            type: 'buttons',
            buttons: [{ label: t('buddies.approveAll.yes'), verb: APPROVE_ALL_CONFIRM_VERB, data: { at }, style: 'primary' }],
          },
        ],
      },
    ];
  }),
};

export const approveAllConfirmAction: ActionHandler = {
  verb: APPROVE_ALL_CONFIRM_VERB,
  audience: LEADERS,
  dataRule: "own trust's pairs only",
  run: forLinked(async (ctx, data) => {
    const { trustId, personId } = ctx.actor;
    const at = new Date(value(data, 'at'));
    if (Number.isNaN(at.getTime())) return say('buddies.match.none');
    const proposed = await buddies(ctx.deps).repo.pairs(trustId, ['proposed']);
    let count = 0;
    for (const pair of proposed) {
      if (pair.proposedAt <= at && (await approvePair(ctx.deps, trustId, pair.id, personId)).ok) count++;
    }
    const text = t('buddies.approveAll.done', { count });
    return [{ summary: text, blocks: [{ type: 'text', text }], replaceSource: true }];
  }),
};
