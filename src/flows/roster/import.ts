import { MAX_CSV_BYTES } from '../../core/csv/decode-upload';
import { textMessage, type OutboundMessage } from '../../core/message';
import { applyImport, previewImport, type Importer } from '../../core/roster/import-roster';
import { linkByDirectory } from '../../core/roster/link-directory';
import { t } from '../../i18n/en-GB';
import type { ActionHandler, Command, HandlerContext, Reply, UploadHandler } from '../registry';
import { LEADERS, PLATFORM_LABELS, roster, say, trustId, value } from '../shared/common';
import { appliedText, previewMessages } from './import-views';

function howTo(): OutboundMessage {
  return {
    summary: t('import.title'),
    blocks: [
      { type: 'heading', text: t('import.title') },
      { type: 'text', text: t('import.howto') },
      { type: 'text', text: t('import.columns') },
      { type: 'text', text: t('import.example'), muted: true },
    ],
  };
}

export const importCommand: Command = {
  id: 'import',
  aliases: ['upload'],
  summary: 'Import schools and people from a CSV file (preview first)',
  examples: ['import'],
  audience: LEADERS,
  dataRule: 'own trust; all or nothing, after a preview',
  run: async () => [howTo()],
};

export const importHelp: ActionHandler = { verb: 'import.help', audience: LEADERS, run: async () => [howTo()] };

function importer(ctx: HandlerContext): Importer {
  return { trustId: trustId(ctx), personId: ctx.actor.personId, source: 'chat' };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A CSV uploaded in chat: refused over 5 MB before downloading, else previewed. */
export const csvUpload: UploadHandler = {
  id: 'import',
  audience: LEADERS,
  dataRule: 'own trust',
  async run(ctx, file) {
    if (file.size !== null && file.size > MAX_CSV_BYTES) return say('import.tooLarge', { size: megabytes(file.size) });
    let bytes: Uint8Array | 'too-large';
    try {
      bytes = await file.download(MAX_CSV_BYTES);
    } catch (error) {
      ctx.deps.logger.warn('file download failed', { platform: ctx.actor.platform, error: String((error as Error)?.message ?? error) });
      return say('import.downloadFailed', { platform: PLATFORM_LABELS[ctx.actor.platform] });
    }
    if (bytes === 'too-large') return say('import.tooLarge', { size: `> ${megabytes(MAX_CSV_BYTES)}` });
    return previewMessages(await previewImport(roster(ctx), importer(ctx), file.name, bytes));
  },
};

export const importActions: ActionHandler[] = [
  {
    verb: 'import.apply',
    audience: LEADERS,
    dataRule: 'imports of own trust only',
    async run(ctx, data): Promise<Reply> {
      const services = roster(ctx);
      const result = await applyImport(services, importer(ctx), value(data, 'importId'));
      if (!result.ok) {
        if (result.error === 'changed' && result.preview) return [...say('import.changed'), ...previewMessages(result.preview)];
        if (result.error === 'already-done') return say('import.done');
        if (result.error === 'conflict') return say('conflict');
        return say('notFound.item');
      }
      const linked = await linkByDirectory({ ...services, logger: ctx.deps.logger }, trustId(ctx), result.value.personIds);
      const reply: Reply = [textMessage(appliedText(result.value.counts))];
      if (linked.looked > 0) reply.push(...say('reach.lookup', { looked: linked.looked, linked: linked.linked }));
      return reply;
    },
  },
  {
    verb: 'import.cancel',
    audience: LEADERS,
    dataRule: 'imports of own trust only',
    async run(ctx, data) {
      const cancelled = await roster(ctx).imports.cancel(trustId(ctx), value(data, 'importId'));
      return say(cancelled ? 'import.cancelled' : 'import.done');
    },
  },
];
