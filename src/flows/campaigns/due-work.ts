/**
 * A campaign kind's scheduled work for the scheduler's minute tick: open scheduled campaigns
 * (with invitations), send the automatic reminders, invite people who became reachable while
 * the campaign is open, close at the closing time (with the summary). Each occurrence has a
 * deterministic key and its work is idempotent, so a replica that dies half-way is run again.
 */
import type { Campaign } from '../../core/campaign';
import { londonDate } from '../../core/dates';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import { closeCampaign, inviteAudience, openCampaign, remindWaiting } from './engine';
import type { CampaignKind, CampaignSvc } from './kind';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface CampaignDueWorkOptions<C extends Campaign> {
  /** Runs after a scheduled close (e.g. plan the next check-in round); its text joins the outcome. */
  afterClose?(campaign: C): Promise<string | void>;
}

export function campaignDueWork<C extends Campaign, U>(
  svc: CampaignSvc,
  kind: CampaignKind<C, U>,
  options: CampaignDueWorkOptions<C> = {},
): DueWorkSource[] {
  const { store } = kind;
  const opening: DueWorkSource = {
    kind: `${kind.id}-open`,
    // An invitation a day late is still an invitation.
    catchUp: { policy: 'run-late' },
    lookbackMs: 3 * DAY,
    due: async (from, upTo) =>
      (await store.due('open', from, upTo)).map((campaign): DueOccurrence => ({
        key: occurrenceKey(`${kind.id}-open`, [campaign.id], londonDate(campaign.opensAt)),
        dueAt: campaign.opensAt,
        run: async () => {
          const { sent } = await openCampaign(svc, kind, campaign);
          return `invited ${sent.queued + sent.duplicates}`;
        },
      })),
  };
  const closing: DueWorkSource = {
    kind: `${kind.id}-close`,
    catchUp: { policy: 'run-late' },
    lookbackMs: 3 * DAY,
    due: async (from, upTo) =>
      (await store.due('close', from, upTo)).map((campaign): DueOccurrence => ({
        key: occurrenceKey(`${kind.id}-close`, [campaign.id], londonDate(campaign.closesAt)),
        dueAt: campaign.closesAt,
        run: async () => {
          const result = await closeCampaign(svc, kind, campaign, null);
          const after = options.afterClose ? await options.afterClose(result.campaign) : undefined;
          return [result.closed ? 'closed' : 'already closed', after].filter(Boolean).join('; ');
        },
      })),
  };
  const reminders: DueWorkSource = {
    kind: `${kind.id}-reminder`,
    // A reminder for yesterday is noise: drop it.
    catchUp: { policy: 'drop-stale', staleAfterMs: 6 * HOUR },
    lookbackMs: DAY,
    due: async (from, upTo) => {
      const out: DueOccurrence[] = [];
      for (const campaign of await store.open()) {
        for (const { occasion, at } of await kind.reminderTimes(campaign)) {
          if (at <= from || at > upTo) continue;
          out.push({
            key: occurrenceKey(`${kind.id}-reminder`, [campaign.id, occasion], londonDate(at)),
            dueAt: at,
            run: async () => {
              const current = await store.get(campaign.trustId, campaign.id);
              if (current?.status !== 'open') return 'not open';
              return `reminded ${(await remindWaiting(svc, kind, current, occasion)).queued}`;
            },
          });
        }
      }
      return out;
    },
  };
  const lateInvites: DueWorkSource = {
    kind: `${kind.id}-late-invite`,
    // Hourly while open; a missed hour is covered by the next.
    catchUp: { policy: 'drop-stale', staleAfterMs: HOUR },
    lookbackMs: 2 * HOUR,
    due: async (from, upTo) => {
      const out: DueOccurrence[] = [];
      const hours = hourMarks(from, upTo);
      if (hours.length === 0) return out;
      for (const campaign of await store.open()) {
        for (const at of hours) {
          if (at <= campaign.opensAt || at >= campaign.closesAt) continue;
          out.push({
            key: occurrenceKey(`${kind.id}-late-invite`, [campaign.id, String(at.getUTCHours())], londonDate(at)),
            dueAt: at,
            run: async () => {
              const current = await store.get(campaign.trustId, campaign.id);
              if (current?.status !== 'open') return 'not open';
              return `invited ${(await inviteAudience(svc, kind, current, { onlyNew: true })).queued}`;
            },
          });
        }
      }
      return out;
    },
  };
  return [opening, closing, reminders, lateInvites];
}

/** Whole hours (UTC) in `from < t <= upTo`. */
function hourMarks(from: Date, upTo: Date): Date[] {
  const out: Date[] = [];
  for (let t = Math.floor(from.getTime() / HOUR) * HOUR + HOUR; t <= upTo.getTime() && out.length < 48; t += HOUR) out.push(new Date(t));
  return out;
}
