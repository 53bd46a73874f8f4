import type { CampaignProgress } from '../../core/campaign';
import { t } from '../../i18n/en-GB';

/** Lines that show at most this many people by name; the rest are counted. */
const SHOWN = 15;

/**
 * Who could not be reached and why, with what to do about it, for a leader's status card.
 * Empty when everyone asked can be messaged.
 */
export function unreachedLines(progress: Pick<CampaignProgress, 'unreached'>): string[] {
  const { unreached } = progress;
  if (unreached.length === 0) return [];
  const lines = [t('campaign.unreached.title', { count: unreached.length })];
  for (const u of unreached.slice(0, SHOWN)) lines.push(`• ${t(`campaign.unreached.${u.reason}`, { name: u.name, unit: u.unit })}`);
  if (unreached.length > SHOWN) lines.push(t('campaign.unreached.more', { count: unreached.length - SHOWN }));
  lines.push(t('campaign.unreached.remedy'));
  return lines;
}
