/**
 * Storage for the weekly digest (issue 15): when each trust's digest goes, who chose to get it
 * or not, and the figures each week reported (for week-on-week change). Every call names the
 * trust. Defaults (Mondays at 08:00, who is subscribed by role) live in src/flows/digest.
 */

export interface DigestSettings {
  /** Weekly rule text, e.g. 'Mondays at 08:00'. */
  rule: string;
  /** Send in school holiday weeks too. */
  holidays: boolean;
}

/** What a week's digest reported, kept to say "up 3 on last week" a week later. */
export interface DigestFigures {
  /** The check-in round the figures are of (a change is only told within one round). */
  roundId: string | null;
  complete: number;
  schools: number;
}

export interface DigestRepo {
  /** Stored settings, null when the trust keeps the defaults. */
  settings(trustId: string): Promise<DigestSettings | null>;
  /** Every trust's stored settings, for the scheduler's tick (one query). */
  allSettings(): Promise<Map<string, DigestSettings>>;
  saveSettings(trustId: string, settings: DigestSettings, at: Date): Promise<void>;
  /** People's own choices (person id -> subscribed); people not in the map keep their role's default. */
  choices(trustId: string): Promise<Map<string, boolean>>;
  choose(trustId: string, personId: string, subscribed: boolean, at: Date): Promise<void>;
  snapshot(trustId: string, weekOf: string): Promise<DigestFigures | null>;
  /** Records (or replaces) the week's figures. */
  saveSnapshot(trustId: string, weekOf: string, figures: DigestFigures, at: Date): Promise<void>;
}
