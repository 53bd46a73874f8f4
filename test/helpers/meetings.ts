/** Shared by the HTTP tests of network meetings: a valid series form and "deliver everything queued". */
import type { FakeClock } from './fake-clock';
import type { Harness } from './harness';

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

/** Runs the scheduler until the outbox is empty: sends are paced, so one tick may not send them all. */
export async function deliverAll(h: Harness, clock: FakeClock, ticks = 12): Promise<void> {
  for (let i = 0; i < ticks; i += 1) {
    await h.bot.scheduler.runOnce();
    if ((await h.db.prisma.outboxMessage.count({ where: { status: 'queued' } })) === 0) return;
    clock.advance(2_000);
  }
}
