import type { SchoolCalendar } from '../../calendar';
import type { Campaign, CampaignPerson, CampaignUnit } from '../../core/campaign';
import type { OutboundMessage } from '../../core/message';
import type { OutboxEntry } from '../../core/outbox-port';
import type { FlowDeps } from '../deps';

/** The shared services campaign use cases need (a kind closes over whatever else it uses). */
export type CampaignSvc = Pick<FlowDeps, 'roster' | 'outbox' | 'clock' | 'audit' | 'logger'>;

/** Where a kind keeps its campaigns (a check-in round table, a meeting table). */
export interface CampaignStore<C extends Campaign> {
  get(trustId: string, id: string): Promise<C | null>;
  /** Scheduled campaigns whose opening (or open ones whose closing) falls in `from < t <= upTo`. */
  due(edge: 'open' | 'close', from: Date, upTo: Date): Promise<C[]>;
  /** Every open campaign, of every trust (reminders and late invitations). */
  open(): Promise<C[]>;
  /** Moves a scheduled campaign to open (creating what it needs); false when it was not scheduled. */
  markOpen(campaign: C, now: Date): Promise<boolean>;
  /** Moves an open campaign to closed, remembering `by` as `closedBy`; false when it was not open (a second close). */
  markClosed(campaign: C, now: Date, by: string | null): Promise<boolean>;
}

/**
 * One kind of campaign: a feature supplies this and gets invitations, reminders, late
 * invitations, progress, close and summary from src/flows/campaigns/. Build it with the
 * feature's services in a closure (see src/flows/checkin/campaign.ts).
 */
export interface CampaignKind<C extends Campaign, U = unknown> {
  /** First part of every key: `<id>-invite`, `<id>-reminder`, `<id>-open`... */
  id: string;
  /**
   * Optional: messages to shared places (a Teams or Slack channel) queued each time the
   * campaign is opened or re-opened, besides the per-person invitations; keys make them once.
   */
  posts?(campaign: C): Promise<OutboxEntry[]>;
  /** Nudge kinds of the invitations and reminders: quiet hours, snooze and pause apply to them. */
  nudgeKinds: { invite: string | null; reminder: string };
  store: CampaignStore<C>;
  /** Who is asked, as units that answer (schools, people), each with who may answer for it. */
  audience(campaign: C): Promise<Array<CampaignUnit<U>>>;
  /** Ids of the units that have answered (a finished check-in, an RSVP, an acknowledgement). */
  responded(campaign: C, units: ReadonlyArray<CampaignUnit<U>>): Promise<ReadonlySet<string>>;
  /** The invitation to one person of a unit; null to skip them. */
  invitation(campaign: C, unit: CampaignUnit<U>, person: CampaignPerson): Promise<OutboundMessage | null>;
  /** The reminder to one person of a unit that has not answered; null to skip them. */
  reminder(campaign: C, unit: CampaignUnit<U>, person: CampaignPerson): Promise<OutboundMessage | null>;
  /** Who receives the closing summary (e.g. the trust's SEND leaders, or the meeting's organiser). */
  owners(campaign: C): Promise<CampaignPerson[]>;
  summary(campaign: C): Promise<OutboundMessage>;
  /** The automatic reminders, on school days of the campaign's calendar; `occasion` makes their keys. */
  reminderTimes(campaign: C): Promise<Array<{ occasion: string; at: Date }>>;
}

/** The calendar a kind reads reminder days from: the trust's, with the default pattern where it has none. */
export type CalendarOf = (trustId: string, now: Date) => Promise<SchoolCalendar>;
