import type { Activity, Attachment } from 'botbuilder';
import type { ConversationAddress } from '../../src/core/events';
import type { FileShelf } from '../../src/core/files-port';
import { fileBytes, type OutboundMessage } from '../../src/core/message';
import { formatDate, londonDate } from '../../src/core/dates';
import { t } from '../../src/i18n/en-GB';
import { isPersonalChat } from './addressing';
import { renderTeamsMessage } from './render-card';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/**
 * A neutral message as a Teams activity, its file included: in a personal chat a file consent
 * card (the file waits on the shelf until the person accepts, see ./file-consent.ts);
 * elsewhere (channels, group chats) a signed download link under the message.
 */
export async function renderWithFile(
  message: OutboundMessage,
  address: ConversationAddress,
  shelf: FileShelf | null,
): Promise<Partial<Activity>> {
  const { file, ...rest } = message;
  if (!file || !shelf) return renderTeamsMessage(rest);
  const kept = await shelf.keep(file);
  if (!isPersonalChat(address)) {
    const link = t('file.link', { name: file.name, url: kept.url, until: untilText(kept.expiresAt) });
    return renderTeamsMessage({ ...rest, blocks: [...rest.blocks, { type: 'text', text: link }] });
  }
  const activity = renderTeamsMessage(rest);
  const consent: Attachment = {
    contentType: FILE_CONSENT_CARD,
    name: file.name,
    content: {
      description: t('file.consent', { name: file.name }),
      sizeInBytes: fileBytes(file).length,
      acceptContext: { fileId: kept.id },
      declineContext: { fileId: kept.id },
    },
  };
  const attachments = (activity.attachments as Attachment[] | undefined) ?? [];
  return { ...activity, attachments: [...attachments, consent] };
}

/** "1 December 2026, 09:30" in London time. */
export function untilText(at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${formatDate(londonDate(at))}, ${time}`;
}
