/**
 * Documents attached to a bulletin while composing: "Attach a document" on the confirmation
 * card makes the sender's next upload (within 30 minutes) a document of that draft instead of
 * a roster import; it is stored with the draft and sent as a file with every copy (Slack:
 * uploaded into the chat; Teams: a file card). Every copy carries the bytes, so documents are
 * kept small (MAX_BULLETIN_FILE_BYTES) and longer ones are linked in the body.
 */
import { MAX_BULLETIN_FILE_BYTES, MAX_BULLETIN_FILES, type Bulletin } from '../../core/bulletin';
import type { InboundFile } from '../../core/events';
import { outboundFile, type OutboundMessage } from '../../core/message';
import { verbatim } from '../../core/verbatim';
import { bulletinText as T } from '../../i18n/bulletins';
import { isLinked, type LinkedContext } from '../linked';
import type { HandlerContext, Reply, UploadHandler } from '../registry';
import { bulletinCard } from './cards';
import { maySend } from './compose';
import { senderName } from './sending';

const WAIT_MS = 30 * 60_000;
const FLOW = 'bulletin-attach';
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const MAX_TEXT = `${MAX_BULLETIN_FILE_BYTES / 1024 / 1024} MB`;

const text = (message: string): OutboundMessage => ({ summary: message, blocks: [{ type: 'text', text: message }] });
const keyOf = (personId: string) => `${FLOW}:${personId}`;

async function draftOf(ctx: LinkedContext, id: string): Promise<Bulletin | Reply> {
  const b = await ctx.deps.bulletins.repo.get(ctx.actor.trustId, id);
  if (!b || b.createdBy !== ctx.actor.personId) return [text(T.notFound)];
  if (!b.draft) return [text(T.attachNotDraft)];
  if (b.files.length >= MAX_BULLETIN_FILES) return [text(T.attachTooMany(MAX_BULLETIN_FILES))];
  return b;
}

/** "Attach a document" on the confirmation card: the next upload goes to this draft. */
export async function attachAsk(ctx: LinkedContext, data: Record<string, string>): Promise<Reply> {
  if (!(await maySend(ctx))) return [text(T.notAllowed)];
  const b = await draftOf(ctx, (data.id ?? '').trim());
  if (Array.isArray(b)) return b;
  await ctx.deps.state.set(keyOf(ctx.actor.personId), { flow: FLOW, step: 'upload', data: { id: b.id } }, WAIT_MS);
  return [text(T.attachAsk(MAX_TEXT))];
}

export const documentUpload: UploadHandler = {
  id: 'bulletin.document',
  audience: ['send-leader', 'senco'],
  dataRule: 'only after "Attach a document" on their own draft, within 30 minutes',
  async wants(ctx) {
    return isLinked(ctx) && (await ctx.deps.state.get(keyOf(ctx.actor.personId)))?.flow === FLOW;
  },
  async run(ctx: HandlerContext, file: InboundFile): Promise<Reply> {
    if (!isLinked(ctx)) return [text(T.notAllowed)];
    const key = keyOf(ctx.actor.personId);
    const state = await ctx.deps.state.get(key);
    await ctx.deps.state.clear(key);
    if (!(await maySend(ctx))) return [text(T.notAllowed)];
    const b = await draftOf(ctx, String(state?.data.id ?? ''));
    if (Array.isArray(b)) return b;
    const type = TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) return [text(T.attachType)];
    if (file.size !== null && file.size > MAX_BULLETIN_FILE_BYTES) return [text(T.attachTooLarge(MAX_TEXT))];
    let bytes: Uint8Array | 'too-large';
    try {
      bytes = await file.download(MAX_BULLETIN_FILE_BYTES);
    } catch (error) {
      ctx.deps.logger.warn('bulletin document download failed', { error: String((error as Error)?.message ?? error) });
      return [text(T.attachFailed)];
    }
    if (bytes === 'too-large') return [text(T.attachTooLarge(MAX_TEXT))];
    const name = file.name.replace(/[\\/]/g, '_').slice(0, 120);
    if (!(await ctx.deps.bulletins.repo.attach(b.trustId, b.id, outboundFile(name, type, bytes)))) return [text(T.attachNotDraft)];
    const updated = (await ctx.deps.bulletins.repo.get(b.trustId, b.id))!;
    const later = updated.opensAt.getTime() > ctx.deps.clock.now().getTime();
    return [
      text(T.attachDone(verbatim(name), verbatim(b.title))),
      // The preview again, now with the file, exactly as recipients will get it.
      bulletinCard(updated, await senderName(ctx.deps, updated), null, undefined, true),
      {
        summary: T.attachDone(name, b.title),
        blocks: [
          {
            type: 'buttons',
            buttons: [
              { label: later ? T.schedule : T.send, verb: 'bulletin.send', data: { id: b.id }, style: 'primary' },
              { label: T.attachButton, verb: 'bulletin.attach', data: { id: b.id } },
              { label: T.cancel, verb: 'bulletin.cancel' },
            ],
          },
        ],
      },
    ];
  },
};
