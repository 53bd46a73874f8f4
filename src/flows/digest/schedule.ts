/**
 * The weekly send: one occurrence per trust and week at the trust's day and time (Mondays at
 * 08:00 London by default). It records the week's figures (next week's "up 3 on last week"),
 * then, unless the whole week is a school holiday and the trust did not ask for holiday
 * digests, queues the digest to each subscriber under `digest-weekly:<trust>:<week>:<person>`,
 * so a rerun, a second replica or a late catch-up sends each person one digest a week.
 */
import {
  addDays,
  describeWeeklyRule,
  localDateRange,
  mondayOf,
  parseWeeklyRule,
  toInstant,
  weekdayOf,
  type WeeklyRule,
} from '../../calendar';
import type { DigestSettings } from '../../core/digest-port';
import type { DigestAudience, DigestView } from '../../core/digest/model';
import { londonDate } from '../../core/dates';
import { deliverToPeople, pickContact, type PersonDelivery } from '../../core/deliver-to-people';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import { audienceOf, buildDigestView, digestFor, isSubscribed } from './build';
import type { DigestSectionProvider } from './section-provider';
import '../checkin/deps';
import './deps';

export const DEFAULT_DIGEST: DigestSettings = { rule: 'Mondays at 08:00', holidays: false };
export const DIGEST_KIND = 'digest-weekly';
const HOUR = 60 * 60 * 1000;

export function digestRule(settings: DigestSettings): WeeklyRule {
  const parsed = parseWeeklyRule(settings.rule);
  if (parsed.ok && parsed.rule.weekdays.length === 1) return parsed.rule;
  const fallback = parseWeeklyRule(DEFAULT_DIGEST.rule);
  if (!fallback.ok) throw new Error('DEFAULT_DIGEST.rule does not parse');
  return fallback.rule;
}

/** "Mondays at 08:00, in term time" */
export function describeSchedule(settings: DigestSettings): string {
  return t('digest.when', {
    rule: describeWeeklyRule(digestRule(settings)),
    holidays: t(settings.holidays ? 'digest.when.holidays' : 'digest.when.termOnly'),
  });
}

/** True when the trust's calendar has no school day in the week (Monday to Friday) of `weekOf`. */
async function holidayWeek(deps: FlowDeps, trustId: string, weekOf: string): Promise<boolean> {
  const calendar = await deps.checkin.calendar(trustId, deps.clock.now());
  return !localDateRange(weekOf, addDays(weekOf, 4)).some((d) => calendar.isSchoolDay(d));
}

export async function sendWeeklyDigest(
  deps: FlowDeps,
  providers: readonly DigestSectionProvider[],
  trustId: string,
  date: string,
): Promise<string> {
  const weekOf = mondayOf(date);
  const settings = (await deps.digest.repo.settings(trustId)) ?? DEFAULT_DIGEST;
  // Built (and its figures recorded) every week, holidays included, so the change is always a week's.
  const views = new Map<DigestAudience, DigestView>();
  views.set('trust-leader', await buildDigestView(deps, providers, { trustId, weekOf, audience: 'trust-leader', record: true }));
  if (!settings.holidays && (await holidayWeek(deps, trustId, weekOf))) return 'holiday week: not sent';
  const [people, choices] = await Promise.all([deps.roster.repo.listPeople(trustId), deps.digest.repo.choices(trustId)]);
  const subscribers = people.filter((p) => !p.archived && !p.erased && isSubscribed(p, choices));
  if (subscribers.length === 0) return 'no subscribers';
  const contacts = await deps.roster.identities.contacts(
    trustId,
    subscribers.map((p) => p.id),
  );
  const deliveries: PersonDelivery[] = [];
  for (const person of subscribers) {
    const audience = audienceOf(person.roles);
    if (!audience) continue;
    let view = views.get(audience);
    if (!view) {
      view = await buildDigestView(deps, providers, { trustId, weekOf, audience, record: false });
      views.set(audience, view);
    }
    const platform = pickContact(person, contacts)?.platform ?? 'teams';
    deliveries.push({ person, key: `${DIGEST_KIND}:${trustId}:${weekOf}:${person.id}`, content: digestFor(view, platform, true) });
  }
  const sent = await deliverToPeople(deps.outbox, trustId, contacts, deliveries);
  return `sent ${sent.queued + sent.duplicates}, unreachable ${sent.unreachable}`;
}

/** The scheduler's source: each trust's digest time in the window, one occurrence per trust and week. */
export function digestDueWork(deps: FlowDeps, providers: () => readonly DigestSectionProvider[]): DueWorkSource {
  return {
    kind: DIGEST_KIND,
    // Late on Monday morning is still useful; by Tuesday next week's is nearer: drop it.
    catchUp: { policy: 'drop-stale', staleAfterMs: 12 * HOUR },
    lookbackMs: 24 * HOUR,
    due: async (from, upTo) => {
      const [trusts, stored] = await Promise.all([deps.roster.repo.listTrusts(), deps.digest.repo.allSettings()]);
      const out: DueOccurrence[] = [];
      const dates = localDateRange(londonDate(from), londonDate(upTo));
      for (const trust of trusts) {
        const rule = digestRule(stored.get(trust.id) ?? DEFAULT_DIGEST);
        for (const date of dates) {
          if (!rule.weekdays.includes(weekdayOf(date))) continue;
          const at = toInstant(date, rule.time);
          if (at <= from || at > upTo) continue;
          out.push({
            key: occurrenceKey(DIGEST_KIND, [trust.id], mondayOf(date)),
            dueAt: at,
            run: () => sendWeeklyDigest(deps, providers(), trust.id, date),
          });
        }
      }
      return out;
    },
  };
}
