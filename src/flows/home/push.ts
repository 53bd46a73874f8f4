/**
 * Push refresh: when something changes for a person because of someone else (a leader opens a
 * round, sends a bulletin or an invitation; a SENCO answers and the leader's counts move), their
 * Home follows without them pressing anything. Generic, not per feature:
 *
 * - the outbox already records who was queued a message or an edit and when (`recipients`);
 * - every event from a person on a roster marks their trust as changed (`touchTrust`), which
 *   stands for the counts its SEND leaders and administrators see;
 * - this due-work source runs once per minute that had changes ("debounced": a person is
 *   refreshed at most once a minute, however much changed) and re-renders those people's Homes:
 *   Slack re-publishes the App Home tab of people who opened it at least once (`HomeTab`), Teams
 *   edits the person's home card in place if they have one.
 *
 * Its own rows start with `home:` and are left out of what it reads, so it never feeds on itself.
 */
import { londonDate } from '../../core/dates';
import { occurrenceKey, type DueOccurrence, type DueWorkSource } from '../../core/due-work-port';
import type { Actor, Platform } from '../../core/model';
import { approversOf } from '../../core/roster/leaders';
import type { FlowDeps } from '../deps';
import type { Registry } from '../registry';
import { buildHome } from './build';
import { homeCardState } from './card-state';
import './deps';

/** Every outbox row Home queues has a key starting with this (home cards, their edits, tab publishes). */
export const HOME_KEY_PREFIX = 'home:';
export const HOME_REFRESH_KIND = 'home-refresh';
const MINUTE = 60_000;
/** Minutes a tick looks back for changes not yet pushed (covers a restart). */
const LOOKBACK_MS = 10 * MINUTE;

interface Changed {
  personId: string;
  trustId: string;
}

/** The end of the minute an instant falls in (an instant on the minute belongs to the minute it ends). */
export function minuteEnd(at: Date): number {
  return Math.ceil(at.getTime() / MINUTE) * MINUTE;
}

/** Who changed in (from, upTo], by the minute their refresh is due at. */
async function changesByMinute(deps: FlowDeps, from: Date, upTo: Date): Promise<Map<number, Changed[]>> {
  const since = new Date(from.getTime() - MINUTE);
  const byMinute = new Map<number, Changed[]>();
  const add = (at: Date, people: Changed[]) => {
    const end = minuteEnd(at);
    if (end <= from.getTime() || end > upTo.getTime()) return;
    byMinute.set(end, [...(byMinute.get(end) ?? []), ...people]);
  };
  for (const r of await deps.outbox.recipients(since, upTo, HOME_KEY_PREFIX)) {
    if (r.trustId) add(r.at, [{ personId: r.personId, trustId: r.trustId }]);
  }
  for (const { trustId, at } of await deps.home.store.touchedTrusts(since, upTo)) {
    const leaders = approversOf(await deps.roster.repo.listPeople(trustId));
    add(
      at,
      leaders.map((p) => ({ personId: p.id, trustId })),
    );
  }
  return byMinute;
}

/** The person's Home as a platform shows it, or null when they are no longer on the roster. */
async function homeAs(deps: FlowDeps, registry: Registry, who: Changed, platform: Platform) {
  const person = await deps.roster.repo.getPerson(who.trustId, who.personId);
  if (!person || person.archived || person.erased) return null;
  const actor: Actor = {
    platform,
    tenantId: '',
    userId: '',
    displayName: person.name,
    personId: person.id,
    trustId: person.trustId,
    roles: person.roles,
  };
  return buildHome(actor, deps, registry.homeSections());
}

/**
 * Re-renders these people's Homes where they have one: their opened Slack tab (published
 * again) and their Teams home card (edited in place). `stamp` makes the keys of one refresh.
 */
export async function refreshHomes(deps: FlowDeps, registry: Registry, people: readonly Changed[], stamp: string): Promise<number> {
  const unique = [...new Map(people.map((p) => [p.personId, p])).values()];
  const tabs = await deps.home.store.tabsOf(unique.map((p) => p.personId));
  let refreshed = 0;
  for (const who of unique) {
    for (const tab of tabs.filter((x) => x.personId === who.personId)) {
      const content = await homeAs(deps, registry, who, tab.platform);
      if (!content) continue;
      const key = `${HOME_KEY_PREFIX}${who.personId}:tab:${tab.platform}:${stamp}`;
      await deps.outbox.enqueue([
        { key, trustId: who.trustId, personId: who.personId, platform: tab.platform, target: tab.target, content },
      ]);
      refreshed += 1;
    }
    const card = await deps.state.get(homeCardState(who.personId));
    const of = typeof card?.data.key === 'string' ? card.data.key : null;
    if (!of) continue;
    const content = await homeAs(deps, registry, who, 'teams');
    if (!content) continue;
    await deps.outbox.edit([{ key: `${of}:push:${stamp}`, of, op: 'update', content }]);
    refreshed += 1;
  }
  return refreshed;
}

/** The scheduler's source: one occurrence per minute that had changes, claimed once across replicas. */
export function homeRefreshSource(deps: FlowDeps, registry: Registry): DueWorkSource {
  return {
    kind: HOME_REFRESH_KIND,
    // A late refresh still shows the current Home, but after a long outage the next change will do.
    catchUp: { policy: 'drop-stale', staleAfterMs: LOOKBACK_MS },
    lookbackMs: LOOKBACK_MS,
    async due(from, upTo): Promise<DueOccurrence[]> {
      const byMinute = await changesByMinute(deps, from, upTo);
      return [...byMinute].map(([end, people]) => ({
        key: occurrenceKey(HOME_REFRESH_KIND, [String(end / MINUTE)], londonDate(new Date(end))),
        dueAt: new Date(end),
        run: async () => `refreshed ${await refreshHomes(deps, registry, people, String(end / MINUTE))}`,
      }));
    },
  };
}
