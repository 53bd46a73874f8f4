/**
 * The check-in's scheduled work: the campaign plumbing's open, remind, late-invite and close
 * (src/flows/campaigns/due-work.ts) for the check-in kind, and after a close, the next round.
 */
import type { DueWorkSource } from '../../core/due-work-port';
import { campaignDueWork } from '../campaigns/due-work';
import { checkinCampaign } from './campaign';
import { planNext } from './rounds';
import type { CheckinSvc } from './services';

export function checkinDueWork(svc: CheckinSvc): DueWorkSource[] {
  return campaignDueWork(svc, checkinCampaign(svc), {
    afterClose: async (round) => {
      const next = await planNext(svc, round);
      return next ? `next ${next.id}` : undefined;
    },
  });
}
