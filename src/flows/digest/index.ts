/**
 * The weekly digest for trust leaders (issue 15), as one feature: the scheduled weekly send,
 * `digest` on demand, subscribe and unsubscribe, the school and document buttons, and the
 * compliance section. Other features add their sections with `app.digestSection(provider)`
 * (src/flows/digest/section-provider.ts); the digest reads them all when it is built.
 */
import type { Feature } from '../feature';
import { digestActions, digestCommand } from './commands';
import { complianceProvider } from './compliance';
import { digestHomeSection } from './home-section';
import { digestDueWork } from './schedule';

export type { DigestDeps } from './deps';
export type { DigestSectionInput, DigestSectionProvider } from './section-provider';
export { buildDigestView, digestFor } from './build';
export { sendWeeklyDigest } from './schedule';

export const digestFeature: Feature = {
  id: 'digest',
  register(app) {
    const providers = () => app.digestSections();
    app.digestSection(complianceProvider);
    app.command(digestCommand(providers));
    for (const action of digestActions(providers)) app.action(action);
    app.dueWork((deps) => [digestDueWork(deps, providers)]);
    app.homeSection(digestHomeSection);
  },
};
