/**
 * Buddying's scheduled work (issue 12):
 * - `buddy-offer`: each day at 10:00 (London), SENCOs new to the role (isNewSenco) who can be
 *   reached and have neither asked, offered nor opted out are offered a buddy once. This is
 *   how "offered a buddy when they join" works: within a school day of being on the roster and
 *   linked, whichever way they were linked.
 * - `buddy-followup`: 2 and 6 weeks after approval "have you met? is it helping?", and on the
 *   end date thanks and one line of feedback. Each message is keyed by pair, stage and person,
 *   and the stage moves by compare-and-set, so a rerun or a second replica sends nothing twice.
 */
import { dailyAt } from '../../calendar';
import { isNewSenco } from '../../core/buddies/round';
import type { BuddyPair, FollowUpStage } from '../../core/buddies-port';
import { londonDate } from '../../core/dates';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import type { Block, OutboundMessage } from '../../core/message';
import { hasRole } from '../../core/model';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import { askCard } from './asking';
import { buddies, deliverOnce, otherSide, sendNudge, sendTo, trustPeople } from './common';
import { followUpDates, type FollowUpStep } from './follow-up-dates';
import { closingCard, pairButtons } from './pairs';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEND_AT = '10:00';

function offerSource(deps: FlowDeps): DueWorkSource {
  return {
    kind: 'buddy-offer',
    catchUp: { policy: 'run-late' },
    lookbackMs: 2 * DAY_MS,
    async due(from, upTo) {
      const trusts = await deps.roster.repo.listTrusts();
      return dailyAt(SEND_AT, from, upTo).flatMap((at) =>
        trusts.map((trust) => ({
          key: occurrenceKey('buddy-offer', [trust.id], londonDate(at)),
          dueAt: at,
          run: async () => `offered ${await offerNewSencos(deps, trust.id, at)}`,
        })),
      );
    },
  };
}

async function offerNewSencos(deps: FlowDeps, trustId: string, at: Date): Promise<number> {
  const repo = buddies(deps).repo;
  const today = londonDate(at);
  const [people, settings, requests, pairs, marked] = await Promise.all([
    deps.roster.repo.listPeople(trustId),
    repo.allSettings(trustId),
    repo.openRequests(trustId),
    repo.pairs(trustId),
    repo.markedNew(trustId),
  ]);
  // A profile row only for a leader's "new" mark does not count as having answered.
  const answered = settings.filter((s) => s.available || s.optedOut).map((s) => s.personId);
  const known = new Set([...answered, ...requests.map((r) => r.personId), ...pairs.map((p) => p.menteeId)]);
  const markedNew = new Set(marked);
  let offered = 0;
  for (const person of people) {
    if (!hasRole(person, 'senco') || known.has(person.id) || !isNewSenco(person, today, markedNew)) continue;
    if (await offerBuddy(deps, trustId, person.id)) offered++;
  }
  return offered;
}

/**
 * The "would you like a buddy?" card, keyed by person: offered once, however many days they
 * stay new. True when this call queued it.
 */
export async function offerBuddy(deps: FlowDeps, trustId: string, personId: string): Promise<boolean> {
  return (await deliverOnce(deps, trustId, personId, 'buddy-offer', askCard(true))) === 'queued';
}

/** Follow-ups are nudges of this kind: school days and hours, snooze and pause apply. */
export const FOLLOW_UP_KIND = 'buddy-followup';
export const LATER_VERB = 'buddy.followup.later';

const ORDER: FollowUpStage[] = ['none', 'week2', 'week6', 'closing', 'done'];

/** "Have you met? / is it helping?" with the pair's buttons and "ask me next week". */
export function followUpCard(pair: BuddyPair, stage: 'week2' | 'week6', other: string): OutboundMessage {
  const text = t(stage === 'week2' ? 'buddy.followUp.week2' : 'buddy.followUp.week6', { other });
  const later = { label: t('buddy.followUp.snooze'), verb: LATER_VERB, data: { p: pair.id, s: stage } };
  const buttons: Block = { type: 'buttons', buttons: [...pairButtons(pair, pair.metAt !== null).buttons, later] };
  return {
    summary: t('buddy.followUp.title'),
    blocks: [{ type: 'heading', text: t('buddy.followUp.title') }, { type: 'text', text }, buttons],
  };
}

async function runStage(deps: FlowDeps, pair: BuddyPair, stage: FollowUpStep): Promise<string> {
  const repo = buddies(deps).repo;
  const current = await repo.getPair(pair.trustId, pair.id);
  if (!current || current.status !== 'active') return 'pair not active';
  // An earlier stage missed (downtime) is skipped, not sent late in a heap: move straight on.
  if (ORDER.indexOf(current.followUp) >= ORDER.indexOf(stage)) return 'already sent';
  const names = await trustPeople(deps, pair.trustId);
  for (const personId of [current.menteeId, current.buddyId]) {
    const other = names.name(otherSide(current, personId));
    const key = `buddy-followup:${pair.id}:${stage}`;
    if (stage === 'closing') await sendTo(deps, pair.trustId, personId, key, closingCard(current, other));
    else await sendNudge(deps, pair.trustId, personId, key, followUpCard(current, stage, other), FOLLOW_UP_KIND);
  }
  // The keys above make a rerun or a second replica send nothing twice; then the stage moves on.
  await repo.advanceFollowUp(pair.trustId, pair.id, current.followUp, stage === 'closing' ? 'done' : stage);
  if (stage === 'closing') await repo.end(pair.trustId, pair.id, 'finished', deps.clock.now());
  return `sent ${stage}`;
}

function followUpSource(deps: FlowDeps): DueWorkSource {
  return {
    kind: 'buddy-followup',
    catchUp: { policy: 'run-late' },
    lookbackMs: 14 * DAY_MS,
    async due(from, upTo) {
      const occurrences: DueOccurrence[] = [];
      for (const trust of await deps.roster.repo.listTrusts()) {
        const pairs = await buddies(deps).repo.pairs(trust.id, ['active']);
        if (pairs.length === 0) continue;
        const calendar = await buddies(deps).calendar(trust.id, upTo);
        for (const pair of pairs) {
          const dates = followUpDates(pair, calendar);
          for (const stage of ['week2', 'week6', 'closing'] as const) {
            const at = dates[stage];
            if (!at || at <= from || at > upTo) continue;
            occurrences.push({
              key: occurrenceKey('buddy-followup', [pair.id, stage], londonDate(at)),
              dueAt: at,
              run: () => runStage(deps, pair, stage),
            });
          }
        }
      }
      return occurrences;
    },
  };
}

export function buddyDueWork(deps: FlowDeps): DueWorkSource[] {
  return [offerSource(deps), followUpSource(deps)];
}
