/**
 * Bulletins on Home: the bulletins waiting for this person's acknowledgement (they owe it, with
 * an Acknowledge button on the newest), and for a sender, how their last bulletin is doing.
 * Two or three queries per person; no per-recipient loops.
 */
import { formatDate, londonDate } from '../../core/dates';
import type { Block } from '../../core/message';
import { verbatim } from '../../core/verbatim';
import { bulletinText as T } from '../../i18n/bulletins';
import type { HomeInput, HomeProvider, HomeSection } from '../home/section';
import { bulletinAudience } from './campaign';

const ORDER = 50;
/** Shown on Home at most; the rest are in `bulletins`. */
const SHOWN = 3;

async function waiting({ actor, deps }: HomeInput): Promise<HomeSection[]> {
  const list = await deps.bulletins.repo.awaitingAck(actor.trustId, actor.personId, SHOWN + 1);
  if (list.length === 0) return [];
  const blocks: Block[] = [
    { type: 'heading', text: T.homeWaitingHeading(list.length > SHOWN ? `${SHOWN}+` : String(list.length)) },
    {
      type: 'text',
      text: list
        .slice(0, SHOWN)
        .map((b) => `- ${T.homeWaitingLine(verbatim(b.title), formatDate(londonDate(b.opensAt)))}`)
        .join('\n'),
    },
    // One row of buttons on Home: acknowledge the newest here; the others from their cards or `bulletins`.
    { type: 'buttons', buttons: [{ label: T.homeAckButton, verb: 'bulletin.ack', data: { id: list[0]!.id }, style: 'primary' }] },
  ];
  return [{ order: ORDER, needsYou: true, blocks }];
}

async function sent({ actor, deps }: HomeInput): Promise<HomeSection[]> {
  const last = await deps.bulletins.repo.lastSentBy(actor.trustId, actor.personId);
  if (!last) return [];
  const lines = [T.homeLastSent(verbatim(last.title), formatDate(londonDate(last.opensAt)))];
  if (last.ackRequired) {
    const [{ units }, acks] = await Promise.all([bulletinAudience(deps, last), deps.bulletins.repo.acknowledgedBy(last.id)]);
    lines.push(last.audience.kind === 'channel' ? T.progressChannelAcks(acks.size) : T.progressAcks(acks.size, units.length));
  }
  return [
    {
      order: ORDER + 1,
      needsYou: false,
      blocks: [
        { type: 'heading', text: T.homeSentHeading },
        { type: 'text', text: lines.join('\n') },
        { type: 'buttons', buttons: [{ label: T.statusButton, verb: 'bulletin.status', data: { id: last.id } }] },
      ],
    },
  ];
}

export const bulletinHomeSection: HomeProvider = {
  id: 'bulletins',
  sections: async (input) => [...(await waiting(input)), ...(await sent(input))],
};
