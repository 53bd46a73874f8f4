/**
 * The bulletins section of the weekly digest: bulletins sent in the digest's week (Monday to
 * Sunday, London), their acknowledgement rate, and the rate by school, lowest first.
 */
import { addDays, toInstant } from '../../calendar';
import { bulletinDigest, type BulletinWeekFacts } from '../../core/bulletin-digest';
import { verbatim } from '../../core/verbatim';
import { bulletinDigestText } from '../../i18n/bulletins';
import type { DigestSectionProvider } from '../digest/section-provider';
import { bulletinAudience } from './campaign';

export const bulletinDigestSection: DigestSectionProvider = {
  id: 'bulletins',
  async contribute(deps, { trustId, weekOf }) {
    const from = toInstant(weekOf, '00:00');
    const to = toInstant(addDays(weekOf, 7), '00:00');
    const sent = await deps.bulletins.repo.sentBetween(trustId, from, to);
    if (sent.length === 0) return { section: null, lookAt: [] };
    const schoolOf = new Map((await deps.roster.repo.listPeople(trustId, { includeArchived: true })).map((p) => [p.id, p.schoolId]));
    const week: BulletinWeekFacts[] = [];
    for (const b of sent) {
      const [{ units }, acks] = await Promise.all([bulletinAudience(deps, b), deps.bulletins.repo.acknowledgedBy(b.id)]);
      week.push({
        title: b.title,
        ackRequired: b.ackRequired,
        recipients: units.map((u) => ({ schoolId: schoolOf.get(u.id) ?? null, school: u.label, acked: acks.has(u.id) })),
      });
    }
    // School names are the roster's (people's text): escaped in the lines; look-at names stay raw, as every section's.
    return bulletinDigest(week, {
      ...bulletinDigestText,
      schoolLine: (school, ...rest) => bulletinDigestText.schoolLine(verbatim(school), ...rest),
    });
  },
};
