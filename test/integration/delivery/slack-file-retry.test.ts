/**
 * A Slack message whose text is posted and whose file then fails to upload: the outbox keeps
 * where the text is, the next attempt uploads only the file, and the text is never posted twice
 * (every effect happens once). Seen over HTTP against the fake Slack API, on both databases.
 */
import type { FakeSlackApi, UploadStep } from '../../fakes/fake-slack-api';
import { outboundFile, textMessage } from '../../../src/core/message';
import { databaseKinds, type TestDatabase } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { outboxFor, realSenders, slackEntry, startDeliveryRig, testScheduler, type DeliveryRig } from '../../helpers/outbox-rig';

jest.setTimeout(30_000);

// A Tuesday in term time, 10:00 London: nothing is held.
const TUESDAY_10AM = '2026-11-24T10:00:00Z';
const BACKOFF = { baseMs: 1_000, maxMs: 10_000, maxAttempts: 3, maxRetryAfterMs: 60_000 };

describe.each(databaseKinds)('a Slack file that fails to upload after its text, on %s', (kind) => {
  let db: TestDatabase;
  let slack: FakeSlackApi;
  let rig: DeliveryRig;
  let clock: FakeClock;

  beforeAll(async () => {
    rig = await startDeliveryRig(kind);
    ({ db, slack } = rig);
  });
  afterAll(() => rig.stop());
  beforeEach(() => {
    clock = new FakeClock(TUESDAY_10AM);
  });

  const scheduler = (sendTimeoutMs?: number, onUncertain?: 'resend') =>
    testScheduler(db.prisma, clock, rig.teams, slack, {
      worker: { backoff: BACKOFF },
      ...(sendTimeoutMs ? { senders: realSenders(rig.teams, slack, sendTimeoutMs) } : {}),
      ...(onUncertain ? { onUncertain } : {}),
    });
  const withFile = (channel: string, key: string) =>
    slackEntry(channel, key, {
      content: { ...textMessage(`Plan for ${key}`), files: [outboundFile(`${key}.md`, 'text/markdown', `# Plan for ${key}`)] },
    });
  const posts = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.channel === channel);
  const row = (key: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } });
  /** Runs the scheduler again once the row's retry is due. */
  const runWhenDue = async (s: ReturnType<typeof scheduler>, key: string) => {
    clock.set(new Date((await row(key)).notBefore.getTime() + 1));
    await s.runOnce();
  };

  const failures: Array<[UploadStep, number]> = [
    ['upload', 500],
    ['files.getUploadURLExternal', 503],
    ['files.completeUploadExternal', 500],
  ];
  it.each(failures)(
    'the %s step answering HTTP %i once: one post, the file shared once, the row sent with the text ts',
    async (step, status) => {
      const channel = `D0ONCE${step.replace(/\W/g, '')}`;
      const key = `file-once-${step}`;
      slack.failUploads(step, status);
      await outboxFor(db.prisma, clock).enqueue([withFile(channel, key)]);
      const s = scheduler();

      await s.runOnce();
      const afterFirst = await row(key);
      expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1 });
      expect(afterFirst.lastError).toContain('the message was delivered without its files');
      expect(afterFirst.sentTo).toMatchObject({ kind: 'slack-message', channel });
      expect((await outboxFor(db.prisma, clock).get(key))?.partial).toBe(true);
      expect(posts(channel)).toHaveLength(1);
      expect(slack.filesIn(channel)).toHaveLength(0);

      await runWhenDue(s, key);
      const sent = await row(key);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(posts(channel)).toHaveLength(1);
      expect(slack.filesIn(channel).map((f) => f.name)).toEqual([`${key}.md`]);
      expect(new TextDecoder().decode(slack.filesIn(channel)[0]!.bytes!)).toBe(`# Plan for ${key}`);
      const postedTs = (sent.sentTo as { ts: string }).ts;
      expect(postedTs).toMatch(/^\d+\.\d+$/);
      expect(sent.providerId).toBe(postedTs);
      expect(slack.messages.get(`${channel}:${postedTs}`)).toMatchObject({ channel, text: `Plan for ${key}` });
      expect((await outboxFor(db.prisma, clock).get(key))?.partial).toBe(false);

      // A later edit acts on the text's ts.
      await outboxFor(db.prisma, clock).edit([
        { key: `${key}:edit`, of: key, op: 'update', content: textMessage(`Plan for ${key}, revised`) },
      ]);
      await s.runOnce();
      expect(await row(`${key}:edit`)).toMatchObject({ status: 'sent' });
      expect(
        slack
          .callsTo('chat.update')
          .filter((c) => c.channel === channel)
          .map((c) => c.ts),
      ).toEqual([postedTs]);
      expect(slack.messages.get(`${channel}:${postedTs}`)).toMatchObject({ text: `Plan for ${key}, revised` });
      expect(posts(channel)).toHaveLength(1);
    },
  );

  it('an upload that always fails: one post, then the row failed saying the text arrived without its file; edits still reach the text', async () => {
    const channel = 'D0ALWAYS';
    const key = 'file-always';
    slack.failUploads('upload', 500, 10);
    await outboxFor(db.prisma, clock).enqueue([withFile(channel, key)]);
    const s = scheduler();
    await s.runOnce();
    await runWhenDue(s, key);
    await runWhenDue(s, key);

    const failed = await row(key);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.lastError).toMatch(/^the message was delivered without its files: gave up after 3 attempts: .*HTTP 500/);
    expect(failed.sentTo).toMatchObject({ kind: 'slack-message', channel });
    expect((await outboxFor(db.prisma, clock).get(key))?.partial).toBe(true);
    expect(posts(channel)).toHaveLength(1);
    expect(slack.callsTo('files.completeUploadExternal').filter((c) => c.channel_id === channel)).toHaveLength(0);
    expect(slack.filesIn(channel)).toHaveLength(0);
    slack.uploadFailures.delete('upload');

    await outboxFor(db.prisma, clock).edit([{ key: `${key}:edit`, of: key, op: 'update', content: textMessage('Plan, revised') }]);
    await s.runOnce();
    expect(await row(`${key}:edit`)).toMatchObject({ status: 'sent' });
    expect(slack.callsTo('chat.update').filter((c) => c.channel === channel)).toHaveLength(1);
  });

  it('a Slack error from files.completeUploadExternal ends the row failed at once, the text posted once', async () => {
    const channel = 'D0REFUSED';
    const key = 'file-refused';
    slack.failUploads('files.completeUploadExternal', 'invalid_channel');
    await outboxFor(db.prisma, clock).enqueue([withFile(channel, key)]);
    const s = scheduler();
    await s.runOnce();
    clock.advance(60 * 60_000);
    await s.runOnce();
    const failed = await row(key);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('the message was delivered without its files: files not delivered: ');
    expect(failed.lastError).toContain('invalid_channel');
    expect(posts(channel)).toHaveLength(1);
  });

  it('no answer to files.completeUploadExternal in time: the row uncertain (the file may be shared), never sent again', async () => {
    const channel = 'D0SHARING';
    const key = 'file-sharing';
    slack.holdUploads('files.completeUploadExternal', 'never');
    await outboxFor(db.prisma, clock).enqueue([withFile(channel, key)]);
    const s = scheduler(1_000);
    await s.runOnce();
    const uncertain = await row(key);
    expect(uncertain).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(uncertain.lastError).toContain('the message was delivered without its files: files not delivered: timeout');
    expect(uncertain.sentTo).toMatchObject({ kind: 'slack-message', channel });
    clock.advance(60 * 60_000);
    await s.runOnce();
    expect(posts(channel)).toHaveLength(1);
    // The fake shared the file before holding its answer: once, and never again.
    expect(slack.filesIn(channel)).toHaveLength(1);
    expect(slack.callsTo('files.completeUploadExternal').filter((c) => c.channel_id === channel)).toHaveLength(1);
  });

  it('no answer to the upload of the bytes in time: nothing was shared, so the file alone is tried again', async () => {
    const channel = 'D0SLOWBYTES';
    const key = 'file-slow-bytes';
    slack.holdUploads('upload', 'never');
    await outboxFor(db.prisma, clock).enqueue([withFile(channel, key)]);
    const s = scheduler(1_000);
    await s.runOnce();
    expect(await row(key)).toMatchObject({ status: 'queued', attempts: 1 });
    await runWhenDue(s, key);
    expect(await row(key)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(posts(channel)).toHaveLength(1);
    expect(slack.filesIn(channel).map((f) => f.name)).toEqual([`${key}.md`]);
  });

  it("under onUncertain 'resend', a completion with no answer is tried again: the files only, never the text", async () => {
    const channel = 'D0RESEND';
    const key = 'file-resend';
    slack.holdUploads('files.completeUploadExternal', 'never');
    await outboxFor(db.prisma, clock).enqueue([withFile(channel, key)]);
    const s = scheduler(1_000, 'resend');
    await s.runOnce();
    expect(await row(key)).toMatchObject({ status: 'queued', attempts: 1 });
    await runWhenDue(s, key);
    const sent = await row(key);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(posts(channel)).toHaveLength(1);
    // At-least-once for the files, as chosen: the held completion had shared them already.
    expect(slack.filesIn(channel)).toHaveLength(2);
    expect(sent.providerId).toBe((sent.sentTo as { ts: string }).ts);
  });
});
