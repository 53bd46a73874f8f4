import type { Platform } from '../../src/core/model';
import type { ChatUser } from './chat';
import type { Harness } from './harness';

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** The file consent cards among a Teams reply's JSON texts. */
export function consentCards(replies: string[]): Array<Record<string, unknown>> {
  return replies.flatMap((r) => {
    const activity = JSON.parse(r) as { attachments?: Array<Record<string, unknown>> };
    return (activity.attachments ?? []).filter((a) => a.contentType === FILE_CONSENT);
  });
}

/**
 * The file the bot sent this person with `replies`, as they would get it. Slack: the upload
 * completed into their DM (files.getUploadURLExternal, the upload, files.completeUploadExternal).
 * Teams: they press Allow on the consent card (a `fileConsent/invoke`, answered 200), the bot
 * PUTs the bytes to the upload URL and sends a file info card.
 */
export async function receiveFile(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  replies: string[],
): Promise<{ name: string; text: string }> {
  if (platform === 'slack') {
    const channel = `D${who.slack.id.replace(/^U/, '')}`;
    await h.slack.waitFor(() => h.slack.filesIn(channel).some((f) => f.bytes), 10_000);
    const file = h.slack.filesIn(channel).at(-1)!;
    return { name: file.name, text: new TextDecoder().decode(file.bytes!) };
  }
  const [card] = consentCards(replies);
  if (!card) throw new Error(`no file consent card in ${replies.join('\n')}`);
  const before = h.teams.uploads.size;
  const res = await h.postTeams(h.teams.consentInvoke(card, who.teams, 'accept'));
  if (res.status !== 200) throw new Error(`fileConsent/invoke answered ${res.status}: ${await res.text()}`);
  if (h.teams.uploads.size !== before + 1) throw new Error('the bot did not upload the file');
  const info = h.teams.sentTexts().filter((t) => t.includes(FILE_INFO));
  if (!info.some((t) => t.includes(String(card.name)))) throw new Error('no file info card after the upload');
  return { name: String(card.name), text: new TextDecoder().decode([...h.teams.uploads.values()].at(-1)!) };
}
