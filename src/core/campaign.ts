/**
 * Campaigns: "ask these people, remind those who have not answered, close, summarise", the
 * shape shared by check-in rounds, meeting RSVPs, bulletin acknowledgements, self-evaluation
 * nudges and buddy follow-ups. This file is the pure part: who is asked, who has answered,
 * who could not be reached and why, and the outbox keys that make every send happen once.
 * The use cases that load and send live in src/flows/campaigns/.
 */
import type { Person } from './model';
import type { Contact } from './roster-port';

/** The lifecycle every campaign shares; each kind stores its own record (a check-in round, a meeting). */
export interface Campaign {
  id: string;
  trustId: string;
  status: 'scheduled' | 'open' | 'closed';
  opensAt: Date;
  closesAt: Date;
  /** Who closed it (they had the summary as their reply), null when it closed on time. */
  closedBy: string | null;
}

export type CampaignPerson = Pick<Person, 'id' | 'name' | 'preferredPlatform'>;

/**
 * One thing that answers: a school (any of its SENCOs may answer for it) or a person. `detail`
 * is the kind's own record for it (a school's check-in, an invitation row).
 */
export interface CampaignUnit<U = unknown> {
  id: string;
  label: string;
  people: CampaignPerson[];
  detail: U;
}

/** Why a person could not be messaged first: each has its own remedy. */
export type ReachProblem = 'not-linked' | 'no-address' | 'unreachable';

export interface Unreached {
  personId: string;
  name: string;
  unit: string;
  reason: ReachProblem;
}

export interface CampaignProgress {
  /** Units that have answered ("14 of 22 schools answered"). */
  answered: number;
  total: number;
  /** Units still to answer, in label order. */
  waiting: Array<{ id: string; label: string }>;
  /** People asked who cannot be messaged now, with why. */
  unreached: Unreached[];
}

/** What the campaign knows about each person's chat accounts. */
export interface ReachFacts {
  /** People with at least one chat account linked to them. */
  linked: ReadonlySet<string>;
  contacts: readonly Contact[];
}

/** Null when the person can be messaged now; else why not. */
export function reachProblemOf(personId: string, facts: ReachFacts): ReachProblem | null {
  const mine = facts.contacts.filter((c) => c.personId === personId);
  if (mine.some((c) => c.reachable)) return null;
  if (mine.length > 0) return 'unreachable';
  return facts.linked.has(personId) ? 'no-address' : 'not-linked';
}

export function progressOf(units: readonly CampaignUnit[], responded: ReadonlySet<string>, facts: ReachFacts): CampaignProgress {
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en-GB');
  const waiting = units.filter((u) => !responded.has(u.id)).sort(byLabel);
  const unreached: Unreached[] = [];
  for (const unit of [...units].sort(byLabel)) {
    for (const person of unit.people) {
      const reason = reachProblemOf(person.id, facts);
      if (reason) unreached.push({ personId: person.id, name: person.name, unit: unit.label, reason });
    }
  }
  return {
    answered: units.length - waiting.length,
    total: units.length,
    waiting: waiting.map((u) => ({ id: u.id, label: u.label })),
    unreached,
  };
}

/**
 * Outbox keys, by meaning: one invitation per person per campaign, one reminder per person per
 * occasion ("first", "last", "manual-2027-03-02"), one summary per owner. A second close or a
 * second press of "remind" finds its keys taken and sends nothing.
 */
export const campaignKeys = {
  invite: (kind: string, campaignId: string, personId: string) => `${kind}-invite:${campaignId}:${personId}`,
  reminder: (kind: string, campaignId: string, personId: string, occasion: string) =>
    `${kind}-reminder:${campaignId}:${personId}:${occasion}`,
  summary: (kind: string, campaignId: string, personId: string) => `${kind}-summary:${campaignId}:${personId}`,
};
