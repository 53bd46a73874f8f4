import type { Activity, Attachment } from 'botbuilder';
import type { ConversationAddress } from '../../src/core/events';
import type { FileShelf } from '../../src/core/files-port';
import { fileBytes, type OutboundMessage } from '../../src/core/message';
import { formatDate, londonDate } from '../../src/core/dates';
import { ownText, t } from '../../src/i18n/en-GB';
import { isPersonalChat } from './addressing';
import { renderTeamsMessage } from './render-card';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/**
 * A neutral message as a Teams activity, its files included: in a personal chat one file
 * consent card each (the file waits on the shelf until the person accepts, see
 * ./file-consent.ts); elsewhere (channels, group chats) signed download links under the message.
 */
export async function renderWithFile(
  message: OutboundMessage,
  address: ConversationAddress,
  shelf: FileShelf | null,
): Promise<Partial<Activity>> {
  const { files = [], ...rest } = message;
  if (files.length === 0 || !shelf) return renderTeamsMessage(rest);
  const kept = await Promise.all(files.map(async (file) => ({ file, ...(await shelf.keep(file)) })));
  if (!isPersonalChat(address)) {
    const links = kept.map((k) => t('file.link', { name: k.file.name, url: ownText(k.url), until: untilText(k.expiresAt) }));
    return renderTeamsMessage({ ...rest, blocks: [...rest.blocks, ...links.map((text) => ({ type: 'text' as const, text }))] });
  }
  const activity = renderTeamsMessage(rest);
  const consents: Attachment[] = kept.map(({ file, id }) => ({
    contentType: FILE_CONSENT_CARD,
    name: file.name,
    content: {
      description: t('file.consent', { name: file.name }),
      sizeInBytes: fileBytes(file).length,
      acceptContext: { fileId: id },
      declineContext: { fileId: id },
    },
  }));
  const attachments = (activity.attachments as Attachment[] | undefined) ?? [];
  return { ...activity, attachments: [...attachments, ...consents] };
}

/** "1 December 2026, 09:30" in London time. */
export function untilText(at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${formatDate(londonDate(at))}, ${time}`;
}
