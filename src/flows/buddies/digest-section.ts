/**
 * Buddying's part of the weekly digest: current pairs, the waiting list, pairs that have not
 * met and the latest lines of feedback. A SEND leader's digest names people; a trust leader's
 * carries figures only (names and feedback are people's own words about their schools).
 */
import type { BuddyPair, BuddyRequest } from '../../core/buddies-port';
import type { DigestAudience, DigestSection } from '../../core/digest/model';
import { addDays } from '../../calendar/local-date';
import { localDateOf } from '../../calendar/london-time';
import { t } from '../../i18n/en-GB';
import type { DigestSectionProvider } from '../digest/section-provider';
import { buddies, trustPeople } from './common';

export interface BuddyDigestFacts {
  current: Array<{ mentee: string; buddy: string; met: boolean }>;
  waiting: string[];
  proposed: number;
  feedback: Array<{ name: string; line: string }>;
}

/** How long an ended pair's feedback stays in the digest. */
const FEEDBACK_WEEKS = 4;

/** Pure: facts -> the section, or null when buddying has nothing to report. */
export function buddyDigestSection(f: BuddyDigestFacts, audience: DigestAudience): DigestSection | null {
  if (!f.current.length && !f.waiting.length && !f.proposed && !f.feedback.length) return null;
  const notMet = f.current.filter((p) => !p.met);
  const headline = t('digest.buddies.headline', { pairs: f.current.length, waiting: f.waiting.length });
  const lines: string[] = [];
  if (audience === 'send-leader') {
    lines.push(...notMet.map((p) => t('digest.buddies.notMet', { mentee: p.mentee, buddy: p.buddy })));
    if (f.proposed) lines.push(t('digest.buddies.proposed', { count: f.proposed }));
    if (f.waiting.length) lines.push(t('digest.buddies.waiting', { names: f.waiting.join(', ') }));
    lines.push(...f.feedback.map((x) => t('digest.buddies.feedback', { name: x.name, line: x.line })));
  } else {
    if (notMet.length) lines.push(t('digest.buddies.notMetCount', { count: notMet.length }));
    if (f.proposed) lines.push(t('digest.buddies.proposed', { count: f.proposed }));
    if (f.feedback.length) lines.push(t('digest.buddies.feedbackCount', { count: f.feedback.length }));
  }
  return { id: 'buddies', title: t('digest.buddies.title'), headline, lines };
}

export function digestFacts(
  pairs: readonly BuddyPair[],
  waiting: readonly BuddyRequest[],
  name: (id: string) => string,
  since: string,
): BuddyDigestFacts {
  const active = pairs.filter((p) => p.status === 'active');
  const recent = pairs.filter((p) => p.status === 'active' || (p.status === 'ended' && p.endedAt && localDateOf(p.endedAt) >= since));
  return {
    current: active.map((p) => ({ mentee: name(p.menteeId), buddy: name(p.buddyId), met: p.metAt !== null })),
    // A request with a proposal waiting for approval is counted there, not as waiting.
    waiting: waiting.filter((r) => !pairs.some((p) => p.status === 'proposed' && p.requestId === r.id)).map((r) => name(r.personId)),
    proposed: pairs.filter((p) => p.status === 'proposed').length,
    feedback: recent.flatMap((p) => [
      ...(p.menteeFeedback ? [{ name: name(p.menteeId), line: p.menteeFeedback }] : []),
      ...(p.buddyFeedback ? [{ name: name(p.buddyId), line: p.buddyFeedback }] : []),
    ]),
  };
}

export const buddiesDigestProvider: DigestSectionProvider = {
  id: 'buddies',
  async contribute(deps, { trustId, weekOf, audience }) {
    const repo = buddies(deps).repo;
    const [pairs, waiting] = await Promise.all([repo.pairs(trustId, ['proposed', 'active', 'ended']), repo.openRequests(trustId)]);
    const names = await trustPeople(deps, trustId);
    const facts = digestFacts(pairs, waiting, names.name, addDays(weekOf, -7 * FEEDBACK_WEEKS));
    return { section: buddyDigestSection(facts, audience), lookAt: [] };
  },
};
