import type { Feature } from '../feature';
import { pauseCommand, resumeCommand } from './pause';
import { snoozeAction, snoozeCommand } from './snooze';

/** Snooze and pause of reminders, for every kind of nudge. */
export const nudgesFeature: Feature = {
  id: 'nudges',
  register(app) {
    app.command(snoozeCommand).action(snoozeAction).command(pauseCommand).command(resumeCommand);
  },
};
