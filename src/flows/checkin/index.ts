/** Compliance check-ins (issue 5): every command and card action, registered in one place. */
import type { Registry } from '../registry';
import { checkinCommand, sencoActions } from './answering';
import { checklistCommand } from './checklist-commands';
import { leaderActions, leaderCommands, statusReply } from './leader';

export { checkinDueWork } from './due-work';
export { latestFlags } from './rounds';
export type { CheckinDeps } from './deps';

export function registerCheckin(registry: Registry): Registry {
  registry.addCommand(checkinCommand(statusReply)).addCommand(checklistCommand);
  for (const command of leaderCommands) registry.addCommand(command);
  for (const action of [...sencoActions, ...leaderActions]) registry.addAction(action);
  return registry;
}
