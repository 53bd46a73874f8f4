/**
 * A bulletin to a Teams or Slack channel, over HTTP on both platforms and each database: the
 * leader composes in the channel ("This channel"), the confirmation says "1 channel", Send
 * posts once to the channel through the outbox; anyone on the roster acknowledges from the
 * shared card (recorded once per person, answered privately: Slack ephemeral, Teams in their
 * own chat), someone not on the roster is told why not; status shows the channel and the
 * count; edit updates the one post in place and recall deletes it; the audience can be saved.
 */
import type { Platform } from '../../../src/core/model';
import { blockAction, slashCommand } from '../../fixtures/slack/factory';
import { teamsChannelActivity } from '../../fixtures/teams/factory';
import { buttonData, chatUser, personalMessages, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(120_000);

// Monday 14 September 2026, 10:00 in London: a school day.
const MONDAY = '2026-09-14T09:00:00Z';
const TEAMS_CHANNEL = '19:senco-network@thread.tacv2';
const SLACK_CHANNEL = 'C0SENCO';

describe.each(databaseKinds)('a bulletin to a channel over HTTP on %s', (kind) => {
  describe.each<Platform>(['teams', 'slack'])('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(MONDAY);
    let lee: ChatUser;
    let ann: ChatUser;
    let ben: ChatUser;
    let ned: ChatUser;
    let trustId: string;
    let bulletinId: string;

    /** What the bot posted in the channel (and, on Slack, showed only to `who` there), as JSON text each. */
    function inChannel(who: ChatUser | null): string[] {
      if (platform === 'teams')
        return h.teams
          .sentActivities()
          .filter((a) => a.conversationId.split(';')[0] === TEAMS_CHANNEL)
          .map((a) => JSON.stringify(a.activity));
      return [...h.slack.callsTo('chat.postMessage'), ...h.slack.callsTo('chat.postEphemeral')]
        .filter((b) => b.channel === SLACK_CHANNEL && (b.user === undefined || (who !== null && b.user === who.slack.id)))
        .map((b) => JSON.stringify(b));
    }

    /** The bot's messages in this person's own chat (Teams 1:1, Slack DM). */
    const personal = (who: ChatUser) => personalMessages(h, platform, who);

    /** The bulletin's channel card as it stands on the platform (after updates), and its id there. */
    async function channelCard(): Promise<{ id: string; now: Record<string, unknown> | 'deleted' | undefined }> {
      const row = await h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { key: `bulletin-channel:${bulletinId}` } });
      const id = row.providerId!;
      const now = platform === 'teams' ? h.teams.activities.get(`${TEAMS_CHANNEL}/${id}`) : h.slack.messages.get(`${SLACK_CHANNEL}:${id}`);
      return { id, now };
    }

    /** Types a command, or presses a button, in the channel; returns what the bot said there (to everyone or to `who`). */
    async function inTheChannel(
      who: ChatUser,
      what: { text: string } | { verb: string; data?: Record<string, string>; fields?: Record<string, string>; on?: string },
    ): Promise<string[]> {
      const before = inChannel(who).length;
      let res: Response;
      if (platform === 'teams') {
        const body =
          'text' in what
            ? { text: what.text }
            : { value: { verb: what.verb, ...what.data, ...what.fields }, ...(what.on ? { replyToId: what.on } : {}) };
        res = await h.postTeams(teamsChannelActivity(h.teams.url, TEAMS_CHANNEL, who.teams, body));
      } else if ('text' in what) {
        res = await h.postSlack(slashCommand(what.text, who.slack, SLACK_CHANNEL), 'application/x-www-form-urlencoded');
      } else {
        const state = Object.fromEntries(
          Object.entries(what.fields ?? {}).map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }]),
        );
        const where = { channel: SLACK_CHANNEL, messageTs: what.on ?? '1700000000.000900', ephemeral: !what.on };
        res = await h.postSlack(blockAction(what.verb, what.data ?? {}, who.slack, state, where), 'application/x-www-form-urlencoded');
      }
      expect(res.status).toBe(200);
      if (platform === 'slack') await h.slack.waitFor(() => inChannel(who).length > before, 10_000);
      await new Promise((r) => setTimeout(r, 100));
      return inChannel(who).slice(before);
    }

    const ackCount = () => h.db.prisma.bulletinAck.count({ where: { bulletinId } });

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      const db = h.db.prisma;
      trustId = (await db.trust.create({ data: { name: 'Birch Trust' } })).id;
      const oak = await db.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary', region: 'North' } });
      const person = async (name: string, email: string, role: string, schoolId: string | null) => {
        const p = await db.person.create({ data: { trustId, schoolId, name, email } });
        await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
      };
      await person('Lee Leader', 'lee@birch.org.uk', 'send-leader', null);
      await person('Ann Senco', 'ann@birch.org.uk', 'senco', oak.id);
      await person('Ben Senco', 'ben@birch.org.uk', 'senco', oak.id);
      lee = chatUser(h, 'Lee Leader', 'lee@birch.org.uk');
      ann = chatUser(h, 'Ann Senco', 'ann@birch.org.uk');
      ben = chatUser(h, 'Ben Senco', 'ben@birch.org.uk');
      // Ned is in the channel but not on any roster.
      ned = chatUser(h, 'Ned Visitor', 'ned@elsewhere.org.uk');
      for (const who of [lee, ann, ben]) await send(h, platform, who, 'help');
    });
    afterAll(async () => h.stop());

    it('offers "This channel" only where composed in a channel', async () => {
      const form = plain(await inTheChannel(lee, { text: 'bulletin new' }));
      expect(form).toContain('New bulletin');
      expect(form).toContain('This channel');
      expect(plain(await send(h, platform, lee, 'bulletin new'))).not.toContain('This channel');
      const fields = { title: 'Nowhere', body: 'Body', audience: 'this-channel', ack: 'yes', when: 'now' };
      expect(plain(await press(h, platform, lee, 'bulletin.compose', {}, fields))).toContain('in that channel (the bot must be in it)');
    });

    it('previews "1 channel" and posts once to the channel through the outbox, however often Send is pressed', async () => {
      const fields = {
        title: 'Staffroom notice',
        body: '# Reviews\nEHCP reviews are **due**.',
        audience: 'this-channel',
        ack: 'yes',
        when: 'now',
      };
      const preview = await inTheChannel(lee, { verb: 'bulletin.compose', fields });
      const text = plain(preview);
      expect(text).toContain('Reviews');
      expect(text).toContain(`Send to 1 channel (a ${platform === 'teams' ? 'Teams' : 'Slack'} channel) now?`);
      expect(text).toContain('posted once in the channel');
      const data = buttonData(preview, 'bulletin.send');
      bulletinId = data.id!;
      expect(plain(await inTheChannel(lee, { verb: 'bulletin.send', data }))).toContain('Posting "Staffroom notice" in the channel');
      expect(plain(await inTheChannel(lee, { verb: 'bulletin.send', data }))).toContain('already confirmed');
      const postsBefore = inChannel(null).length;
      await h.bot.scheduler.runOnce();
      await h.bot.scheduler.runOnce();

      const posts = inChannel(null).slice(postsBefore);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toContain('Staffroom notice');
      expect(posts[0]).toContain('bulletin.ack');
      const rows = await h.db.prisma.outboxMessage.findMany({
        where: { key: { startsWith: `bulletin-` }, NOT: { key: { startsWith: 'bulletin-progress' } } },
      });
      expect(rows.filter((r) => r.key.includes(bulletinId)).map((r) => [r.key, r.personId, r.status])).toEqual([
        [`bulletin-channel:${bulletinId}`, null, 'sent'],
      ]);
      // The leader's progress card, in their own chat.
      expect(plain(personal(lee))).toContain('"Staffroom notice": 0 of 1 sent');
      expect(plain(personal(lee))).toContain('0 acknowledged in the channel');
    });

    it('records each roster member who acknowledges from the channel card once, answering privately; tells others why not', async () => {
      const card = (await channelCard()).id;
      const channelBefore = inChannel(null).length;
      const press1 = async (who: ChatUser) => {
        const seen = await inTheChannel(who, { verb: 'bulletin.ack', data: { id: bulletinId }, on: card });
        if (platform === 'slack') return plain(seen);
        // Teams: nothing in the channel; the answer goes to the person's own chat.
        expect(seen).toEqual([]);
        const before = personal(who).length;
        await h.bot.scheduler.runOnce();
        return plain(personal(who).slice(before));
      };
      expect(await press1(ann)).toContain('You acknowledged "Staffroom notice" on 14 September 2026');
      expect(await press1(ann)).toContain('You already acknowledged "Staffroom notice"');
      expect(await ackCount()).toBe(1);
      expect(await press1(ben)).toContain('You acknowledged');
      expect(await ackCount()).toBe(2);

      const refused = plain(await inTheChannel(ned, { verb: 'bulletin.ack', data: { id: bulletinId }, on: card }));
      expect(refused).toContain('I do not know who you are yet');
      expect(await ackCount()).toBe(2);

      // The shared card was never replaced, and nothing else was posted to everyone.
      expect(JSON.stringify((await channelCard()).now)).toContain('bulletin.ack');
      expect(
        inChannel(null)
          .slice(channelBefore)
          .filter((m) => !m.includes('do not know')),
      ).toEqual([]);
      if (platform === 'slack') expect(h.slack.callsTo('chat.update').filter((b) => b.channel === SLACK_CHANNEL)).toEqual([]);
      else expect(h.teams.calls.filter((c) => c.method === 'PUT' && c.path.includes(encodeURIComponent(TEAMS_CHANNEL)))).toEqual([]);
    });

    it('shows the channel and the acknowledgement count in the status', async () => {
      const status = plain(await press(h, platform, lee, 'bulletin.status', { id: bulletinId }));
      expect(status).toContain(`a ${platform === 'teams' ? 'Teams' : 'Slack'} channel`);
      expect(status).toContain('Acknowledged by: Ann Senco (Oak Primary), Ben Senco (Oak Primary)');
      const recipients = plain(await press(h, platform, lee, 'bulletin.recipients', { id: bulletinId, offset: '0' }));
      expect(recipients).toContain('Ann Senco');
      expect(recipients).toContain('Acknowledged');
    });

    it('updates the one channel post in place on edit, and deletes it on recall', async () => {
      await press(
        h,
        platform,
        lee,
        'bulletin.edit',
        { id: bulletinId },
        { title: 'Staffroom notice (corrected)', body: 'Reviews are due on **Friday**.' },
      );
      await h.bot.scheduler.runOnce();
      const edited = JSON.stringify((await channelCard()).now);
      expect(edited).toContain('Staffroom notice (corrected)');
      expect(edited).toContain('Updated by the sender.');
      expect(edited).toContain('bulletin.ack');

      expect(plain(await press(h, platform, lee, 'bulletin.recall', { id: bulletinId }))).toContain('Recalled. 1 delivered copy');
      await h.bot.scheduler.runOnce();
      expect((await channelCard()).now).toBe('deleted');
      expect(await press1Recalled()).toContain('was recalled by its sender');
    });

    async function press1Recalled(): Promise<string> {
      const seen = await inTheChannel(ann, { verb: 'bulletin.ack', data: { id: bulletinId }, on: 'gone' });
      if (platform === 'slack') return plain(seen);
      const before = personal(ann).length;
      await h.bot.scheduler.runOnce();
      return plain(personal(ann).slice(before));
    }

    it('saves the channel as a list, and a bulletin to that list goes to the channel', async () => {
      expect(plain(await send(h, platform, lee, 'bulletin list save Staffroom'))).toContain('Staffroom');
      const form = await send(h, platform, lee, 'bulletin new');
      expect(plain(form)).toContain('Saved list: Staffroom');
      const list = await h.db.prisma.bulletinList.findFirstOrThrow({ where: { trustId, name: 'Staffroom' } });
      const fields = { title: 'From my chat', body: 'Hello channel', audience: `list:${list.id}`, ack: 'no', when: 'now' };
      const preview = await press(h, platform, lee, 'bulletin.compose', {}, fields);
      expect(plain(preview)).toContain(
        `Send to 1 channel (the list "Staffroom": a ${platform === 'teams' ? 'Teams' : 'Slack'} channel) now?`,
      );
      const postsBefore = inChannel(null).length;
      await press(h, platform, lee, 'bulletin.send', buttonData(preview, 'bulletin.send'));
      await h.bot.scheduler.runOnce();
      const posts = inChannel(null).slice(postsBefore);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toContain('Hello channel');
      expect(posts[0]).not.toContain('bulletin.ack');
    });

    it('posts a scheduled one to the channel when it opens, not before', async () => {
      const fields = {
        title: 'Census in the channel',
        body: 'Check SEN codes.',
        audience: 'this-channel',
        ack: 'yes',
        when: 'Tuesday 15:45',
      };
      const preview = await inTheChannel(lee, { verb: 'bulletin.compose', fields });
      expect(plain(preview)).toContain('Send to 1 channel');
      expect(plain(preview)).toContain('on 15 September 2026 at 15:45?');
      expect(plain(await inTheChannel(lee, { verb: 'bulletin.send', data: buttonData(preview, 'bulletin.send') }))).toContain(
        'is scheduled for 15 September 2026 at 15:45',
      );
      const posted = () => inChannel(null).filter((m) => m.includes('Census in the channel') && m.includes('bulletin.ack'));
      // (On Teams the preview in the channel looks like the card: count what comes after it.)
      const before = posted().length;
      await h.bot.scheduler.runOnce();
      expect(posted()).toHaveLength(before);
      clock.set('2026-09-15T14:46:00Z');
      await h.bot.scheduler.runOnce();
      await h.bot.scheduler.runOnce();
      expect(posted()).toHaveLength(before + 1);
    });
  });
});
