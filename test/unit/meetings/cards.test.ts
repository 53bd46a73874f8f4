import type { MeetingOccurrence } from '../../../src/core/meetings/model';
import type { Block, OutboundMessage } from '../../../src/core/message';
import { MEETING_VERBS, countAnswers, invitationCard, leaderCard, meetingErrorText, proposalCard } from '../../../src/meetings/cards';
import type { MoveError } from '../../../src/meetings/move-occurrence';

// 15:45 BST on Tuesday 13 October 2026.
const occurrence: MeetingOccurrence = {
  id: 'occ-1',
  seriesId: 's1',
  key: '2026-27/autumn/1',
  date: '2026-10-13',
  time: '15:45',
  durationMinutes: 90,
  startsAt: new Date('2026-10-13T14:45:00Z'),
  endsAt: new Date('2026-10-13T16:15:00Z'),
  status: 'scheduled',
  sequence: 0,
  schoolsOff: [],
};
const hybrid = {
  title: 'SENCO network: provision maps',
  mode: 'hybrid' as const,
  venue: 'Oak Academy, Room 4',
  joinUrl: 'https://teams.example/join/1',
};
const before = new Date('2026-10-01T09:00:00Z');
const after = new Date('2026-10-13T17:00:00Z');

function blocks<T extends Block['type']>(message: OutboundMessage, type: T): Array<Extract<Block, { type: T }>> {
  return message.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);
}
const facts = (m: OutboundMessage) => Object.fromEntries(blocks(m, 'facts').flatMap((b) => b.facts.map((f) => [f.label, f.value])));
const buttons = (m: OutboundMessage) => blocks(m, 'buttons').flatMap((b) => b.buttons);
const text = (m: OutboundMessage) =>
  blocks(m, 'text')
    .map((b) => b.text)
    .join('\n');

describe('invitationCard', () => {
  it('shows the London date and time, venue, link and the three answers', () => {
    const card = invitationCard({ occurrence, series: hybrid, myAnswer: null, attended: false, now: before });
    expect(card.summary).toBe('SENCO network: provision maps: Tuesday 13 October 2026, 15:45 to 17:15 (UK time)');
    expect(facts(card)).toEqual({
      When: 'Tuesday 13 October 2026, 15:45 to 17:15 (UK time)',
      Where: 'In person at Oak Academy, Room 4, or online',
      'Join link': 'https://teams.example/join/1',
    });
    expect(buttons(card).map((b) => [b.label, b.verb, b.data, b.style])).toEqual([
      ['Going', MEETING_VERBS.rsvp, { occurrenceId: 'occ-1', sequence: '0', answer: 'going' }, undefined],
      ["Can't go", MEETING_VERBS.rsvp, { occurrenceId: 'occ-1', sequence: '0', answer: 'not-going' }, undefined],
      ['Maybe', MEETING_VERBS.rsvp, { occurrenceId: 'occ-1', sequence: '0', answer: 'maybe' }, undefined],
    ]);
    expect(text(card)).toContain('Can you come?');
  });

  it('marks the chosen answer and says it can be changed', () => {
    const card = invitationCard({ occurrence, series: hybrid, myAnswer: 'maybe', attended: false, now: before });
    expect(buttons(card).find((b) => b.style === 'primary')?.label).toBe('Maybe');
    expect(text(card)).toContain('Your answer: **Maybe**');
  });

  it('shows GMT times after the clock change', () => {
    const winter = {
      ...occurrence,
      date: '2026-11-17',
      startsAt: new Date('2026-11-17T15:45:00Z'),
      endsAt: new Date('2026-11-17T17:15:00Z'),
    };
    expect(facts(invitationCard({ occurrence: winter, series: hybrid, myAnswer: null, attended: false, now: before })).When).toBe(
      'Tuesday 17 November 2026, 15:45 to 17:15 (UK time)',
    );
  });

  it('online: no venue, the link; in person: no link', () => {
    const online = invitationCard({
      occurrence,
      series: { ...hybrid, mode: 'online', venue: null },
      myAnswer: null,
      attended: false,
      now: before,
    });
    expect(facts(online)).toMatchObject({ Where: 'Online', 'Join link': hybrid.joinUrl });
    const inPerson = invitationCard({ occurrence, series: { ...hybrid, mode: 'in-person' }, myAnswer: null, attended: false, now: before });
    expect(facts(inPerson)).toEqual({ When: expect.any(String), Where: 'In person: Oak Academy, Room 4' });
  });

  it('says when a meeting has changed, shows the agenda and which schools are off', () => {
    const card = invitationCard({
      occurrence: { ...occurrence, sequence: 2 },
      series: hybrid,
      myAnswer: 'going',
      attended: false,
      agenda: ['Provision maps', 'School strength: Oak Academy on transition'],
      schoolsOffNames: ['Ash Primary'],
      now: before,
    });
    expect(text(card)).toContain('This meeting has changed');
    expect(text(card)).toContain('- Provision maps\n- School strength: Oak Academy on transition');
    expect(text(card)).toContain('Not a school day for: Ash Primary.');
    expect(buttons(card)[0]!.data).toMatchObject({ sequence: '2' });
  });

  it('a cancelled meeting has no buttons', () => {
    const card = invitationCard({
      occurrence: { ...occurrence, status: 'cancelled', sequence: 1 },
      series: hybrid,
      myAnswer: 'going',
      attended: false,
      now: before,
    });
    expect(blocks(card, 'heading')[0]!.text).toBe('Cancelled: SENCO network: provision maps');
    expect(buttons(card)).toEqual([]);
    expect(text(card)).toContain('has been cancelled');
  });

  it('once the meeting has started, offers "I attended" instead, then thanks', () => {
    const card = invitationCard({ occurrence, series: hybrid, myAnswer: 'going', attended: false, now: after });
    expect(buttons(card).map((b) => [b.label, b.verb])).toEqual([['I attended', MEETING_VERBS.attended]]);
    const done = invitationCard({ occurrence, series: hybrid, myAnswer: 'going', attended: true, now: after });
    expect(buttons(done)).toEqual([]);
    expect(text(done)).toContain('attendance is recorded');
  });
});

