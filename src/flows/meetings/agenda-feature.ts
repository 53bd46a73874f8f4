/**
 * Everything the agenda part of network meetings registers (issue 11, items 4 and 6): topics
 * and votes, the leader's agenda, the notes after the meeting, their scheduled steps and the
 * digest section. Kept apart from index.ts so the series flows and this part change separately.
 */
import type { FeatureApp } from '../feature';
import { editAgendaAction, submitAgendaAction } from './agenda';
import { agendaDueWork } from './agenda-steps';
import { meetingsDigestSection } from './digest-section';
import { keepNotesAction, notesConversation, sendNotesAction, startNotesAction } from './notes';
import { addTopicAction, topicsCommand, voteAction } from './topics';
import './agenda-deps';

export function registerAgenda(app: FeatureApp): void {
  app.command(topicsCommand);
  for (const action of [
    addTopicAction,
    voteAction,
    editAgendaAction,
    submitAgendaAction,
    startNotesAction,
    keepNotesAction,
    sendNotesAction,
  ]) {
    app.action(action);
  }
  app.conversation(notesConversation);
  app.dueWork((deps) => [agendaDueWork(deps)]);
  app.digestSection(meetingsDigestSection);
}
