/**
 * What the network meeting HTTP tests share: a valid series form, an outbox drained, what one
 * person received since a mark, the .ics files they got (Teams through the file consent card,
 * Slack as uploads) read back by ical.js, a card as it stands after in-place updates, an RSVP
 * pressed on the delivered card, and London dates and times by Intl.
 */
import ICAL from 'ical.js';
import type { Platform } from '../../src/core/model';
import { blockAction } from '../fixtures/slack/factory';
import { teamsSubmit } from '../fixtures/teams/factory';
import { chatUser, type ChatUser } from './chat';
import type { FakeClock } from './fake-clock';
import { consentCards, FILE_INFO } from './files';
import type { Harness } from './harness';
import { seedTrust } from './roster-seed';

/** The leader's series form, filled in: once a term on Tuesdays at 15:45 for 90 minutes, online. */
export const SERIES_FORM = {
  title: 'SENCO network meeting',
  audience: 'trust',
  schools: '',
  special: 'yes',
  year: '2026-27',
  perTerm: '1',
  weekday: '2',
  time: '15:45',
  duration: '90',
  mode: 'online',
  venue: '',
  link: 'https://teams.example.org/l/meetup-join/abc',
};

/**
 * The trust every meetings test starts from: Lee (SEND leader), Ann (SENCO at Oak Primary) and
 * Sam (SENCO at Ash Primary), all preferring the platform under test.
 */
export async function meetingsTrust(h: Harness, platform: Platform, name = `Oak Trust ${platform}`) {
  const lee = chatUser(h, 'Lee Leader', `lee-${platform}@oak.org.uk`);
  const ann = chatUser(h, 'Ann Senco', `ann-${platform}@oak.org.uk`);
  const sam = chatUser(h, 'Sam Senco', `sam-${platform}@ash.org.uk`);
  const { trustId } = await seedTrust(h, name, ['Oak Primary', 'Ash Primary'], {
    lee: { user: lee, roles: ['send-leader'] },
    ann: { user: ann, roles: ['senco'], school: 'Oak Primary' },
    sam: { user: sam, roles: ['senco'], school: 'Ash Primary' },
  });
  await h.db.prisma.person.updateMany({ where: { trustId }, data: { preferredPlatform: platform } });
  return { lee, ann, sam, trustId };
}

/** Runs the scheduler until the outbox is empty: sends are paced, so one tick may not send them all. */
export async function deliverAll(h: Harness, clock: FakeClock, ticks = 12): Promise<void> {
  for (let i = 0; i < ticks; i += 1) {
    await h.bot.scheduler.runOnce();
    if ((await h.db.prisma.outboxMessage.count({ where: { status: 'queued' } })) === 0) return;
    clock.advance(2_000);
  }
}

const dmOf = (who: ChatUser) => `D${who.slack.id.replace(/^U/, '')}`;

/** The .ics files a person received since `before`, in order, as text (on Teams: accepts each consent card in `texts`). */
export async function icsSince(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  texts: string[],
  slackUploadsBefore: number,
): Promise<string[]> {
  if (platform === 'slack') {
    return [...h.slack.uploads.values()]
      .slice(slackUploadsBefore)
      .filter((u) => u.channel === dmOf(who) && u.name.endsWith('.ics'))
      .map((u) => new TextDecoder().decode(u.bytes!));
  }
  const out: string[] = [];
  for (const card of consentCards(texts)) {
    const before = [...h.teams.uploads.keys()];
    const res = await h.postTeams(h.teams.consentInvoke(card, who.teams, 'accept'));
    expect(res.status).toBe(200);
    const added = [...h.teams.uploads.keys()].filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);
    out.push(new TextDecoder().decode(h.teams.uploads.get(added[0]!)!));
  }
  expect(h.teams.sentTexts().some((t) => t.includes(FILE_INFO)) || out.length === 0).toBe(true);
  return out;
}

/** The first VEVENT of an .ics, read back with ical.js (an independent parser). */
export function parseEvent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const [event] = calendar.getAllSubcomponents('vevent');
  const dtstart = event!.getFirstProperty('dtstart')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event!.getFirstPropertyValue('uid'),
    sequence: event!.getFirstPropertyValue('sequence'),
    status: event!.getFirstPropertyValue('status'),
    summary: event!.getFirstPropertyValue('summary'),
    location: event!.getFirstPropertyValue('location'),
    tzid: dtstart.getParameter('tzid'),
    start: (dtstart.getFirstValue() as ICAL.Time).toString(),
    hasZone: calendar.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === 'Europe/London'),
  };
}

/** The message sent under an outbox key as it stands now (after in-place updates), as JSON text. */
export async function current(h: Harness, platform: Platform, key: string): Promise<string> {
  const row = await h.db.prisma.outboxMessage.findFirst({ where: { key } });
  expect(row?.status).toBe('sent');
  if (platform === 'teams') {
    const sentTo = row!.sentTo as { activityId: string };
    const match = [...h.teams.activities.entries()].find(([k]) => k.endsWith(`/${sentTo.activityId}`));
    return JSON.stringify(match?.[1]);
  }
  const sentTo = row!.sentTo as { channel: string; ts: string };
  return JSON.stringify(h.slack.messages.get(`${sentTo.channel}:${sentTo.ts}`));
}

/** Presses an RSVP button on the delivered invitation card itself; returns the card as it then stands. */
export async function answerOnCard(
  h: Harness,
  platform: Platform,
  who: ChatUser,
  occurrence: { id: string; sequence?: number },
  answer: string,
): Promise<string> {
  const person = await h.db.prisma.person.findFirst({ where: { name: who.name } });
  const key = `meetings-invite:${occurrence.id}:${person!.id}`;
  const row = await h.db.prisma.outboxMessage.findFirst({ where: { key } });
  const data = { occurrenceId: occurrence.id, sequence: String(occurrence.sequence ?? 0), answer };
  if (platform === 'teams') {
    const { activityId } = row!.sentTo as { activityId: string };
    const res = await h.postTeams({ ...teamsSubmit(h.teams.url, { verb: 'meetings.rsvp', ...data }, who.teams), replyToId: activityId });
    expect(res.status).toBe(200);
  } else {
    const { channel, ts } = row!.sentTo as { channel: string; ts: string };
    const updates = h.slack.callsTo('chat.update').length;
    const body = blockAction('meetings.rsvp', data, who.slack).replace('1700000000.000100', ts);
    expect(body).toContain(channel);
    const res = await h.postSlack(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('chat.update').length > updates, 10_000);
  }
  return current(h, platform, key);
}

/** The event's start as an instant, worked out by ical.js from the file's own VTIMEZONE (not the bot's arithmetic). */
export function icsStartInstant(text: string): Date {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
  const start = (calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstart') as ICAL.Time).clone();
  start.zone = zone;
  return start.toJSDate();
}

/** 'HH:mm' in London by Intl (independent of src/calendar). */
export function londonClock(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
}

/** 'YYYY-MM-DD' in London by Intl. */
export function londonDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
