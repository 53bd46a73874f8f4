/**
 * The Home extension point: every feature adds its part of a person's Home (Slack App Home,
 * the Teams home card) by registering a provider with `app.homeSection(...)`. A provider
 * looks at the person and returns zero or more sections; Home puts what needs them first.
 */
import type { Block } from '../../core/message';
import type { Actor } from '../../core/model';
import type { FlowDeps } from '../deps';

export interface HomeSection {
  /** Lower comes first among sections with the same `needsYou` (check-in 10, meetings 20, ...). */
  order: number;
  /** True when the person owes something (an answer, an RSVP, an acknowledgement, a decision). */
  needsYou: boolean;
  /** A heading and a line or two, with at most one row of buttons: Home is read on a phone. */
  blocks: Block[];
}

/** A person on a roster (as `LinkedActor`, kept here so the registry does not import handler helpers). */
export type HomeActor = Actor & { personId: string; trustId: string };

export interface HomeInput {
  actor: HomeActor;
  deps: FlowDeps;
  now: Date;
}

export interface HomeProvider {
  /** For logs: 'checkin', 'meetings'. */
  id: string;
  sections(input: HomeInput): Promise<HomeSection[]>;
}
