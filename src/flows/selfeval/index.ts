/** Conversational self-evaluation (issue 13): every command, card action and conversation, registered in one place. */
import type { Feature } from '../feature';
import { selfEvalDigestProvider } from './digest-section';
import { selfEvalHomeSection } from './home-section';
import { leaderCommands } from './leader';
import { nudgeSource } from './nudges';
import { shareAction, sharingCommands } from './sharing';
import { selfevalCommand, sencoActions, sittingConversation } from './sitting';

export type { SelfEvalDeps } from './deps';

export const selfevalFeature: Feature = {
  id: 'selfeval',
  register(app) {
    app.command(selfevalCommand).conversation(sittingConversation);
    for (const command of [...leaderCommands, ...sharingCommands]) app.command(command);
    for (const action of [...sencoActions, shareAction]) app.action(action);
    app.dueWork((deps) => [nudgeSource(deps)]);
    app.digestSection(selfEvalDigestProvider);
    app.homeSection(selfEvalHomeSection);
  },
};
