import type { WebClient } from '@slack/web-api';
import { DEFAULT_SEND_TIMEOUT_MS } from '../../src/config';
import { fileBytes, type OutboundFile } from '../../src/core/message';
import { platformError } from './slack-errors';

/** A file whose bytes Slack holds, not yet shared anywhere. */
export interface StagedFile {
  id: string;
  title: string;
}

/**
 * Slack's file upload (files.upload is retired): an upload URL per file, POST the bytes to
 * each, then complete them together into the channel (they show as one message). Only the
 * completion shares anything, so a failure before it leaves nothing for people to see.
 * https://api.slack.com/messaging/files#uploading_files
 */
export async function uploadFiles(
  client: WebClient,
  channel: string,
  files: readonly OutboundFile[],
  timeoutMs = DEFAULT_SEND_TIMEOUT_MS,
): Promise<string[]> {
  return shareFiles(client, channel, await stageFiles(client, files, timeoutMs));
}

/** Steps 1 and 2: an upload URL per file and its bytes POSTed there. */
export async function stageFiles(
  client: WebClient,
  files: readonly OutboundFile[],
  timeoutMs = DEFAULT_SEND_TIMEOUT_MS,
): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  for (const file of files) {
    const bytes = fileBytes(file);
    const target = await client.files.getUploadURLExternal({ filename: file.name, length: bytes.length });
    if (!target.upload_url || !target.file_id) throw platformError('invalid_upload_url');
    const answer = await fetch(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': file.mediaType },
      body: bytes,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!answer.ok) throw Object.assign(new Error(`file upload answered HTTP ${answer.status}`), { statusCode: answer.status });
    staged.push({ id: target.file_id, title: file.name });
  }
  return staged;
}

/** Step 3: files.completeUploadExternal shares the staged files into the channel, as one message. */
export async function shareFiles(client: WebClient, channel: string, staged: readonly StagedFile[]): Promise<string[]> {
  await client.files.completeUploadExternal({ files: staged as [StagedFile], channel_id: channel });
  return staged.map((f) => f.id);
}
