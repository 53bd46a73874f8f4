/**
 * Issue 11, the agenda and the after-meeting part, end to end over HTTP on both platforms and
 * both databases with a fake clock walking from the invitation to the notes: the topics card two
 * weeks before (presets, free text through the pupil-name guard, votes counted once even when
 * pressed at the same time), the leader's ranked topics and agenda with a school strength slot,
 * the agenda a week before (once, on the invitation cards too, updated in place when changed),
 * the presenter's reminders, the "I attended" prompt and the leader's notes reaching everyone
 * invited once, and the digest section.
 */
import type { Platform } from '../../../src/core/model';
import { PrismaMeetingsRepo } from '../../../src/db/meetings-repo';
import { agendaSteps } from '../../../src/meetings/agenda';
import { buildSchoolCalendar } from '../../../src/scheduler/school-days';
import { buttonData, buttons, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { deliverAll as deliverMeetingMail, meetingsTrust, SERIES_FORM } from '../../helpers/meetings';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(240_000);

const platforms: Platform[] = ['teams', 'slack'];
// Tuesday 8 September 2026, 09:00 in London (BST).
const START = '2026-09-08T08:00:00Z';
const MINUTE = 60_000;

describe.each(databaseKinds)('meeting agendas over HTTP on %s', (kind) => {
  describe.each(platforms)('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(START);
    let lee: ChatUser;
    let ann: ChatUser;
    let sam: ChatUser;
    let trustId: string;
    const ids: Record<'lee' | 'ann' | 'sam', string> = { lee: '', ann: '', sam: '' };
    let occ: { id: string; startsAt: Date; endsAt: Date; date: string; time: string };
    let steps: ReturnType<typeof agendaSteps>;
    const at = (step: string) => steps.find((s) => s.step === step)!.at;

    const deliverAll = () => deliverMeetingMail(h, clock);

    /** The message behind an outbox key as the platform holds it now (after any edits in place). */
    const delivered = async (key: string): Promise<string> => {
      const row = await h.db.prisma.outboxMessage.findFirst({ where: { key } });
      expect(row?.status).toBe('sent');
      if (platform === 'teams') {
        const { activityId } = row!.sentTo as { activityId: string };
        return JSON.stringify([...h.teams.activities.entries()].find(([k]) => k.endsWith(`/${activityId}`))?.[1]);
      }
      const { channel, ts } = row!.sentTo as { channel: string; ts: string };
      return JSON.stringify(h.slack.messages.get(`${channel}:${ts}`));
    };
    /** Messages sent (not edits in place) whose keys start with `prefix`. */
    const keysLike = async (prefix: string) =>
      (await h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: prefix }, op: 'send' }, select: { key: true } }))
        .map((r) => r.key)
        .sort();
    const topicId = async (normalized: string) =>
      (await h.db.prisma.agendaTopic.findFirstOrThrow({ where: { occurrenceId: occ.id, normalized } })).id;
    const votesFor = async (id: string) => h.db.prisma.agendaVote.count({ where: { topicId: id } });

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      ({ lee, ann, sam, trustId } = await meetingsTrust(h, platform, `Elm Trust ${platform}`));
      for (const [who, name] of [
        ['lee', 'Lee Leader'],
        ['ann', 'Ann Senco'],
        ['sam', 'Sam Senco'],
      ] as const) {
        ids[who] = (await h.db.prisma.person.findFirstOrThrow({ where: { trustId, name } })).id;
      }
      await press(h, platform, lee, 'meetings.series.draft', {}, SERIES_FORM);
      expect(plain(await press(h, platform, lee, 'meetings.series.confirm'))).toContain('3 meetings set up');
      const first = await h.db.prisma.meetingOccurrence.findFirstOrThrow({ where: { trustId }, orderBy: { startsAt: 'asc' } });
      occ = { id: first.id, startsAt: first.startsAt, endsAt: first.endsAt, date: first.date, time: first.time };
      // The trust has no term dates of its own: the default pattern, as the bot uses.
      steps = agendaSteps(occ, buildSchoolCalendar({ trustYears: [], schoolYears: [], extraBankHolidays: [] }, clock.now()));
      await deliverAll();
    });
    afterAll(async () => h.stop());

    it('asks everyone invited for topics two weeks before, on a school day', async () => {
      expect(await keysLike(`meetings-topics:${occ.id}`)).toEqual([]);
      clock.set(new Date(at('topics').getTime() + MINUTE).toISOString());
      await deliverAll();
      expect(await keysLike(`meetings-topics:${occ.id}`)).toEqual(
        [`meetings-topics:${occ.id}:${ids.ann}`, `meetings-topics:${occ.id}:${ids.sam}`].sort(),
      );
      const card = await delivered(`meetings-topics:${occ.id}:${ids.sam}`);
      expect(card).toContain('Agenda topics: SENCO network meeting');
      expect(card).toContain('Suggest: EHCP applications');
      // Running the scheduler again sends nothing twice.
      await h.bot.scheduler.runOnce();
      expect(await h.db.prisma.outboxMessage.count({ where: { key: { startsWith: `meetings-topics:${occ.id}` } } })).toBe(2);
    });

    it('takes presets and free text, guards pupil names, and counts one vote per person per topic', async () => {
      const added = await press(h, platform, ann, 'meetings.topic.add', { occurrenceId: occ.id, preset: '0' });
      expect(plain(added)).toContain('Added "Provision maps" and counted your vote');
      expect(plain(await press(h, platform, sam, 'meetings.topic.add', { occurrenceId: occ.id, preset: '0' }))).toContain(
        'already suggested',
      );
      const maps = await topicId('provision maps');
      expect(await votesFor(maps)).toBe(2);
      // Pressing vote again does not double-count.
      expect(plain(await press(h, platform, ann, 'meetings.topic.vote', { occurrenceId: occ.id, topicId: maps }))).toContain(
        'already voted',
      );
      expect(await votesFor(maps)).toBe(2);

      // Bad input: explained, nothing stored.
      expect(plain(await press(h, platform, ann, 'meetings.topic.add', { occurrenceId: occ.id }, { topic: '   ' }))).toContain(
        'Please type a topic',
      );
      expect(plain(await press(h, platform, ann, 'meetings.topic.add', { occurrenceId: occ.id }, { topic: 'x'.repeat(121) }))).toContain(
        'at most 120 characters',
      );
      const named = await press(
        h,
        platform,
        ann,
        'meetings.topic.add',
        { occurrenceId: occ.id },
        { topic: 'Support for Jayden in Year 4' },
      );
      expect(plain(named)).toContain('may name a pupil (Jayden)');
      expect(await h.db.prisma.agendaTopic.count({ where: { occurrenceId: occ.id } })).toBe(1);
      expect(buttons(named).some((b) => b.verb === 'meetings.topic.add' && b.data.anyway === '1')).toBe(true);
      expect(plain(await press(h, platform, ann, 'meetings.topic.add', { occurrenceId: occ.id, preset: '9' }))).toContain(
        'Please type a topic',
      );
      expect(plain(await press(h, platform, ann, 'meetings.topic.add', { occurrenceId: 'nope' }, { topic: 'Anything' }))).toContain(
        'I cannot find that meeting',
      );

      const typed = await press(h, platform, ann, 'meetings.topic.add', { occurrenceId: occ.id }, { topic: 'Transition  to secondary' });
      expect(plain(typed)).toContain('Added "Transition to secondary"');
      const transition = await topicId('transition to secondary');
      // Sam presses three times at once: one vote.
      const presses = await Promise.all(
        [1, 2, 3].map(() => press(h, platform, sam, 'meetings.topic.vote', { occurrenceId: occ.id, topicId: transition })),
      );
      for (const reply of presses) expect(plain(reply)).toMatch(/is counted|already voted/);
      expect(await h.db.prisma.agendaVote.count({ where: { topicId: transition, personId: ids.sam } })).toBe(1);
      // The store itself, five votes at once: one is created, the others lose the race to the key.
      const repo = new PrismaMeetingsRepo(h.db.prisma);
      const race = (await repo.addTopic(trustId, occ.id, 'A topic for the race', ids.sam, clock.now()))!.topic.id;
      const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => repo.vote(trustId, race, ids.lee, clock.now())));
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'unchanged')).toHaveLength(4);
      await h.db.prisma.agendaTopic.delete({ where: { id: race } });
      // Lee votes too (the leader is in the meeting's audience).
      await press(h, platform, lee, 'meetings.topic.vote', { occurrenceId: occ.id, topicId: transition });
      expect(await votesFor(transition)).toBe(3);

      // Answers for the after-meeting part.
      await press(h, platform, ann, 'meetings.rsvp', { occurrenceId: occ.id, sequence: '0', answer: 'going' });
      await press(h, platform, sam, 'meetings.rsvp', { occurrenceId: occ.id, sequence: '0', answer: 'not-going' });
    });

    it('shows the leader the topics ranked, and the digest that they wait for an agenda', async () => {
      const list = await send(h, platform, lee, 'meeting topics');
      const text = plain(list);
      expect(text.indexOf('1. Transition to secondary (3 votes)')).toBeGreaterThanOrEqual(0);
      expect(text.indexOf('2. Provision maps (2 votes)')).toBeGreaterThan(text.indexOf('1. Transition'));
      expect(buttons(list).some((b) => b.verb === 'meetings.agenda.edit')).toBe(true);
      // A SENCO sees the card without the leader's button, her votes marked.
      const mine = await send(h, platform, ann, 'meeting topics');
      expect(buttons(mine).some((b) => b.verb === 'meetings.agenda.edit')).toBe(false);
      expect(plain(mine)).toContain('Voted: Provision maps');
      // ... and cannot set the agenda by forging the press.
      expect(plain(await press(h, platform, ann, 'meetings.agenda.submit', { occurrenceId: occ.id }, { item1: 'x' }))).not.toContain(
        'Agenda saved',
      );
      const digest = plain(await send(h, platform, lee, 'digest'));
      expect(digest).toContain('Network meetings');
      expect(digest).toContain('2 topics suggested, agenda not set yet');
      expect(digest).toMatch(/1 going, 0 maybe, 1 can(')?t go, 0 no answer/);
    });

    it('lets the leader set the agenda and a school strength slot', async () => {
      const form = await press(h, platform, lee, 'meetings.agenda.edit', { occurrenceId: occ.id });
      expect(buttons(form).some((b) => b.verb === 'meetings.agenda.submit')).toBe(true);
      const maps = await topicId('provision maps');
      const transition = await topicId('transition to secondary');
      const fields = {
        item1: maps,
        item2: transition,
        item3: '',
        item4: '',
        item5: '',
        presenter: ids.ann,
        what: 'Our provision map template',
      };
      expect(
        plain(await press(h, platform, lee, 'meetings.agenda.submit', { occurrenceId: occ.id }, { ...fields, presenter: 'nobody' })),
      ).toContain('cannot find that presenter');
      expect(
        plain(await press(h, platform, lee, 'meetings.agenda.submit', { occurrenceId: occ.id }, { item1: '', presenter: '', what: '' })),
      ).toContain('Choose at least one topic');
      const saved = await press(h, platform, lee, 'meetings.agenda.submit', { occurrenceId: occ.id }, fields);
      expect(plain(saved)).toContain('Agenda saved. It goes out to everyone invited on');
      expect(plain(await press(h, platform, lee, 'meetings.agenda.submit', { occurrenceId: occ.id }, fields))).toContain(
        'nothing was changed',
      );
      // Nothing goes out before the week-before step.
      await deliverAll();
      expect(await keysLike(`meetings-agenda:${occ.id}`)).toEqual([]);
    });

    it('sends the agenda a week before, once, onto the invitation cards, and tells the presenter', async () => {
      clock.set(new Date(at('agenda').getTime() + MINUTE).toISOString());
      await deliverAll();
      await h.bot.scheduler.runOnce();
      expect(await keysLike(`meetings-agenda:${occ.id}`)).toEqual(
        [`meetings-agenda:${occ.id}:${ids.ann}`, `meetings-agenda:${occ.id}:${ids.sam}`].sort(),
      );
      const agenda = await delivered(`meetings-agenda:${occ.id}:${ids.sam}`);
      expect(agenda).toContain('Agenda: SENCO network meeting');
      expect(agenda.indexOf('1. Provision maps')).toBeLessThan(agenda.indexOf('2. Transition to secondary'));
      expect(agenda).toContain('Our provision map template');
      expect(agenda).toContain('presented by Ann Senco');
      // The invitation card Sam already has now carries the agenda.
      expect(await delivered(`meetings-invite:${occ.id}:${ids.sam}`)).toContain('Transition to secondary');
      expect(await delivered(`meetings-present:${occ.id}:${ids.ann}:week`)).toContain(
        'You are presenting the school strength slot for Oak Primary',
      );
      // Topics are closed once the agenda is out.
      const maps = await topicId('provision maps');
      expect(plain(await press(h, platform, sam, 'meetings.topic.vote', { occurrenceId: occ.id, topicId: maps }))).toContain(
        'Topics for this meeting are closed',
      );
    });

    it('updates the agenda in place when the leader changes it', async () => {
      const maps = await topicId('provision maps');
      const transition = await topicId('transition to secondary');
      const changed = {
        item1: transition,
        item2: maps,
        item3: '',
        item4: '',
        item5: '',
        presenter: ids.ann,
        what: 'Our provision map template',
      };
      expect(plain(await press(h, platform, lee, 'meetings.agenda.submit', { occurrenceId: occ.id }, changed))).toContain('Agenda updated');
      await deliverAll();
      const agenda = await delivered(`meetings-agenda:${occ.id}:${ids.sam}`);
      expect(agenda.indexOf('1. Transition to secondary')).toBeLessThan(agenda.indexOf('2. Provision maps'));
      expect(await keysLike(`meetings-agenda:${occ.id}:${ids.sam}`)).toHaveLength(1);
    });

    it('reminds the presenter the school day before', async () => {
      clock.set(new Date(at('presenter-day').getTime() + MINUTE).toISOString());
      await deliverAll();
      expect(await delivered(`meetings-present:${occ.id}:${ids.ann}:day`)).toContain(
        'you present the school strength slot for Oak Primary',
      );
    });

    it('after the meeting: "I attended" to those going, and the notes reach everyone invited once', async () => {
      clock.set(new Date(occ.endsAt.getTime() + MINUTE).toISOString());
      await deliverAll();
      expect(await keysLike(`meetings-attend-ask:${occ.id}`)).toEqual([`meetings-attend-ask:${occ.id}:${ids.ann}`]);
      const ask = await delivered(`meetings-attend-ask:${occ.id}:${ids.ann}`);
      expect(ask).toContain('Did you attend?');
      expect(ask).toContain('meetings.attended');
      const attended = await press(h, platform, ann, 'meetings.attended', { occurrenceId: occ.id, sequence: '0' });
      expect(plain(attended)).toContain('your attendance is recorded');
      expect(await delivered(`meetings-notes-ask:${occ.id}`)).toContain('Add notes and actions');

      expect(plain(await press(h, platform, lee, 'meetings.notes.start', { occurrenceId: occ.id }))).toContain('Type the notes');
      expect(plain(await send(h, platform, lee, 'Jayden in Year 4 was discussed'))).toContain('may name a pupil (Jayden)');
      expect(plain(await send(h, platform, lee, 'We compared provision map templates & shared two.'))).toContain('Now the actions');
      const preview = await send(h, platform, lee, '- Try the template\n- Bring examples next term');
      expect(plain(preview)).toContain('This goes to 2 people');
      const sendData = buttonData(preview, 'meetings.notes.send');
      expect(plain(await press(h, platform, lee, 'meetings.notes.send', sendData))).toContain('Notes sent to 2 people');
      expect(plain(await press(h, platform, lee, 'meetings.notes.send', sendData))).toContain('Nothing is waiting to be sent');
      await deliverAll();
      expect(await keysLike(`meetings-notes:${occ.id}`)).toEqual(
        [`meetings-notes:${occ.id}:${ids.ann}`, `meetings-notes:${occ.id}:${ids.sam}`].sort(),
      );
      // Sam could not come and still gets them.
      const notes = await delivered(`meetings-notes:${occ.id}:${ids.sam}`);
      expect(notes).toContain('Bring examples next term');
      expect(notes).toContain('templates &');
    });

    it('reports attendance of the last meeting in the digest', async () => {
      const digest = plain(await send(h, platform, lee, 'digest'));
      expect(digest).toContain('Last meeting, SENCO network meeting');
      expect(digest).toContain('1 attended (1 said Going, 2 invited)');
    });
  });
});
