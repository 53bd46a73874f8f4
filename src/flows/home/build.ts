/**
 * Builds a person's Home from every feature's sections: what needs them first (by order), then
 * what is going on, then Refresh and All commands. Pure apart from the providers it calls; a
 * provider that fails is logged and left out, so one feature's fault never blanks Home.
 */
import { describeError } from '../../core/describe-error';
import type { Block, OutboundMessage } from '../../core/message';
import type { Actor } from '../../core/model';
import { t } from '../../i18n/en-GB';
import type { FlowDeps } from '../deps';
import type { HomeProvider, HomeSection } from './section';

/** Neutral blocks Home shows at most: Slack's Home view takes 100 Block Kit blocks, and a table or form renders as several. */
export const MAX_HOME_BLOCKS = 60;

export const HOME_VERB = 'home.show';
export const HELP_VERB = 'home.help';

async function collect(actor: Actor & { personId: string; trustId: string }, deps: FlowDeps, providers: readonly HomeProvider[]) {
  const now = deps.clock.now();
  const sections: HomeSection[] = [];
  for (const provider of providers) {
    try {
      sections.push(...(await provider.sections({ actor, deps, now })));
    } catch (error) {
      deps.logger.error('home section failed', { section: provider.id, error: describeError(error) });
    }
  }
  return sections;
}

function ordered(sections: HomeSection[]): HomeSection[] {
  return [...sections].sort((a, b) => a.order - b.order);
}

/** Keeps whole sections while they fit, then says where the rest is. */
function fitted(head: Block[], sections: HomeSection[], tail: Block[]): Block[] {
  const blocks = [...head];
  for (const section of sections) {
    if (blocks.length + section.blocks.length + tail.length + 1 > MAX_HOME_BLOCKS) {
      blocks.push({ type: 'text', text: t('home.cut', { command: 'help' }), muted: true });
      break;
    }
    blocks.push(...section.blocks);
  }
  return [...blocks, ...tail];
}

export async function buildHome(actor: Actor, deps: FlowDeps, providers: readonly HomeProvider[]): Promise<OutboundMessage> {
  if (actor.personId === null || actor.trustId === null) {
    return { summary: t('home.unlinked'), blocks: [{ type: 'text', text: t('home.unlinked') }] };
  }
  const sections = await collect({ ...actor, personId: actor.personId, trustId: actor.trustId }, deps, providers);
  const needs = ordered(sections.filter((s) => s.needsYou));
  const rest = ordered(sections.filter((s) => !s.needsYou));
  const head: Block[] = [{ type: 'heading', text: t('home.title') }];
  if (needs.length === 0) head.push({ type: 'text', text: t('home.nothing') });
  const middle: HomeSection[] = [...needs];
  if (rest.length > 0) middle.push({ order: 0, needsYou: false, blocks: [{ type: 'heading', text: t('home.alsoOn') }] }, ...rest);
  const tail: Block[] = [
    {
      type: 'buttons',
      buttons: [
        { label: t('home.refresh'), verb: HOME_VERB },
        { label: t('home.help'), verb: HELP_VERB },
      ],
    },
  ];
  const summary = needs.length === 0 ? t('home.nothing') : `${t('home.needsYou')}: ${needs.length}`;
  return { summary, blocks: fitted(head, middle, tail) };
}
