import type { Feature } from '../feature';
import { termsCommand, termsSaveAction, termsSetCommand } from './terms';

/** Term dates and INSET days of the trust and of schools that differ. */
export const termsFeature: Feature = {
  id: 'terms',
  register(app) {
    app.command(termsCommand).command(termsSetCommand).action(termsSaveAction);
  },
};
