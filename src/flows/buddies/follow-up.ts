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
import { isNewSenco } from '../../core/buddies/round';
import type { BuddyPair, FollowUpStage } from '../../core/buddies-port';
import { londonDate } from '../../core/dates';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import type { OutboundMessage } from '../../core/message';
import { hasRole } from '../../core/model';
import { t } from '../../i18n/en-GB';
import { toInstant } from '../../calendar/london-time';
import type { FlowDeps } from '../deps';
import { askCard } from './asking';
import { buddies, otherSide, sendTo, trustPeople } from './common';
import { closingCard, pairButtons } from './pairs';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEND_AT = '10:00';

/** London school-time instants at 10:00 on each date in (from, upTo]. */
function tenOClocks(from: Date, upTo: Date): Date[] {
  const out: Date[] = [];
  for (let day = new Date(from.getTime() - DAY_MS); day.getTime() <= upTo.getTime() + DAY_MS; day = new Date(day.getTime() + DAY_MS)) {
    const at = toInstant(londonDate(day) as never, SEND_AT as never);
    if (at > from && at <= upTo && !out.some((d) => d.getTime() === at.getTime())) out.push(at);
  }
  return out;
}

function offerSource(deps: FlowDeps): DueWorkSource {
  return {
    kind: 'buddy-offer',
    catchUp: { policy: 'run-late' },
    lookbackMs: 2 * DAY_MS,
    async due(from, upTo) {
      const trusts = await deps.roster.repo.listTrusts();
      return tenOClocks(from, upTo).flatMap((at) =>
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
  const [people, settings, requests, pairs] = await Promise.all([
    deps.roster.repo.listPeople(trustId),
    repo.allSettings(trustId),
    repo.openRequests(trustId),
    repo.pairs(trustId),
  ]);
  const known = new Set([...settings.map((s) => s.personId), ...requests.map((r) => r.personId), ...pairs.map((p) => p.menteeId)]);
  let offered = 0;
  for (const person of people) {
    if (!hasRole(person, 'senco') || known.has(person.id) || !isNewSenco(person, today)) continue;
    // Keyed by person: offered once, however many days they stay new.
    if (await sendTo(deps, trustId, person.id, 'buddy-offer', askCard(true))) offered++;
  }
  return offered;
}

interface Stage {
  stage: Exclude<FollowUpStage, 'none' | 'done'>;
  from: FollowUpStage;
  dueAt(pair: BuddyPair): Date | null;
}

const STAGES: Stage[] = [
  { stage: 'week2', from: 'none', dueAt: (p) => (p.approvedAt ? new Date(p.approvedAt.getTime() + 14 * DAY_MS) : null) },
  { stage: 'week6', from: 'week2', dueAt: (p) => (p.approvedAt ? new Date(p.approvedAt.getTime() + 42 * DAY_MS) : null) },
  { stage: 'closing', from: 'week6', dueAt: (p) => (p.endsOn ? toInstant(p.endsOn as never, SEND_AT as never) : null) },
];

function followUpCard(pair: BuddyPair, stage: 'week2' | 'week6', other: string): OutboundMessage {
  const text = t(stage === 'week2' ? 'buddy.followUp.week2' : 'buddy.followUp.week6', { other });
  return {
    summary: t('buddy.followUp.title'),
    blocks: [{ type: 'heading', text: t('buddy.followUp.title') }, { type: 'text', text }, pairButtons(pair, pair.metAt !== null)],
  };
}

async function runStage(deps: FlowDeps, pair: BuddyPair, s: Stage): Promise<string> {
  const repo = buddies(deps).repo;
  const current = await repo.getPair(pair.trustId, pair.id);
  if (!current || current.status !== 'active') return 'pair not active';
  // An earlier stage missed (downtime) is skipped, not sent late in a heap: move straight on.
  const order: FollowUpStage[] = ['none', 'week2', 'week6', 'closing', 'done'];
  if (order.indexOf(current.followUp) >= order.indexOf(s.stage)) return 'already sent';
  const names = await trustPeople(deps, pair.trustId);
  for (const personId of [current.menteeId, current.buddyId]) {
    const other = names.name(otherSide(current, personId));
    const message = s.stage === 'closing' ? closingCard(current, other) : followUpCard(current, s.stage, other);
    await sendTo(deps, pair.trustId, personId, `buddy-followup:${pair.id}:${s.stage}`, message);
  }
  await repo.advanceFollowUp(pair.trustId, pair.id, current.followUp, s.stage === 'closing' ? 'done' : s.stage);
  if (s.stage === 'closing') await repo.end(pair.trustId, pair.id, 'finished', deps.clock.now());
  return `sent ${s.stage}`;
}

function followUpSource(deps: FlowDeps): DueWorkSource {
  return {
    kind: 'buddy-followup',
    catchUp: { policy: 'run-late' },
    lookbackMs: 14 * DAY_MS,
    async due(from, upTo) {
      const occurrences: DueOccurrence[] = [];
      for (const trust of await deps.roster.repo.listTrusts()) {
        for (const pair of await buddies(deps).repo.pairs(trust.id, ['active'])) {
          for (const s of STAGES) {
            const at = s.dueAt(pair);
            if (!at || at <= from || at > upTo) continue;
            occurrences.push({
              key: occurrenceKey('buddy-followup', [pair.id, s.stage], londonDate(at)),
              dueAt: at,
              run: () => runStage(deps, pair, s),
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
