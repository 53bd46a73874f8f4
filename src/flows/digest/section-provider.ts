/**
 * The digest's extension point: each feature adds its own section from its own module with
 * `app.digestSection(provider)` (src/flows/feature.ts). The digest asks every provider when it
 * builds a trust's digest, on schedule or on demand, and composes what they return
 * (src/digest/weekly/compose-digest.ts orders the sections and merges the schools to look at).
 */
import type { DigestAudience, DigestContribution } from '../../core/digest/model';
import type { LocalDate } from '../../core/dates';
import type { FlowDeps } from '../deps';

export interface DigestSectionInput {
  trustId: string;
  /** The Monday of the week the digest is for. */
  weekOf: LocalDate;
  /**
   * Who reads it. 'trust-leader': school-level figures and aggregates only, never a school's
   * own text (self-evaluation notes, check-in notes) unless the school's SEND leader shared it.
   */
  audience: DigestAudience;
  /**
   * Build-time options. `record` is true for the scheduled weekly run: the provider may keep
   * this week's figures (for next week's "up 3 on last week"); on-demand builds only read.
   */
  record: boolean;
}

export interface DigestSectionProvider {
  /** The section id ('compliance', 'selfeval', 'network', 'bulletins'): its order in the digest. */
  id: string;
  /** Nothing to say: `{ section: null, lookAt: [] }`. A provider that throws is left out (logged). */
  contribute(deps: FlowDeps, input: DigestSectionInput): Promise<DigestContribution>;
}
