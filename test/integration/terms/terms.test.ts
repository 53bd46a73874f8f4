import type { Platform } from '../../../src/core/model';
import { buttonData, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust, type SeededTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

describe.each(databaseKinds)('term dates on %s', (kind) => {
  describe.each(platforms)('%s', (platform) => {
    let h: Harness;
    let trust: SeededTrust;
    let other: SeededTrust;
    let leader: ChatUser;
    let ann: ChatUser;
    beforeAll(async () => {
      h = await startHarness(kind, {}, new FakeClock('2026-11-23T10:00:00Z'));
      leader = chatUser(h, 'Lee Leader', 'lee@terms.org.uk');
      ann = chatUser(h, 'Ann Able', 'ann@oak.sch.uk');
      const outsider = chatUser(h, 'Olly Other', 'olly@elsewhere.org.uk');
      trust = await seedTrust(h, 'Terms Trust', ['Oak Primary', 'Ash Academy'], {
        leader: { user: leader, roles: ['send-leader'] },
        ann: { user: ann, roles: ['senco'], school: 'Oak Primary' },
      });
      other = await seedTrust(h, 'Other Trust', ['Elm School'], { olly: { user: outsider, roles: ['send-leader'] } });
    });
    afterAll(async () => h.stop());

    it('offers the usual English dates when nothing is stored', async () => {
      const text = plain(await send(h, platform, ann, 'terms'));
      expect(text).toContain('Term dates 2026-27');
      expect(text).toContain('26 October 2026');
      expect(text).toContain('usual English dates');
    });

    it("lets the leader set a school's autumn term and INSET days, and shows them back", async () => {
      const form = await send(h, platform, leader, 'terms set autumn Ash Academy');
      const data = buttonData(form, 'terms.save');
      expect(data).toEqual({ term: 'autumn', label: '2026-27', schoolId: trust.schools['Ash Academy'] });
      const saved = plain(
        await press(h, platform, leader, 'terms.save', {
          ...data,
          start: '2026-09-03',
          halfTermStart: '2026-10-19',
          halfTermEnd: '2026-10-30',
          end: '2026-12-18',
          inset: '2026-09-03, 02/11/2026',
        }),
      );
      expect(saved).toContain('Ash Academy');
      expect(saved).toContain('19 October 2026');
      expect(saved).toContain('2 November 2026');
      expect(plain(await send(h, platform, ann, 'terms Ash Academy'))).toContain('own term dates');
      expect(plain(await send(h, platform, ann, 'terms'))).toContain('usual English dates');
      const row = await h.db.prisma.academicYearDates.findFirstOrThrow({ where: { schoolId: trust.schools['Ash Academy'] } });
      expect(row.label).toBe('2026-27');
    });

    it('refuses dates that do not fit together and saves nothing', async () => {
      const reply = plain(
        await press(h, platform, leader, 'terms.save', {
          term: 'spring',
          label: '2026-27',
          schoolId: '',
          start: '2027-01-04',
          halfTermStart: '2027-04-12',
          halfTermEnd: '2027-04-16',
          end: '2027-03-25',
        }),
      );
      expect(reply).toContain('do not fit together');
      expect(await h.db.prisma.academicYearDates.count({ where: { trustId: trust.trustId, schoolId: '' } })).toBe(0);
      expect(
        plain(await press(h, platform, leader, 'terms.save', { term: 'spring', label: '2026-27', schoolId: '', start: 'soon' })),
      ).toContain('not a date I can read');
    });

    it("refuses SENCOs, and another trust's school id in a forged payload", async () => {
      expect(plain(await send(h, platform, ann, 'terms set autumn'))).toContain('is for MAT SEND leaders');
      const forged = {
        term: 'autumn',
        label: '2026-27',
        schoolId: other.schools['Elm School']!,
        start: '2026-09-01',
        halfTermStart: '2026-10-26',
        halfTermEnd: '2026-10-30',
        end: '2026-12-18',
      };
      expect(plain(await press(h, platform, leader, 'terms.save', forged))).toContain('not something I can find');
      expect(await h.db.prisma.academicYearDates.count({ where: { schoolId: other.schools['Elm School'] } })).toBe(0);
    });
  });
});
