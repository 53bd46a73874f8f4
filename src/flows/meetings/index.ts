/**
 * Termly SENCO network meetings (issue 11): the leader sets up a series from the form, everyone
 * invited gets a card with an .ics file and answers on it, the leader's card counts live, moves
 * and cancellations reach everyone, reminders go a week and a day before, and each person can
 * subscribe to a private calendar feed. Pure parts: src/meetings; storage: src/db/meetings-repo.ts.
 */
import { campaignDueWork } from '../campaigns/due-work';
import type { Feature } from '../feature';
import { registerAgenda } from './agenda-feature';
import { meetingCampaign } from './campaign';
import { meetingsCommand, subscribeAction, subscribeCommand, unsubscribeAction, unsubscribeCommand } from './mine';
import { attendedAction, cancelAction, cancelSeriesAction, cancelSeriesConfirm, moveAction, moveSubmit, rsvpAction } from './occurrence';
import { meetingsHomeSection } from './home-section';
import { editSeriesAction, editSeriesCommand, editSeriesSubmit } from './edit-series';
import { changeDraft, confirmSeries, draftSubmit, newMeetingCommand } from './series';
import './deps';

export const meetingsFeature: Feature = {
  id: 'meetings',
  register(app) {
    app
      .command(meetingsCommand)
      .command(newMeetingCommand)
      .command(subscribeCommand)
      .command(unsubscribeCommand)
      .command(editSeriesCommand);
    for (const action of [
      draftSubmit,
      changeDraft,
      confirmSeries,
      rsvpAction,
      attendedAction,
      moveAction,
      moveSubmit,
      cancelAction,
      cancelSeriesAction,
      cancelSeriesConfirm,
      subscribeAction,
      unsubscribeAction,
      editSeriesAction,
      editSeriesSubmit,
    ])
      app.action(action);
    app.dueWork((deps) => campaignDueWork(deps, meetingCampaign(deps)));
    registerAgenda(app);
    app.homeSection(meetingsHomeSection);
  },
};
