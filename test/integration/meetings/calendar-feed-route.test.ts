import ICAL from 'ical.js';
import { cancelOccurrence } from '../../../src/core/meetings/changes';
import { PrismaMeetingsRepo } from '../../../src/db/meetings-repo';
import { feedPath, hashFeedToken, newFeedToken } from '../../../src/meetings/feed-token';
import { occurrenceUid } from '../../../src/meetings/ics';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

describe.each(databaseKinds)('GET /calendar/<token>.ics on %s', (kind) => {
  let h: Harness;
  let repo: PrismaMeetingsRepo;
  let token: string;
  let trustId: string;
  let personId: string;
  const clock = new FakeClock(new Date('2026-09-10T09:00:00Z'));

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    repo = new PrismaMeetingsRepo(h.db.prisma);
    const trust = await h.db.prisma.trust.create({ data: { name: 'Feed Trust' } });
    trustId = trust.id;
    const school = await h.db.prisma.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary' } });
    personId = (await h.db.prisma.person.create({ data: { trustId, schoolId: school.id, name: 'Sam' } })).id;
    await repo.createSeries(
      {
        trustId,
        title: 'SENCO network',
        perTerm: 1,
        weekday: 2,
        time: '15:45',
        durationMinutes: 90,
        mode: 'online',
        venue: null,
        joinUrl: 'https://teams.example/join/1',
        schoolIds: [school.id],
        leaderId: 'leader',
        yearLabel: '2026-27',
      },
      [
        {
          key: '2026-27/autumn/1',
          date: '2026-10-13',
          time: '15:45',
          durationMinutes: 90,
          startsAt: new Date('2026-10-13T14:45:00Z'),
          endsAt: new Date('2026-10-13T16:15:00Z'),
          schoolsOff: [],
        },
      ],
      clock.now(),
    );
    token = newFeedToken();
    await repo.issueFeedToken({ trustId, personId }, hashFeedToken(token), clock.now());
  });
  afterAll(async () => h.stop());

  it("serves the person's meetings as text/calendar that an independent parser reads", async () => {
    const res = await fetch(`${h.bot.url}${feedPath(token)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()) as unknown[]);
    const [event] = calendar.getAllSubcomponents('vevent');
    expect(event!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    expect((event!.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-10-13T15:45:00');
    expect((event!.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-09-10T09:00:00.000Z');
  });

  it('follows a cancellation: same UID, STATUS:CANCELLED, SEQUENCE 1', async () => {
    const [item] = await repo.occurrencesFor(trustId, personId);
    expect(await repo.saveOccurrence(trustId, cancelOccurrence(item!.occurrence), clock.now())).toBe('updated');
    const calendar = new ICAL.Component(ICAL.parse(await (await fetch(`${h.bot.url}${feedPath(token)}`)).text()) as unknown[]);
    const [event] = calendar.getAllSubcomponents('vevent');
    expect(event!.getFirstPropertyValue('uid')).toBe(occurrenceUid(item!.occurrence.id));
    expect(event!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event!.getFirstPropertyValue('sequence')).toBe(1);
  });

  it.each([
    ['an unknown token', () => feedPath(newFeedToken())],
    ['a malformed token', () => '/calendar/abc.ics'],
    ['no .ics suffix', () => `/calendar/${token}`],
    ['a path with odd characters', () => '/calendar/%27%3B--.ics'],
  ])('answers 404 for %s', async (_name, path) => {
    const res = await fetch(`${h.bot.url}${path()}`);
    expect(res.status).toBe(404);
  });

  it('answers 404 once the token is revoked', async () => {
    expect(await repo.revokeFeedTokens({ trustId, personId }, clock.now())).toBe(1);
    expect((await fetch(`${h.bot.url}${feedPath(token)}`)).status).toBe(404);
  });
});
