import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { FileShelf } from '../../src/core/files-port';
import { fileBytes } from '../../src/core/message';
import type { Logger } from '../../src/core/ports';
import { ownText, t } from '../../src/i18n/en-GB';
import { FILE_INFO_CARD, untilText } from './files';

interface ConsentResponse {
  context?: { fileId?: string };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

/**
 * Answers `fileConsent/invoke` (the person pressed Allow or Decline on a file consent card).
 * Accept: PUT the kept bytes to the OneDrive upload URL Teams gave, then send a file info
 * card. Decline (or an upload that fails): a signed download link instead. teams-ai answers
 * the invoke with 200 once this returns; nothing here throws, so never a 5xx.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4
 */
export function handleFileConsent(app: Application<TurnState>, shelf: FileShelf, logger: Logger): void {
  app.fileConsentAccept(async (context, _state, response) => {
    const consent = response as ConsentResponse;
    const file = await shelf.fetch(String(consent.context?.fileId ?? '')).catch(() => null);
    const upload = consent.uploadInfo;
    if (!file || !upload?.uploadUrl) {
      await context.sendActivity(t('file.gone'));
      return;
    }
    const bytes = fileBytes(file);
    try {
      const put = await fetch(upload.uploadUrl, {
        method: 'PUT',
        headers: { 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
        body: bytes,
      });
      if (!put.ok) throw new Error(`upload answered HTTP ${put.status}`);
    } catch (error) {
      logger.warn('teams file upload failed: sending a link instead', { error: String(error) });
      await sendLink(context, shelf, file, logger);
      return;
    }
    await context.sendActivity({
      type: 'message',
      attachments: [
        {
          contentType: FILE_INFO_CARD,
          contentUrl: upload.contentUrl,
          name: upload.name ?? file.name,
          content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? file.name.split('.').pop() },
        },
      ],
    });
  });
  app.fileConsentDecline(async (context, _state, response) => {
    const consent = response as ConsentResponse;
    const file = await shelf.fetch(String(consent.context?.fileId ?? '')).catch(() => null);
    if (!file) await context.sendActivity(t('file.gone'));
    else await sendLink(context, shelf, file, logger);
  });
}

async function sendLink(context: TurnContext, shelf: FileShelf, file: Parameters<FileShelf['keep']>[0], logger: Logger): Promise<void> {
  try {
    const kept = await shelf.keep(file);
    await context.sendActivity({
      type: 'message',
      textFormat: 'markdown',
      text: t('file.declined', { name: file.name, url: ownText(kept.url), until: untilText(kept.expiresAt) }),
    });
  } catch (error) {
    logger.error('teams file link failed', { error: String(error) });
  }
}
