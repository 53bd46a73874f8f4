/**
 * The weekly digest for trust leaders as neutral data. Each feature contributes a section and
 * the schools it thinks worth a look (with the reason); src/digest/weekly composes them and
 * renders one message for both platforms plus a document to keep. Sections with nothing to
 * say are left out.
 */
import type { ChartSpec } from '../chart';
import type { LocalDate } from '../dates';

export interface DigestSection {
  /** 'compliance', 'selfeval', 'network', 'bulletins', ... (also the order key) */
  id: string;
  title: string;
  /** One-line headline, e.g. '18 of 22 schools finished (up from 12 last week)'. */
  headline: string;
  /** Findings, one per line, most important first. */
  lines: string[];
  chart?: ChartSpec;
}

/** A reason a school is worth a look, from one feature. */
export interface LookAtReason {
  schoolId: string;
  schoolName: string;
  reason: string;
  /** Higher is more urgent; schools are ordered by their total weight. */
  weight: number;
}

/** What one feature adds to the digest. */
export interface DigestContribution {
  section: DigestSection | null;
  lookAt: LookAtReason[];
}

export interface SchoolToLookAt {
  schoolId: string;
  schoolName: string;
  reasons: string[];
  weight: number;
}

export interface DigestView {
  trustName: string;
  /** The Monday the digest is for. */
  weekOf: LocalDate;
  sections: DigestSection[];
  lookAt: SchoolToLookAt[];
}

/** Who may see what (issue 15, privacy): trust leaders get school-level figures, never text. */
export type DigestAudience = 'send-leader' | 'trust-leader';
