/**
 * The digest's part of Home: a trust leader's (or subscribed SEND leader's) latest weekly digest,
 * when it was sent and one button to see it. Read from the outbox row of their own digest
 * (`digest-weekly:<trust>:<week>:<person>`), newest week first: usually one query.
 */
import { addDays, mondayOf } from '../../calendar';
import { londonDate } from '../../core/dates';
import { t } from '../../i18n/en-GB';
import { formatInstant } from '../checkin/text';
import type { HomeProvider } from '../home/section';
import { DIGEST_KIND } from './schedule';

/** Weeks looked back for the latest digest (a six-week summer holiday without digests, and a little more). */
const WEEKS_BACK = 8;
export const DIGEST_SHOW_VERB = 'digest.show';

export const digestHomeSection: HomeProvider = {
  id: 'digest',
  async sections({ actor, deps, now }) {
    if (!actor.roles.some((r) => r.role === 'trust-leader' || r.role === 'send-leader')) return [];
    const thisWeek = mondayOf(londonDate(now));
    for (let back = 0; back < WEEKS_BACK; back++) {
      const weekOf = addDays(thisWeek, -7 * back);
      const row = await deps.outbox.get(`${DIGEST_KIND}:${actor.trustId}:${weekOf}:${actor.personId}`);
      if (!row?.sentAt) continue;
      return [
        {
          order: 60,
          needsYou: false,
          blocks: [
            { type: 'heading', text: t('home.digest.heading') },
            { type: 'text', text: t('home.digest.sent', { when: formatInstant(row.sentAt) }) },
            { type: 'buttons', buttons: [{ label: t('home.digest.see'), verb: DIGEST_SHOW_VERB, data: { w: weekOf } }] },
          ],
        },
      ];
    }
    return [];
  },
};