describe('leaderCard', () => {
  const counts = countAnswers(10, ['going', 'going', 'maybe', 'not-going', null]);

  it('counts answers, with everyone else as no answer', () => {
    expect(counts).toEqual({ going: 2, notGoing: 1, maybe: 1, noAnswer: 6 });
  });

  it('shows live counts and move and cancel buttons before the meeting', () => {
    const card = leaderCard({ occurrence, series: hybrid, counts, attended: 0, now: before });
    expect(facts(card)).toMatchObject({ Going: '2', "Can't go": '1', Maybe: '1', 'No answer yet': '6' });
    expect(facts(card)).not.toHaveProperty('Attended');
    expect(buttons(card).map((b) => [b.verb, b.style])).toEqual([
      [MEETING_VERBS.move, undefined],
      [MEETING_VERBS.cancel, 'danger'],
    ]);
    expect(card.summary).toContain("2 going, 1 can't go, 1 maybe, 6 no answer");
  });

  it('shows attendance and no buttons afterwards; cancelled shows no buttons', () => {
    const later = leaderCard({ occurrence, series: hybrid, counts, attended: 3, now: after });
    expect(facts(later)).toMatchObject({ Attended: '3' });
    expect(buttons(later)).toEqual([]);
    expect(
      buttons(leaderCard({ occurrence: { ...occurrence, status: 'cancelled' }, series: hybrid, counts, attended: 0, now: before })),
    ).toEqual([]);
  });
});

describe('proposalCard', () => {
  it('lists dates in term order, names schools off and explains skipped meetings', () => {
    const spring = {
      ...occurrence,
      key: '2026-27/spring/1',
      term: 'spring' as const,
      index: 1 as const,
      yearLabel: '2026-27',
      date: '2027-02-02',
      startsAt: new Date('2027-02-02T15:45:00Z'),
      endsAt: new Date('2027-02-02T17:15:00Z'),
      schoolsOff: ['s2'],
    };
    const card = proposalCard({
      title: 'SENCO network',
      yearLabel: '2026-27',
      proposal: {
        occurrences: [spring],
        skipped: [
          { key: '2026-27/autumn/1', term: 'autumn', index: 1, reason: 'already-passed' },
          { key: '2026-27/summer/1', term: 'summer', index: 1, reason: 'no-school-day' },
        ],
      },
      schoolNames: new Map([['s2', 'Ash Primary']]),
    });
    expect(blocks(card, 'table')[0]!.rows).toEqual([
      ['Autumn', '-', 'Already passed'],
      ['Spring', 'Tuesday 2 February 2027, 15:45 to 17:15 (UK time)', 'Off: Ash Primary'],
      ['Summer', '-', 'No school day that suits: not scheduled'],
    ]);
    expect(buttons(card).map((b) => b.verb)).toEqual([MEETING_VERBS.confirmSeries, MEETING_VERBS.changeSeries]);
  });
});

describe('meetingErrorText', () => {
  const errors: MoveError[] = [
    'no-schools',
    'bad-weekday',
    'bad-time',
    'time-in-clock-change-hour',
    'bad-duration',
    'ends-after-midnight',
    'bad-date',
    'year-not-in-calendar',
    'outside-school-year',
    'no-school-days-left',
    'in-the-past',
    'no-school-in',
  ];
  it.each(errors)('explains %s in words, with the detail filled in', (error) => {
    const words = meetingErrorText(error, 'DETAIL');
    expect(words).not.toMatch(/\{|meetings\.error/);
    expect(words.length).toBeGreaterThan(20);
  });

  it('names the clock-change time', () => {
    expect(meetingErrorText('time-in-clock-change-hour', '01:30')).toContain('01:30 cannot be used');
  });
});
