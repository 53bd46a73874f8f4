import type { Feature } from '../feature';
import { askAction, buddyCommand, buddyOfferCommand, buddyStopCommand } from './asking';
import { buddiesDigestProvider } from './digest-section';
import { buddyDueWork } from './follow-up';
import { laterAction } from './follow-up-later';
import { buddiesHomeSection } from './home-section';
import { buddiesAutoApproveCommand, buddyNewCommand } from './settings';
import { approveAction, approveAllAction, approveAllConfirmAction, buddiesCommand, buddiesMatchCommand, declineAction } from './leader';
import { feedbackAction, metAction, notWorkingAction } from './pairs';

/** Buddying new SENCOs with experienced ones (issue 12, docs/buddying-and-self-evaluation.md). */
export const buddiesFeature: Feature = {
  id: 'buddies',
  register(app) {
    for (const command of [
      buddyCommand,
      buddyOfferCommand,
      buddyStopCommand,
      buddyNewCommand,
      buddiesCommand,
      buddiesMatchCommand,
      buddiesAutoApproveCommand,
    ]) {
      app.command(command);
    }
    for (const action of [
      askAction,
      approveAction,
      declineAction,
      approveAllAction,
      approveAllConfirmAction,
      metAction,
      notWorkingAction,
      feedbackAction,
      laterAction,
    ]) {
      app.action(action);
    }
    app.dueWork((deps) => buddyDueWork(deps));
    app.homeSection(buddiesHomeSection);
    app.digestSection(buddiesDigestProvider);
  },
};
