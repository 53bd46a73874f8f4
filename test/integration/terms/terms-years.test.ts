import type { Platform } from '../../../src/core/model';
import { chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

/** Issue 9 item 6: years the calendar cannot serve get an answer, not an apology for a crash. */
describe.each(databaseKinds)('term dates for impossible years on %s', (kind) => {
  let h: Harness;
  let leader: ChatUser;
  beforeAll(async () => {
    h = await startHarness(kind, {}, new FakeClock('2026-11-23T10:00:00Z'));
    leader = chatUser(h, 'Lee Leader', 'lee@years.org.uk');
    await seedTrust(h, 'Years Trust', ['Oak'], { leader: { user: leader, roles: ['send-leader'] } });
  });
  afterAll(async () => h.stop());

  it.each(platforms)('answers terms 1066-67 and 9999-00 with how to write a year, on %s', async (platform) => {
    for (const year of ['1066-67', '9999-00']) {
      for (const command of [`terms ${year}`, `terms set autumn ${year}`]) {
        const text = plain(await send(h, platform, leader, command));
        expect(text).toContain(`"${year}" is not an academic year I can show`);
      }
    }
    expect(h.logger.lines.filter((l) => l.msg === 'event handling failed')).toHaveLength(0);
  });

  it.each(platforms)('refuses a terms.save carrying such a label, on %s', async (platform) => {
    const dates = { start: '2026-09-01', halfTermStart: '2026-10-26', halfTermEnd: '2026-10-30', end: '2026-12-18' };
    for (const label of ['1066-67', '9999-00']) {
      const text = plain(await press(h, platform, leader, 'terms.save', { term: 'autumn', label, schoolId: '' }, dates));
      expect(text).not.toContain('something went wrong');
    }
    expect(h.logger.lines.filter((l) => l.msg === 'event handling failed')).toHaveLength(0);
  });
});
