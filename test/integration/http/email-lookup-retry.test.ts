import type { Platform } from '../../../src/core/model';
import { chatUser, send } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { seedTrust } from '../../helpers/roster-seed';

const platforms: Platform[] = ['teams', 'slack'];

/**
 * A platform lookup of the writer's email that fails (Teams member lookup, Slack users.info)
 * is logged and retried a minute later, so the person is recognised once the platform
 * answers again, without a restart.
 */
describe.each(databaseKinds)('email lookups that fail on %s', (kind) => {
  describe.each(platforms)('%s', (platform) => {
    let h: Harness;
    const clock = new FakeClock('2026-11-23T10:00:00Z');
    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
    });
    afterAll(async () => h.stop());

    it('are logged, answered as unknown meanwhile, and retried later', async () => {
      const ann = chatUser(h, 'Ann Able', 'ann@oak.sch.uk');
      const trust = await seedTrust(h, 'Lookup Trust', ['Oak'], { ann: { user: ann, roles: ['senco'], school: 'Oak' } }, { link: false });
      const lookups = () =>
        platform === 'teams' ? h.teams.calls.filter((c) => c.path.includes('/members/')).length : h.slack.callsTo('users.info').length;
      const linkedPerson = async () =>
        (
          await h.db.prisma.chatIdentity.findFirst({
            where: { platform, userId: platform === 'teams' ? ann.teams.aadObjectId : ann.slack.id },
            select: { personId: true },
          })
        )?.personId ?? null;
      // The platform fails: Teams cannot find the member, Slack answers an error.
      if (platform === 'teams') h.teams.members.delete(ann.teams.id);
      else h.slack.errors.set('users.info', 'internal_error');

      await send(h, platform, ann, 'help');
      expect(lookups()).toBe(1);
      expect(await linkedPerson()).toBeNull();
      expect(h.logger.lines.some((l) => l.level === 'warn' && l.msg.includes('lookup failed'))).toBe(true);

      // Within the retry delay: no new call, still unknown.
      if (platform === 'teams')
        h.teams.members.set(ann.teams.id, { id: ann.teams.id, name: ann.name, email: ann.email, aadObjectId: ann.teams.aadObjectId });
      else h.slack.errors.delete('users.info');
      clock.advance(30_000);
      await send(h, platform, ann, 'help');
      expect(lookups()).toBe(1);

      // After it: asked again, and the person is recognised.
      clock.advance(31_000);
      await send(h, platform, ann, 'help');
      expect(lookups()).toBe(2);
      expect(await linkedPerson()).toBe(trust.people.ann);
    });
  });
});
