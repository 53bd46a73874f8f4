/**
 * Shutdown with inbound work in flight. A Slack request is answered before the bot replies and
 * refreshes the person's Home, so its connection is idle while that work runs and closing the
 * server did not wait for it: under load, SIGTERM logged `home section failed ... Cannot use a
 * pool after calling end on the pool`. Checked: stop() waits for a slow Home section still
 * running after the answer, the Home is published, and nothing is logged as failed.
 */
import type { Feature } from '../../../src/flows/feature';
import { features } from '../../../src/flows/index';
import { chatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';
import { blockAction } from '../../fixtures/slack/factory';

jest.setTimeout(120_000);

describe.each(databaseKinds)('stopping the bot with inbound work in flight, on %s', (kind) => {
  it('waits for the work a Slack press goes on with after its answer before closing the database', async () => {
    // A Home section that, once armed, takes a while and then reads the database.
    const slow = { armed: false, started: 0, finished: 0 };
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slowHome: Feature = {
      id: 'slow-home',
      register: (app) =>
        app.homeSection({
          id: 'slow-home',
          sections: async ({ deps, actor }) => {
            if (!slow.armed) return [];
            slow.started++;
            started();
            await new Promise((resolve) => setTimeout(resolve, 400));
            await deps.state.get(`slow-home:${actor.personId}`);
            slow.finished++;
            return [];
          },
        }),
    };
    const h = await startHarness(kind, {}, new FakeClock('2026-11-10T10:00:00Z'), { features: [...features, slowHome] });
    const ann = chatUser(h, 'Ann Senco', 'ann@birch.org.uk');
    await seedTrust(h, 'Birch Trust', ['Oak Primary'], { ann: { user: ann, roles: ['senco'], school: 'Oak Primary' } });
    slow.armed = true;

    const press = await h.postSlack(blockAction('home.show', {}, ann.slack), 'application/x-www-form-urlencoded');
    expect(press.status).toBe(200); // answered at once; the reply and the Home refresh follow
    await running;
    await h.stop(); // bot.stop(), then the database is closed, as at SIGTERM

    expect(slow.finished).toBe(slow.started);
    await new Promise((resolve) => setTimeout(resolve, 600)); // anything still running would fail by now
    expect(h.logger.lines.filter((l) => l.level === 'error' || l.level === 'warn').map((l) => l.msg)).toEqual([]);
    expect(slow.finished).toBe(slow.started);
    expect(h.slack.homeViews.has(ann.slack.id)).toBe(true);
  });
});
