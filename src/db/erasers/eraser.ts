import type { Prisma } from '@prisma/client';

/** What an eraser is given: the open transaction of the erasure, whose trust, whom, and when. */
export interface ErasureContext {
  tx: Prisma.TransactionClient;
  trustId: string;
  personId: string;
  now: Date;
}

/**
 * How one feature erases (and shows) what it keeps about a person (docs/data-and-privacy.md, "Erasure").
 * Every eraser runs inside the one erasure transaction, before the person's own row is emptied.
 * A new feature that stores a person id adds one file here and one line to `personErasers`
 * (./index.ts); test/unit/db/erasers-cover-schema.test.ts fails until it does.
 */
export interface PersonEraser {
  feature: string;
  /**
   * Every column of the feature's tables that holds a person id, as 'Model.column', and what
   * erasure does to it (in words: deleted, unlinked, or kept as the now anonymous id, and why).
   */
  columns: Readonly<Record<string, string>>;
  erase(ctx: ErasureContext): Promise<void>;
  /**
   * What the feature holds about the person, for `my data` (the subject access export): plain
   * JSON, their own words included, other people's ids left out. Null when there is nothing.
   */
  personalData?(db: Prisma.TransactionClient, trustId: string, personId: string): Promise<Record<string, unknown> | null>;
}
