/** Conversational self-evaluation (issue 13): every command, card action and conversation, registered in one place. */
import type { Feature } from '../feature';
import { leaderCommands } from './leader';
import { selfevalCommand, sencoActions, sittingConversation } from './sitting';

export type { SelfEvalDeps } from './deps';

export const selfevalFeature: Feature = {
  id: 'selfeval',
  register(app) {
    app.command(selfevalCommand).conversation(sittingConversation);
    for (const command of leaderCommands) app.command(command);
    for (const action of sencoActions) app.action(action);
  },
};
