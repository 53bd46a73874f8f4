/** What recipients and senders see: the bulletin card, its acknowledged and recalled forms, the sender's progress. */
import { bodyBlocks, type Bulletin } from '../../core/bulletin';
import type { Block, OutboundMessage } from '../../core/message';
import { verbatim } from '../../core/verbatim';
import { AREA_LABELS, bulletinText as T } from '../../i18n/bulletins';

/**
 * The card a recipient gets (and the sender previews): the same content on both platforms.
 * `withFiles`: the attached documents go with it as files (Slack: uploaded into the chat;
 * Teams: a file card) — on the first copy and a resend, not on reminders or in-place updates.
 */
export function bulletinCard(b: Bulletin, senderName: string, ackedOn: string | null, lead?: string, withFiles = false): OutboundMessage {
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: 'text', text: lead });
  blocks.push({ type: 'heading', text: verbatim(b.title) }, ...bodyBlocks(b.body));
  if (b.files.length > 0) blocks.push({ type: 'text', text: T.attached(b.files.map((f) => verbatim(f.name)).join(', ')) });
  blocks.push({ type: 'text', text: T.from(verbatim(senderName), b.area ? (AREA_LABELS[b.area] ?? null) : null), muted: true });
  if (b.version > 1) blocks.push({ type: 'text', text: T.edited, muted: true });
  if (b.ackRequired) {
    if (ackedOn) blocks.push({ type: 'text', text: T.acked(ackedOn) });
    else {
      blocks.push({ type: 'text', text: T.ackAsk });
      blocks.push({ type: 'buttons', buttons: [{ label: T.ackButton, verb: 'bulletin.ack', data: { id: b.id }, style: 'primary' }] });
    }
  }
  return { summary: b.title, blocks, ...(withFiles && b.files.length > 0 ? { files: b.files } : {}) };
}

/** What replaces a recipient's copy of a recalled bulletin where the platform will not delete it. */
export function recalledCard(b: Bulletin): OutboundMessage {
  const line = T.recalled(verbatim(b.title));
  return { summary: line, blocks: [{ type: 'text', text: line, muted: true }] };
}

export function senderButtons(b: Bulletin): Block {
  const data = { id: b.id };
  return {
    type: 'buttons',
    buttons: [
      { label: T.statusButton, verb: 'bulletin.status', data },
      { label: T.recipientsButton, verb: 'bulletin.recipients', data: { ...data, offset: '0' } },
      ...(b.ackRequired && b.audience.kind !== 'channel' ? [{ label: T.remindButton, verb: 'bulletin.remind.ask', data }] : []),
      { label: T.editButton, verb: 'bulletin.edit.form', data },
      { label: T.recallButton, verb: 'bulletin.recall.ask', data, style: 'danger' as const },
    ],
  };
}

/** The sender's progress card, updated in place while the bulletin goes out. */
export function progressCard(b: Bulletin, figures: { sent: number; total: number; acked: number; uncertain: number }): OutboundMessage {
  const line = T.progress(verbatim(b.title), figures.sent, figures.total);
  const blocks: Block[] = [{ type: 'text', text: `**${line}**` }];
  if (b.ackRequired)
    blocks.push({
      type: 'text',
      text: b.audience.kind === 'channel' ? T.progressChannelAcks(figures.acked) : T.progressAcks(figures.acked, figures.total),
    });
  if (figures.uncertain > 0) blocks.push({ type: 'text', text: T.progressUncertain(figures.uncertain) });
  if (!b.recalledAt) blocks.push(senderButtons(b));
  return { summary: line, blocks };
}
