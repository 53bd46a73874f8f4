/**
 * The check-in's scheduled work, for the scheduler's minute tick: open scheduled rounds (with
 * invitations), send the automatic reminders, close rounds at their closing time (with the
 * summary to the SEND leaders). Each occurrence has a deterministic key and its work is
 * idempotent, so a replica that dies half-way is simply run again.
 */
import { londonDate } from '../../core/dates';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import { closeAndSummarise, openAndInvite, reminderTimes, remindStragglers } from './rounds';
import type { CheckinSvc } from './services';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export function checkinDueWork(svc: CheckinSvc): DueWorkSource[] {
  const { repo } = svc.checkin;
  const opening: DueWorkSource = {
    kind: 'checkin-open',
    // An invitation a day late is still an invitation.
    catchUp: { policy: 'run-late' },
    lookbackMs: 3 * DAY,
    due: async (from, upTo) =>
      (await repo.roundsDue('open', from, upTo)).map((round): DueOccurrence => ({
        key: occurrenceKey('checkin-open', [round.id], londonDate(round.opensAt)),
        dueAt: round.opensAt,
        run: async () => `invited ${(await openAndInvite(svc, round)).invited}`,
      })),
  };
  const closing: DueWorkSource = {
    kind: 'checkin-close',
    catchUp: { policy: 'run-late' },
    lookbackMs: 3 * DAY,
    due: async (from, upTo) =>
      (await repo.roundsDue('close', from, upTo)).map((round): DueOccurrence => ({
        key: occurrenceKey('checkin-close', [round.id], londonDate(round.closesAt)),
        dueAt: round.closesAt,
        run: async () => ((await closeAndSummarise(svc, round, null)).closed ? 'closed' : 'already closed'),
      })),
  };
  const reminders: DueWorkSource = {
    kind: 'checkin-reminder',
    // A reminder for yesterday is noise: drop it.
    catchUp: { policy: 'drop-stale', staleAfterMs: 6 * HOUR },
    lookbackMs: DAY,
    due: async (from, upTo) => {
      const out: DueOccurrence[] = [];
      for (const round of await repo.openRounds()) {
        const calendar = await svc.checkin.calendar(round.trustId, upTo);
        for (const { occasion, at } of reminderTimes(round, calendar)) {
          if (at <= from || at > upTo) continue;
          out.push({
            key: occurrenceKey('checkin-reminder', [round.id, occasion], londonDate(at)),
            dueAt: at,
            run: async () => {
              const current = await repo.getRound(round.trustId, round.id);
              if (current?.status !== 'open') return 'round not open';
              return `reminded ${(await remindStragglers(svc, current, occasion)).queued}`;
            },
          });
        }
      }
      return out;
    },
  };
  return [opening, closing, reminders];
}
