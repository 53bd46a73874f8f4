/**
 * A matching round from stored facts to the matcher and back (issue 12): builds the matcher's
 * input from the roster (people, schools), buddy settings, open requests, current loads and
 * pair history; then turns the result into proposals to store and waiting-list updates. Pure:
 * the flow reads through the ports, calls these, and writes the outcome.
 */
import { addMonths, type LocalDate } from '../dates';
import type { Person, School } from '../model';
import type { BuddyRequest, BuddySettings, NewPair } from '../buddies-port';
import type { Buddy, MatchInput, MatchResult, Mentee, UnmatchedReason } from './model';
import { SPECIALIST_PHASES } from './model';

export interface RoundFacts {
  people: readonly Person[];
  schools: readonly School[];
  settings: readonly BuddySettings[];
  requests: readonly BuddyRequest[];
  loads: ReadonlyMap<string, { active: number; past: number }>;
  history: readonly (readonly [string, string])[];
  /** People the SEND leader marked as new whatever their appointment date. */
  markedNew?: ReadonlySet<string>;
  blocked?: readonly (readonly [string, string])[];
  allowRepeats?: boolean;
  groupSize?: 2 | 3 | 4;
  today: LocalDate;
}

/** Whole years as a SENCO: prior service plus time since appointment (0 when unknown). */
export function yearsInRole(person: Person, today: LocalDate): number {
  const prior = person.profile.priorSencoMonths ?? 0;
  let months = prior;
  const appointed = person.profile.appointedOn;
  if (appointed && appointed <= today) {
    let m = 0;
    while (addMonths(appointed, m + 1) <= today) m++;
    months += m;
  }
  return Math.floor(months / 12);
}

/** New to the role: appointed within the last 12 months with little prior service, or marked new. */
export function isNewSenco(person: Person, today: LocalDate, markedNew?: ReadonlySet<string>): boolean {
  if (markedNew?.has(person.id)) return true;
  const appointed = person.profile.appointedOn;
  if (!appointed) return false;
  return addMonths(appointed, 12) > today && (person.profile.priorSencoMonths ?? 0) <= 12;
}

function isQualified(person: Person): boolean {
  return person.profile.qualification === 'npq' || person.profile.qualification === 'nasenco';
}

export interface RoundInput {
  input: MatchInput;
  /** Mentee person id -> their open request. */
  requestOf: Map<string, BuddyRequest>;
  /** Requests whose person cannot be matched at all (left the roster, no school). */
  orphaned: BuddyRequest[];
}

export function buildRoundInput(f: RoundFacts): RoundInput {
  const people = new Map(f.people.filter((p) => !p.archived && !p.erased).map((p) => [p.id, p]));
  const schools = new Map(f.schools.filter((s) => !s.archived).map((s) => [s.id, s]));
  const settings = new Map(f.settings.map((s) => [s.personId, s]));
  const requestOf = new Map<string, BuddyRequest>();
  const orphaned: BuddyRequest[] = [];
  const mentees: Mentee[] = [];
  for (const request of f.requests) {
    const person = people.get(request.personId);
    const school = person?.schoolId ? schools.get(person.schoolId) : undefined;
    if (!person || !school) {
      orphaned.push(request);
      continue;
    }
    // The repository keeps one open request per person; a duplicate would only be stale.
    if (requestOf.has(person.id)) continue;
    requestOf.set(person.id, request);
    mentees.push({
      personId: person.id,
      schoolId: school.id,
      phase: school.phase,
      localAuthority: school.localAuthority,
      yearsInRole: yearsInRole(person, f.today),
      isNew: isNewSenco(person, f.today, f.markedNew),
      needs: request.needs,
      wantsSpecialist: request.wantsSpecialist,
      roundsWaiting: request.roundsWaiting,
      optedOut: settings.get(person.id)?.optedOut ?? false,
    });
  }
  const buddies: Buddy[] = [];
  for (const s of f.settings) {
    const person = people.get(s.personId);
    const school = person?.schoolId ? schools.get(person.schoolId) : undefined;
    if (!person || !school || !s.available) continue;
    const load = f.loads.get(person.id) ?? { active: 0, past: 0 };
    buddies.push({
      personId: person.id,
      schoolId: school.id,
      phase: school.phase,
      localAuthority: school.localAuthority,
      yearsInRole: yearsInRole(person, f.today),
      qualified: isQualified(person),
      specialist: SPECIALIST_PHASES.includes(school.phase) || school.hasResourceBase,
      strengths: s.strengths,
      capacity: s.capacity,
      activeLoad: load.active,
      pastPicks: load.past - load.active,
      optedOut: s.optedOut,
    });
  }
  return {
    input: { mentees, buddies, history: f.history, blocked: f.blocked, allowRepeats: f.allowRepeats, groupSize: f.groupSize },
    requestOf,
    orphaned,
  };
}

export interface RoundOutcome {
  proposals: NewPair[];
  /** Requests to mark as waiting (one more round), with the reason. */
  waiting: Array<{ requestId: string; personId: string; reason: UnmatchedReason }>;
}

export function roundOutcome(result: MatchResult, requestOf: ReadonlyMap<string, BuddyRequest>): RoundOutcome {
  const proposals: NewPair[] = [];
  for (const p of result.proposals) {
    const request = requestOf.get(p.menteeId);
    if (!request) continue;
    proposals.push({
      requestId: request.id,
      menteeId: p.menteeId,
      buddyId: p.buddyId,
      groupId: p.groupId,
      score: p.score,
      reasons: p.reasons,
      repeat: p.repeat,
    });
  }
  const waiting = result.unmatched.flatMap((u) => {
    const request = requestOf.get(u.menteeId);
    return request ? [{ requestId: request.id, personId: u.menteeId, reason: u.reason }] : [];
  });
  return { proposals, waiting };
}
