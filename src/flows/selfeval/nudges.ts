/**
 * Gentle nudges for a half-done area (issue 13): each day at 10:00 London, a school that
 * started an area of the open cycle and has not answered in it for NUDGE_AFTER_SCHOOL_DAYS of
 * its own school days gets one nudge to its SENCOs, with Continue and snooze buttons. Keyed by
 * the last answer's time and person, so it goes once per gap; kind `selfeval-nudge`, so quiet
 * hours, snooze and pause apply when it is sent.
 */
import { dailyAt, type LocalDate } from '../../calendar';
import { londonDate } from '../../core/dates';
import { deliverToPeople } from '../../core/deliver-to-people';
import { occurrenceKey, type DueWorkSource } from '../../core/due-work-port';
import type { OutboundMessage } from '../../core/message';
import { halfDoneAreas, NUDGE_AFTER_SCHOOL_DAYS, nudgeDueDay, nudgeKey, type HalfDoneArea } from '../../core/selfeval/half-done';
import type { SelfEvalCycle } from '../../core/selfeval/model';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import { snoozeButtons } from '../nudges/snooze-buttons';
import { VERBS } from './verbs';
import './deps';
import { cycleFramework } from './load';

export const NUDGE_KIND = 'selfeval-nudge';
const SEND_AT = '10:00';
const DAY_MS = 24 * 60 * 60 * 1000;

function nudgeMessage(cycle: SelfEvalCycle, schoolId: string, schoolName: string, area: HalfDoneArea): OutboundMessage {
  const text = t('selfeval.nudge', { area: area.title, answered: area.answered, total: area.total, school: schoolName });
  return {
    summary: text,
    blocks: [
      { type: 'text', text },
      { type: 'buttons', buttons: [{ label: t('selfeval.continue'), verb: VERBS.begin, data: { s: schoolId }, style: 'primary' }] },
      snoozeButtons(NUDGE_KIND),
    ],
  };
}

/** Nudges every school of the trust whose half-done area has waited long enough; returns how many were queued. */
export async function nudgeHalfDone(deps: FlowDeps, trustId: string, now: Date): Promise<number> {
  const repo = deps.selfeval.repo;
  const cycle = (await repo.cycles(trustId)).find((c) => c.status === 'open');
  if (!cycle) return 0;
  const [answers, framework, schools, people] = await Promise.all([
    repo.answers(trustId, cycle.id),
    cycleFramework(repo, trustId, cycle),
    deps.roster.repo.listSchools(trustId),
    deps.roster.repo.listPeople(trustId),
  ]);
  const today = londonDate(now);
  let queued = 0;
  for (const school of schools) {
    const mine = answers.filter((a) => a.schoolId === school.id);
    const waiting = halfDoneAreas(framework, mine);
    if (waiting.length === 0) continue;
    const calendar = await deps.selfeval.schoolCalendar(trustId, school.id, now);
    if (!calendar.isSchoolDay(today)) continue;
    const sencos = people.filter((p) => p.roles.some((r) => r.role === 'senco' && r.schoolId === school.id));
    if (sencos.length === 0) continue;
    const contacts = await deps.roster.identities.contacts(
      trustId,
      sencos.map((p) => p.id),
    );
    for (const area of waiting) {
      const due = nudgeDueDay(londonDate(area.lastAnsweredAt), NUDGE_AFTER_SCHOOL_DAYS, (d: LocalDate) => calendar.nextSchoolDayAfter(d));
      if (!due || due > today) continue;
      const content = nudgeMessage(cycle, school.id, school.name, area);
      const deliveries = sencos.map((person) => ({ person, key: nudgeKey(cycle.id, school.id, area, person.id), content }));
      queued += (await deliverToPeople(deps.outbox, trustId, contacts, deliveries, NUDGE_KIND)).queued;
    }
  }
  return queued;
}

/** The daily 10:00 check, one occurrence per trust and day. */
export function nudgeSource(deps: FlowDeps): DueWorkSource {
  return {
    kind: NUDGE_KIND,
    catchUp: { policy: 'run-late' },
    lookbackMs: 2 * DAY_MS,
    async due(from, upTo) {
      const days = dailyAt(SEND_AT, from, upTo);
      if (days.length === 0) return [];
      const trusts = await deps.roster.repo.listTrusts();
      return days.flatMap((at) =>
        trusts.map((trust) => ({
          key: occurrenceKey(NUDGE_KIND, [trust.id], londonDate(at)),
          dueAt: at,
          run: async () => `nudged ${await nudgeHalfDone(deps, trust.id, deps.clock.now())}`,
        })),
      );
    },
  };
}
