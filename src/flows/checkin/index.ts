/** Compliance check-ins (issue 5): every command, card action and scheduled job, registered in one place. */
import type { Feature } from '../feature';
import { checkinCommand, sencoActions } from './answering';
import { checklistCommand } from './checklist-commands';
import { checkinConversation } from './conversation';
import { checkinDueWork } from './due-work';
import { checkinHomeSection } from './home-section';
import { leaderActions, leaderCommands, statusReply } from './leader';

export { checkinDueWork } from './due-work';
export { checkinCampaign } from './campaign';
export { latestFlags } from './rounds';
export type { CheckinDeps } from './deps';

export const checkinFeature: Feature = {
  id: 'checkin',
  register(app) {
    app.command(checkinCommand(statusReply)).command(checklistCommand).conversation(checkinConversation);
    for (const command of leaderCommands) app.command(command);
    for (const action of [...sencoActions, ...leaderActions]) app.action(action);
    app.dueWork((deps) => checkinDueWork(deps));
    app.homeSection(checkinHomeSection);
  },
};
