/**
 * A bulletin with a document whose upload to Slack keeps failing after each card was posted:
 * every SENCO gets the card once (never again with each retry), and the sender's status says
 * truthfully that the copies arrived without the document, instead of calling them unreachable.
 * Slack only: Teams sends the document in the same activity as the card. On each database.
 */
import { buttonData, chatUser, personalMessages, plain, press, send, upload, type ChatUser } from '../../helpers/chat';
import { seedBirchTrust } from '../../helpers/birch-trust';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(120_000);

// Monday 14 September 2026, 10:00 in London: a school day.
const MONDAY = '2026-09-14T09:00:00Z';

describe.each(databaseKinds)('a bulletin document that cannot be uploaded to Slack, on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock(MONDAY);
  let lee: ChatUser;
  let ann: ChatUser;
  let ben: ChatUser;

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    await seedBirchTrust(h.db.prisma, [
      ['Lee Leader', 'lee@birch.org.uk', 'send-leader', null],
      ['Ann Senco', 'ann@birch.org.uk', 'senco', 'oak'],
      ['Ben Senco', 'ben@birch.org.uk', 'senco', 'elm'],
    ]);
    lee = chatUser(h, 'Lee Leader', 'lee@birch.org.uk');
    ann = chatUser(h, 'Ann Senco', 'ann@birch.org.uk');
    ben = chatUser(h, 'Ben Senco', 'ben@birch.org.uk');
    for (const who of [lee, ann, ben]) await send(h, 'slack', who, 'help');
  });
  afterAll(async () => h?.stop());

  it('posts each card once, ends each copy failed without the document, and the status says so', async () => {
    const preview = await press(
      h,
      'slack',
      lee,
      'bulletin.compose',
      {},
      { title: 'Register template', body: 'The template is attached.', audience: 'all', ack: 'no', when: 'now' },
    );
    await press(h, 'slack', lee, 'bulletin.attach', buttonData(preview, 'bulletin.attach'));
    const attached = await upload(h, 'slack', lee, 'register-template.txt', new TextEncoder().encode('Name, year, need.'));
    const data = buttonData(attached, 'bulletin.send');

    // From now on every upload of bytes fails (the sender's preview copy above was uploaded).
    h.slack.failUploads('upload', 500, 1_000);
    try {
      await press(h, 'slack', lee, 'bulletin.send', data);
      const invites = () => h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: `bulletin-invite:${data.id}:` } } });
      await h.bot.scheduler.runOnce();
      for (let round = 0; round < 12 && (await invites()).some((r) => r.status === 'queued'); round++) {
        const due = Math.max(...(await invites()).map((r) => r.notBefore.getTime()));
        clock.set(new Date(due + 1));
        await h.bot.scheduler.runOnce();
      }
      const rows = await invites();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.status).toBe('failed');
        expect(row.attempts).toBeGreaterThan(1);
        expect(row.lastError).toMatch(/^the message was delivered without its files: gave up after \d+ attempts/);
      }
    } finally {
      h.slack.uploadFailures.delete('upload');
    }

    // Each SENCO has the card once, however many times its document was tried.
    for (const who of [ann, ben]) {
      expect(personalMessages(h, 'slack', who).filter((m) => m.includes('Register template'))).toHaveLength(1);
      expect(h.slack.filesIn(`D${who.slack.id.replace(/^U/, '')}`)).toHaveLength(0);
    }

    // The sender's progress card counts them as sent (the card reached both).
    clock.advance(60_000);
    await h.bot.scheduler.runOnce();
    await h.bot.scheduler.runOnce();
    const progress = h.slack
      .callsTo('chat.update')
      .map((u) => JSON.stringify(u))
      .filter((u) => u.includes('Register template') && u.includes(' sent'));
    expect(progress.at(-1)).toContain('2 of 2 sent');

    const status = await press(h, 'slack', lee, 'bulletin.status', { id: data.id! });
    const text = plain(status);
    expect(text).toContain('2 copies arrived without the document, or may have: see Recipients.');
    expect(text).not.toContain('Resend');
    // School · Delivered · Acknowledged · Unreachable · Uncertain: delivered at each school, nobody unreachable or uncertain.
    expect(text).toContain('Elm Secondary · 1 · - · 0 · 0');
    expect(text).toContain('Oak Primary · 1 · - · 0 · 0');
    const recipients = plain(await press(h, 'slack', lee, 'bulletin.recipients', buttonData(status, 'bulletin.recipients')));
    expect(recipients.match(/Delivered without the document \(its upload failed\)/g)).toHaveLength(2);
    expect(recipients).not.toContain('Unreachable');
  });
});
