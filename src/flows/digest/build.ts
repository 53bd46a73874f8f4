/**
 * One trust's digest, on schedule or on demand: ask every registered section provider, compose
 * the neutral view, render the neutral message with the subscribe button, and for Slack (which
 * draws no charts) attach each chart as a PNG. Who gets it by default and who reads what is here.
 */
import { renderChartPng } from '../../charts/chart-png';
import type { DigestAudience, DigestContribution, DigestView } from '../../core/digest/model';
import { outboundFile, type Block, type OutboundFile, type OutboundMessage } from '../../core/message';
import type { Person, Platform, RoleGrant } from '../../core/model';
import { composeDigest } from '../../digest/weekly/compose-digest';
import { DIGEST_VERBS, digestMessage } from '../../digest/weekly/digest-message';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import type { DigestSectionProvider } from './section-provider';

export const SUBSCRIBE_VERBS = { subscribe: 'digest.subscribe', unsubscribe: 'digest.unsubscribe' } as const;

/** What a person reads: SEND leaders everything their role allows, trust leaders school-level figures. Null: no digest. */
export function audienceOf(roles: readonly RoleGrant[]): DigestAudience | null {
  if (roles.some((r) => r.role === 'send-leader')) return 'send-leader';
  if (roles.some((r) => r.role === 'trust-leader')) return 'trust-leader';
  return null;
}

/**
 * Trust leaders get the weekly digest unless they unsubscribe (it is written for them); SEND
 * leaders already get each round's summary, so they opt in. A person's own choice wins.
 */
export function isSubscribed(person: Pick<Person, 'id' | 'roles'>, choices: ReadonlyMap<string, boolean>): boolean {
  const choice = choices.get(person.id);
  if (choice !== undefined) return choice && audienceOf(person.roles) !== null;
  return person.roles.some((r) => r.role === 'trust-leader');
}

export async function buildDigestView(
  deps: FlowDeps,
  providers: readonly DigestSectionProvider[],
  input: { trustId: string; weekOf: string; audience: DigestAudience; record: boolean },
): Promise<DigestView> {
  const trust = await deps.roster.repo.getTrust(input.trustId);
  const contributions: DigestContribution[] = [];
  for (const provider of providers) {
    try {
      contributions.push(await provider.contribute(deps, input));
    } catch (error) {
      // One feature's broken section must not stop the digest: leave it out and say so in the log.
      deps.logger.error('digest section failed: left out', {
        section: provider.id,
        trustId: input.trustId,
        error: (error as Error).message,
      });
    }
  }
  return composeDigest(trust?.name ?? '', input.weekOf, contributions);
}

/** Each chart of the digest as a PNG file (Slack, and beside the document). */
export function chartFiles(view: DigestView): OutboundFile[] {
  return view.sections.flatMap((s) =>
    s.chart ? [outboundFile(t('digest.chart.name', { chart: s.chart.id, date: view.weekOf }), 'image/png', renderChartPng(s.chart))] : [],
  );
}

/** The digest as this person gets it: the one-tap subscribe or unsubscribe button, and charts as PNGs on Slack. */
export function digestFor(view: DigestView, platform: Platform, subscribed: boolean): OutboundMessage {
  const message = digestMessage(view);
  const toggle = subscribed
    ? { label: t('digest.button.unsubscribe'), verb: SUBSCRIBE_VERBS.unsubscribe, data: {} }
    : { label: t('digest.button.subscribe'), verb: SUBSCRIBE_VERBS.subscribe, data: {} };
  // Teams shows at most 5 actions in a row: the schools in one, the document and the subscription in the next.
  const blocks: Block[] = message.blocks.flatMap((b): Block[] => {
    if (b.type !== 'buttons') return [b];
    const schools = b.buttons.filter((x) => x.verb === DIGEST_VERBS.school);
    const rest = b.buttons.filter((x) => x.verb !== DIGEST_VERBS.school);
    return [...(schools.length > 0 ? [{ ...b, buttons: schools }] : []), { type: 'buttons', buttons: [...rest, toggle] }];
  });
  const files = platform === 'slack' ? chartFiles(view) : [];
  return { ...message, blocks, ...(files.length > 0 ? { files } : {}) };
}
