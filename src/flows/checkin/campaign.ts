/**
 * The check-in round as a campaign kind (the worked example in docs/architecture.md): the
 * audience is one unit per school check-in, answered by any of the school's SENCOs; a unit has
 * responded when its check-in is complete; the owners are the trust's SEND leaders.
 */
import type { CampaignUnit } from '../../core/campaign';
import type { CheckinRound, SchoolCheckin } from '../../core/checkin/model';
import { nextStep, progressOf } from '../../core/checkin/progress';
import { sendLeadersOf } from '../../core/roster/leaders';
import type { CampaignKind } from '../campaigns/kind';
import { snoozeButtons } from '../nudges/snooze-buttons';
import { invitationMessage, reminderMessage, type CheckinView } from './cards';
import { INVITE_KIND, REMINDER_KIND } from './delivery';
import { checklistInForce } from './checklist-in-force';
import { buildCheckins, reminderTimes, roundSummary } from './round-content';
import type { CheckinSvc } from './services';
import { loadView, sencosOf } from './view';

export type CheckinUnit = CampaignUnit<SchoolCheckin>;

export function checkinCampaign(svc: CheckinSvc): CampaignKind<CheckinRound, SchoolCheckin> {
  const { repo } = svc.checkin;
  // One view per unit per call, however many SENCOs the school has.
  const views = new WeakMap<CheckinUnit, Promise<CheckinView | null>>();
  const viewOf = (round: CheckinRound, unit: CheckinUnit) => {
    let view = views.get(unit);
    if (!view) views.set(unit, (view = loadView(svc, round.trustId, unit.id)));
    return view;
  };
  return {
    id: 'checkin',
    nudgeKinds: { invite: INVITE_KIND, reminder: REMINDER_KIND },
    store: {
      get: (trustId, id) => repo.getRound(trustId, id),
      due: (edge, from, upTo) => repo.roundsDue(edge, from, upTo),
      open: () => repo.openRounds(),
      async markOpen(round, now) {
        // The checklist in force when the round opens, even if it changed after the round was
        // planned; a trust still on checklist-v1 moves to v2 here (issue 19).
        const checklist = await checklistInForce(repo, round.trustId);
        return repo.openRound(round.trustId, round.id, checklist.version, await buildCheckins(svc, round, checklist), now);
      },
      async markClosed(round, now, by) {
        const closed = await repo.closeRound(round.trustId, round.id, now, by);
        if (closed) await svc.audit.record({ trustId: round.trustId, actorId: by, action: 'checkin.round.close', subject: round.id });
        return closed;
      },
    },
    async audience(round) {
      const [checkins, schools, people] = await Promise.all([
        repo.checkinsOfRound(round.trustId, round.id),
        svc.roster.repo.listSchools(round.trustId, { includeArchived: true }),
        svc.roster.repo.listPeople(round.trustId),
      ]);
      return checkins.map((c) => ({
        id: c.id,
        label: schools.find((s) => s.id === c.schoolId)?.name ?? '',
        people: sencosOf(people, c.schoolId),
        detail: c,
      }));
    },
    async responded(round, units) {
      const answers = await repo.answersOfRound(round.trustId, round.id);
      const complete = units.filter(
        (u) =>
          progressOf(
            u.detail,
            answers.filter((a) => a.checkinId === u.id),
          ).complete,
      );
      return new Set(complete.map((u) => u.id));
    },
    async invitation(round, unit, person) {
      const view = await viewOf(round, unit);
      return view ? invitationMessage(view, person.name, nextStep(view.checkin, view.answers)) : null;
    },
    async reminder(round, unit) {
      const view = await viewOf(round, unit);
      return view ? reminderMessage(view, nextStep(view.checkin, view.answers), [snoozeButtons(REMINDER_KIND)]) : null;
    },
    owners: async (round) => sendLeadersOf(await svc.roster.repo.listPeople(round.trustId)),
    summary: (round) => roundSummary(svc, round),
    reminderTimes: async (round) => reminderTimes(round, await svc.checkin.calendar(round.trustId, svc.clock.now())),
  };
}
