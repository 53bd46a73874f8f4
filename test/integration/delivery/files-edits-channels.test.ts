import { outboundFile, textMessage } from '../../../src/core/message';
import type { OutboxEntry } from '../../../src/core/outbox-port';
import { databaseKinds } from '../../helpers/databases';
import { consentCards, FILE_INFO } from '../../helpers/files';
import { startHarness, type Harness } from '../../helpers/harness';
import { TEAMS_TENANT } from '../../helpers/roster-seed';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What flows get from the outbox for files, edits and channel posts, seen over HTTP on both platforms. */
describe.each(databaseKinds)('files, edits and channel posts (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  }, 60_000);
  afterAll(async () => h?.stop());

  const teamsChannel = () => ({
    kind: 'reference',
    reference: {
      channelId: 'msteams',
      serviceUrl: `${h.teams.url}/`,
      conversation: { id: '19:senco-network@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TEAMS_TENANT },
      bot: { id: '28:00000000-0000-4000-8000-00000000b0b0', name: 'SENCO Network' },
    },
  });
  const teamsPersonal = (id: string) => ({
    kind: 'reference',
    reference: {
      channelId: 'msteams',
      serviceUrl: `${h.teams.url}/`,
      conversation: { id, conversationType: 'personal', tenantId: TEAMS_TENANT },
      bot: { id: '28:00000000-0000-4000-8000-00000000b0b0', name: 'SENCO Network' },
      user: { id: '29:someone', name: 'Someone' },
    },
  });
  const slackChannel = { kind: 'slack-channel', teamId: 'T0001', channel: 'C0SENCO' };
  const bulletin = () => ({
    summary: 'Autumn bulletin',
    blocks: [{ type: 'heading' as const, text: 'Autumn bulletin' }],
    files: [
      outboundFile('bulletin.md', 'text/markdown', '# Autumn bulletin\n\nEHCP reviews are due.'),
      outboundFile('chart.png', 'image/png', PNG),
    ],
  });

  it('posts to a Teams channel and a Slack channel through the outbox, with the file as a signed link or an upload', async () => {
    const entries: OutboxEntry[] = [
      { key: 'bulletin:1:teams', platform: 'teams', target: teamsChannel(), content: bulletin() },
      { key: 'bulletin:1:slack', platform: 'slack', target: slackChannel, content: bulletin() },
    ];
    expect((await h.bot.deps.outbox.enqueue(entries)).queued).toHaveLength(2);
    await h.bot.scheduler.runOnce();

    // The adapters chose the buckets: Teams by tenant, Slack by channel.
    const rows = await h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'bulletin:1:' } }, orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.status, r.bucket])).toEqual([
      ['bulletin:1:slack', 'sent', 'slack:T0001:C0SENCO'],
      ['bulletin:1:teams', 'sent', `teams:${TEAMS_TENANT}`],
    ]);

    // Slack: the card, then the three-step upload into the channel.
    expect(h.slack.callsTo('chat.postMessage').some((c) => c.channel === 'C0SENCO')).toBe(true);
    expect(h.slack.callsTo('files.getUploadURLExternal').map((c) => c.filename)).toEqual(['bulletin.md', 'chart.png']);
    expect(h.slack.filesIn('C0SENCO').map((f) => f.name)).toEqual(['bulletin.md', 'chart.png']);
    expect(h.slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(h.slack.filesIn('C0SENCO')[1]!.bytes).toEqual(PNG);
    const [uploaded] = h.slack.filesIn('C0SENCO');
    expect(uploaded?.name).toBe('bulletin.md');
    expect(new TextDecoder().decode(uploaded!.bytes!)).toContain('EHCP reviews are due.');

    // Teams channel: no consent card (channels cannot take one); a signed link served by the bot.
    const posted = h.teams.delivered.filter((d) => d.conversationId === '19:senco-network@thread.tacv2');
    expect(posted).toHaveLength(1);
    const text = JSON.stringify(posted[0]!.activity);
    expect(consentCards([text])).toHaveLength(0);
    expect(text.match(/\/files\//g)).toHaveLength(2);
    const url = /\((http:\/\/[^)]+\/files\/[^)]+)\)/.exec(text)?.[1];
    expect(url).toBeDefined();
    const download = await fetch(url!);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/markdown');
    expect(download.headers.get('content-disposition')).toContain('bulletin.md');
    expect(await download.text()).toContain('EHCP reviews are due.');
    // A tampered or stretched link is refused, not served.
    expect((await fetch(url!.replace(/sig=[^&]+/, 'sig=AAAA'))).status).toBe(403);
    expect((await fetch(url!.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 3600}`))).status).toBe(403);
    expect((await fetch(`${h.bot.url}/files/nope`)).status).toBe(403);
    // A second enqueue of the same keys is a no-op.
    expect((await h.bot.deps.outbox.enqueue(entries)).duplicates).toHaveLength(2);
  });

  it('updates a sent message in place by its key (newest edit wins), then deletes it, on both platforms', async () => {
    await h.bot.deps.outbox.enqueue([
      {
        key: 'progress:teams',
        platform: 'teams',
        target: teamsPersonal('a:1personal-leader'),
        content: textMessage('12 of 22 schools answered'),
      },
      {
        key: 'progress:slack',
        platform: 'slack',
        target: { kind: 'slack-user', teamId: 'T0001', userId: 'ULEE' },
        content: textMessage('12 of 22 schools answered'),
      },
    ]);
    await h.bot.scheduler.runOnce();
    const sent = await h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: 'progress:' } } });
    expect(sent.every((r) => r.status === 'sent' && r.sentTo)).toBe(true);

    const edits = (n: number) =>
      (['teams', 'slack'] as const).map((p) => ({
        key: `progress:${p}:${n}`,
        of: `progress:${p}`,
        op: 'update' as const,
        content: textMessage(`${n} of 22 schools answered`),
      }));
    expect((await h.bot.deps.outbox.edit([...edits(13), ...edits(14)])).queued).toHaveLength(4);
    const again = await h.bot.deps.outbox.edit([...edits(14), { key: 'x', of: 'never-sent', op: 'update', content: textMessage('x') }]);
    expect(again).toEqual({ queued: [], duplicates: ['progress:teams:14', 'progress:slack:14'], missing: ['x'] });
    await h.bot.scheduler.runOnce();

    const teamsSent = sent.find((r) => r.platform === 'teams')!.sentTo as { activityId: string };
    const teamsNow = h.teams.activities.get(`a:1personal-leader/${teamsSent.activityId}`);
    expect(JSON.stringify(teamsNow)).toContain('14 of 22 schools answered');
    const slackSent = sent.find((r) => r.platform === 'slack')!.sentTo as { channel: string; ts: string };
    expect(slackSent.channel).toBe('DLEE');
    expect(JSON.stringify(h.slack.messages.get(`${slackSent.channel}:${slackSent.ts}`))).toContain('14 of 22 schools answered');
    // The older edits never reached the platforms.
    expect(h.slack.callsTo('chat.update').filter((c) => String(c.text ?? '').includes('13 of 22'))).toHaveLength(0);
    const superseded = await h.db.prisma.outboxMessage.findMany({ where: { key: { endsWith: ':13' } } });
    expect(superseded.map((r) => r.lastError)).toEqual([expect.stringContaining('superseded'), expect.stringContaining('superseded')]);

    await h.bot.deps.outbox.edit([
      { key: 'progress:teams:recall', of: 'progress:teams', op: 'delete' },
      { key: 'progress:slack:recall', of: 'progress:slack', op: 'delete' },
    ]);
    await h.bot.scheduler.runOnce();
    expect(h.teams.activities.get(`a:1personal-leader/${teamsSent.activityId}`)).toBe('deleted');
    expect(h.slack.messages.get(`${slackSent.channel}:${slackSent.ts}`)).toBe('deleted');
    expect((await h.bot.deps.outbox.get('progress:teams:recall'))?.status).toBe('sent');
  });

  it('sends a file to a Teams personal chat with a consent card; declining gives a link instead, and the invoke is answered 200', async () => {
    await h.bot.deps.outbox.enqueue([{ key: 'ics:1', platform: 'teams', target: teamsPersonal('a:1personal-ann'), content: bulletin() }]);
    await h.bot.scheduler.runOnce();
    const activity = h.teams.delivered.filter((d) => d.conversationId === 'a:1personal-ann').at(-1)!;
    const cards = consentCards([JSON.stringify(activity.activity)]);
    expect(cards.map((c) => c.name)).toEqual(['bulletin.md', 'chart.png']);
    const [card] = cards;
    expect(card).toMatchObject({ name: 'bulletin.md', content: { sizeInBytes: expect.any(Number) } });
    const decline = await h.postTeams(h.teams.consentInvoke(card!, { id: '29:ann', name: 'Ann' }, 'decline'));
    expect(decline.status).toBe(200);
    const link = /\((http:\/\/[^)]+\/files\/[^)]+)\)/.exec(h.teams.sentTexts().at(-1)!)?.[1];
    expect(await (await fetch(link!)).text()).toContain('EHCP reviews are due.');
    // Accepting (even later) uploads the bytes to OneDrive's URL and shows a file info card.
    const accept = await h.postTeams(h.teams.consentInvoke(card!, { id: '29:ann', name: 'Ann' }, 'accept'));
    expect(accept.status).toBe(200);
    expect(new TextDecoder().decode([...h.teams.uploads.values()].at(-1)!)).toContain('EHCP reviews are due.');
    expect(h.teams.sentTexts().at(-1)).toContain(FILE_INFO);
  });
});
