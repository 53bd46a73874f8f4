import { DEFAULT_RETENTION } from '../../../src/core/housekeeping-port';
import { outboundFile } from '../../../src/core/message';
import { PrismaFileStore } from '../../../src/db/file-store';
import { PrismaHousekeeping } from '../../../src/db/housekeeping-repo';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases';

const NOW = new Date('2026-11-23T02:30:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);

describe.each(databaseKinds)('housekeeping on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db.destroy());

  it('deletes only old receipts, settled outbox tombstones, finished jobs and expired files; empties the text of settled rows after 90 days', async () => {
    const p = db.prisma;
    await p.inboundReceipt.createMany({
      data: [
        { key: 'old', receivedAt: daysAgo(8) },
        { key: 'new', receivedAt: daysAgo(6) },
      ],
    });
    const row = { platform: 'teams', target: {}, content: {}, bucket: 'teams:t1' };
    await p.outboxMessage.createMany({
      data: [
        { ...row, key: 'sent-ancient', status: 'sent', settledAt: daysAgo(401) },
        {
          ...row,
          key: 'sent-old',
          status: 'sent',
          settledAt: daysAgo(91),
          target: { conversation: 'c1' },
          content: { summary: 'Invitation' },
        },
        { ...row, key: 'sent-new', status: 'sent', settledAt: daysAgo(10), content: { summary: 'Agenda' } },
        { ...row, key: 'queued-old', status: 'queued', createdAt: daysAgo(200) },
      ],
    });
    await p.jobRun.createMany({
      data: [
        { key: 'done-old', kind: 'k', claimedBy: 'a', finishedAt: daysAgo(100) },
        { key: 'done-new', kind: 'k', claimedBy: 'a', finishedAt: daysAgo(1) },
        { key: 'running-old', kind: 'k', claimedBy: 'a', claimedAt: daysAgo(100) },
      ],
    });
    const trust = await p.trust.create({ data: { name: `Housekeeping ${kind}` } });
    const preview = { trustId: trust.id, status: 'previewed', fileName: 'people.csv', content: 'name,email', planHash: 'h' };
    await p.rosterImport.create({ data: { ...preview, createdAt: daysAgo(2) } });
    await p.rosterImport.create({ data: { ...preview, createdAt: new Date(NOW.getTime() - 60 * 60 * 1000) } });
    const conversation = { flow: 'f', step: 's', data: {} };
    await p.conversationState.create({ data: { key: 'person:gone', ...conversation, expiresAt: daysAgo(1) } });
    await p.conversationState.create({ data: { key: 'person:live', ...conversation, expiresAt: daysAgo(-1) } });
    const files = new PrismaFileStore(p, () => daysAgo(1));
    await files.put(outboundFile('old.csv', 'text/csv', 'a,b'), new Date(NOW.getTime() - 1000));
    const live = await files.put(outboundFile('live.csv', 'text/csv', 'c,d'), new Date(NOW.getTime() + 1000));
    await p.ratePace.createMany({
      data: [
        { bucket: 'slack:T1:C-old', nextAtMs: daysAgo(2).getTime(), pausedUntilMs: 0 },
        { bucket: 'slack:T1:C-paused', nextAtMs: daysAgo(2).getTime(), pausedUntilMs: NOW.getTime() },
        { bucket: 'teams:t1', nextAtMs: NOW.getTime() - 1000, pausedUntilMs: 0 },
      ],
    });
    const report = await new PrismaHousekeeping(p).prune(NOW, DEFAULT_RETENTION);
    expect(report).toEqual({
      receipts: 1,
      outbox: 1,
      outboxEmptied: 1,
      jobs: 1,
      imports: 1,
      conversations: 1,
      files: 1,
      rateLimits: 0,
      paces: 1,
    });
    expect((await p.ratePace.findMany({ orderBy: { bucket: 'asc' } })).map((r) => r.bucket)).toEqual(['slack:T1:C-paused', 'teams:t1']);
    expect((await p.conversationState.findMany()).map((r) => r.key)).toEqual(['person:live']);
    expect((await p.storedFile.findMany()).map((f) => f.id)).toEqual([live]);
    expect(await files.get(live, NOW)).toMatchObject({ name: 'live.csv', base64: Buffer.from('c,d').toString('base64') });
    const imports = await p.rosterImport.findMany({ orderBy: { createdAt: 'asc' } });
    expect(imports.map((i) => [i.status, i.content])).toEqual([
      ['cancelled', null],
      ['previewed', 'name,email'],
    ]);
    expect((await p.inboundReceipt.findMany()).map((r) => r.key)).toEqual(['new']);
    // The 91-day-old row stays as a tombstone: its key stops a resend, its address lets a card be edited.
    expect((await p.outboxMessage.findMany({ orderBy: { key: 'asc' } })).map((r) => [r.key, r.target, r.content])).toEqual([
      ['queued-old', {}, {}],
      ['sent-new', {}, { summary: 'Agenda' }],
      ['sent-old', { conversation: 'c1' }, {}],
    ]);
    expect(await new PrismaHousekeeping(p).prune(NOW, DEFAULT_RETENTION)).toMatchObject({ outbox: 0, outboxEmptied: 0 });
    expect((await p.jobRun.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key)).toEqual(['done-new', 'running-old']);
  });
});
