import type { FlowDeps } from '../deps';
// Loads the `checkin` field of FeatureServices wherever check-in services are typed.
import './deps';

/** The services check-in use cases need: flows pass their deps, the scheduler's due work the same. */
export type CheckinSvc = Pick<FlowDeps, 'checkin' | 'roster' | 'outbox' | 'clock' | 'audit' | 'logger'>;
