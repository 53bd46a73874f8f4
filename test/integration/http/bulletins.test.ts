/**
 * Bulletins end to end over HTTP, on both platforms and each database: compose, preview with
 * the recipient count and who cannot be reached, send once however often pressed, progress
 * updated in place, acknowledge (card updated), status by school, remind once a day, edit
 * (delivered cards updated), recall (deleted), schedule by a school day and time, the library
 * with full-text search, and who may send.
 */
import type { Platform } from '../../../src/core/model';
import { blockAction } from '../../fixtures/slack/factory';
import { buttonData, chatUser, personalMessages, plain, press, send, upload, type ChatUser } from '../../helpers/chat';
import { receiveFile } from '../../helpers/files';
import { seedBirchTrust } from '../../helpers/birch-trust';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { openHome } from '../../helpers/home';

jest.setTimeout(120_000);

// Monday 14 September 2026, 10:00 in London: a school day.
const MONDAY = '2026-09-14T09:00:00Z';

const BODY = [
  '# What changes',
  'From **Monday** every school uses the new provision map.',
  '- Read the guidance',
  '- Update your map',
  'See [the graduated approach guide](https://example.org/guide).',
].join('\n');

/** The bot's proactive and reply messages to this person on this platform, as JSON text. */
const inbox = personalMessages;

/** Messages changed in place (Teams updateActivity, Slack chat.update), as JSON text. */
function updates(h: Harness, platform: Platform): string[] {
  if (platform === 'teams') return h.teams.calls.filter((c) => c.method === 'PUT').map((c) => JSON.stringify(c.body));
  return h.slack.callsTo('chat.update').map((b) => JSON.stringify(b));
}

function deletes(h: Harness, platform: Platform): number {
  if (platform === 'teams') return h.teams.calls.filter((c) => c.method === 'DELETE').length;
  return h.slack.callsTo('chat.delete').length;
}

/**
 * Presses a button whose answer may replace the card it was on: Teams answers in the HTTP
 * response either way; Slack posts or updates through the Web API, so wait for either.
 */
async function pressInPlace(h: Harness, platform: Platform, who: ChatUser, verb: string, data: Record<string, string>): Promise<string[]> {
  if (platform === 'teams') return press(h, platform, who, verb, data);
  const channel = `D${who.slack.id.replace(/^U/, '')}`;
  const mine = () =>
    [...h.slack.callsTo('chat.postMessage'), ...h.slack.callsTo('chat.update'), ...h.slack.callsTo('chat.postEphemeral')].filter(
      (b) => b.channel === channel,
    );
  const before = mine().length;
  const res = await h.postSlack(blockAction(verb, data, who.slack, {}), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  await h.slack.waitFor(() => mine().length > before, 10_000);
  await new Promise((r) => setTimeout(r, 100));
  return mine()
    .slice(before)
    .map((b) => JSON.stringify(b));
}

describe.each(databaseKinds)('bulletins over HTTP on %s', (kind) => {
  describe.each<Platform>(['teams', 'slack'])('on %s', (platform) => {
    let h: Harness;
    const clock = new FakeClock(MONDAY);
    let lee: ChatUser;
    let ann: ChatUser;
    let ben: ChatUser;
    let tia: ChatUser;
    let trustId: string;
    let bulletinId: string;

    beforeAll(async () => {
      h = await startHarness(kind, {}, clock);
      ({ trustId } = await seedBirchTrust(h.db.prisma, [
        ['Lee Leader', 'lee@birch.org.uk', 'send-leader', null],
        ['Ann Senco', 'ann@birch.org.uk', 'senco', 'oak'],
        ['Ben Senco', 'ben@birch.org.uk', 'senco', 'elm'],
        ['Una Senco', 'una@birch.org.uk', 'senco', 'oak'],
        ['Tia Trust', 'tia@birch.org.uk', 'trust-leader', null],
      ]));
      lee = chatUser(h, 'Lee Leader', 'lee@birch.org.uk');
      ann = chatUser(h, 'Ann Senco', 'ann@birch.org.uk');
      ben = chatUser(h, 'Ben Senco', 'ben@birch.org.uk');
      tia = chatUser(h, 'Tia Trust', 'tia@birch.org.uk');
      // Una never talks to the bot: she cannot be reached.
      for (const who of [lee, ann, ben, tia]) await send(h, platform, who, 'help');
    });
    afterAll(async () => h.stop());

    it('keeps sending from trust leaders and SENCOs who were not granted', async () => {
      expect(plain(await send(h, platform, tia, 'bulletin new'))).toContain('is for');
      expect(plain(await send(h, platform, ann, 'bulletin new'))).toContain('Only the MAT SEND leader');
      expect(
        plain(await press(h, platform, ann, 'bulletin.compose', {}, { title: 'X', body: 'Y', audience: 'all', when: 'now' })),
      ).toContain('Only the MAT SEND leader');
      expect(plain(await send(h, platform, lee, 'bulletin grant tia@birch.org.uk'))).toContain('may not send');
      expect(await h.db.prisma.bulletin.count({ where: { trustId } })).toBe(0);
    });

    it('composes, previews with the count and who cannot be reached, and sends once', async () => {
      expect(plain(await send(h, platform, lee, 'bulletin new'))).toContain('New bulletin');
      const preview = await press(
        h,
        platform,
        lee,
        'bulletin.compose',
        {},
        { title: 'Provision maps', body: BODY, audience: 'all', ack: 'yes', area: 'provision', when: 'now' },
      );
      const text = plain(preview);
      expect(text).toContain('Preview');
      expect(text).toContain('What changes');
      expect(text).toContain('Send to 3 people (all SENCOs) now?');
      expect(text).toContain('1 cannot be reached in chat and will not get it: Una Senco (Oak Primary)');
      if (platform === 'slack') expect(text).toContain('<https://example.org/guide|the graduated approach guide>');
      else expect(text).toContain('[the graduated approach guide](https://example.org/guide)');
      const data = buttonData(preview, 'bulletin.send');
      bulletinId = data.id!;
      const first = await pressInPlace(h, platform, lee, 'bulletin.send', data);
      expect(plain(first)).toContain('Sending "Provision maps" to 2 people');
      expect(plain(await pressInPlace(h, platform, lee, 'bulletin.send', data))).toContain('already confirmed');
      await h.bot.scheduler.runOnce();
      for (const who of [ann, ben]) {
        const got = inbox(h, platform, who).filter((m) => m.includes('Provision maps') && m.includes('bulletin.ack'));
        expect(got).toHaveLength(1);
      }
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'bulletin.send', subject: bulletinId } })).toBe(1);
    });

    it('shows the sender progress updated in place', async () => {
      expect(inbox(h, platform, lee).some((m) => m.includes('of 3 sent'))).toBe(true);
      clock.advance(60_000);
      await h.bot.scheduler.runOnce();
      await h.bot.scheduler.runOnce();
      expect(updates(h, platform).some((u) => u.includes('2 of 3 sent'))).toBe(true);
    });

    it('takes an acknowledgement once and updates the recipient card', async () => {
      const ack = await pressInPlace(h, platform, ann, 'bulletin.ack', { id: bulletinId });
      expect(plain(ack)).toContain('Acknowledged on 14 September 2026');
      await pressInPlace(h, platform, ann, 'bulletin.ack', { id: bulletinId });
      expect(await h.db.prisma.bulletinAck.count({ where: { bulletinId } })).toBe(1);
      // Tia was not sent it: she cannot acknowledge it.
      expect(plain(await pressInPlace(h, platform, tia, 'bulletin.ack', { id: bulletinId }))).toContain('could not find');
    });

    it('shows status by school and reminds the unacknowledged once a day, after confirming', async () => {
      const status = plain(await press(h, platform, lee, 'bulletin.status', { id: bulletinId }));
      expect(status).toContain('Elm Secondary');
      expect(status).toContain('Oak Primary');
      const ask = await press(h, platform, lee, 'bulletin.remind.ask', { id: bulletinId });
      expect(plain(ask)).toContain('Remind the 2 people who have not acknowledged yet?');
      expect(plain(await pressInPlace(h, platform, lee, 'bulletin.remind', buttonData(ask, 'bulletin.remind')))).toContain(
        'Reminders queued for 1 person.',
      );
      expect(plain(await pressInPlace(h, platform, lee, 'bulletin.remind', { id: bulletinId }))).toContain('already reminded today');
      await h.bot.scheduler.runOnce();
      expect(inbox(h, platform, ben).filter((m) => m.includes('Reminder: please acknowledge'))).toHaveLength(1);
      expect(inbox(h, platform, ann).filter((m) => m.includes('Reminder: please acknowledge'))).toHaveLength(0);
    });

    it('finds it in the library by word, for recipients', async () => {
      expect(plain(await send(h, platform, ann, 'bulletins'))).toContain('Provision maps');
      expect(plain(await send(h, platform, ann, 'bulletins guidance maps'))).toContain('Provision maps');
      expect(plain(await send(h, platform, ann, 'bulletins zebra'))).toContain('No bulletin matches "zebra"');
    });

    it('edits the delivered cards in place, keeping acknowledgements', async () => {
      const form = await press(h, platform, lee, 'bulletin.edit.form', { id: bulletinId });
      expect(plain(form)).toContain('Edit bulletin');
      const before = updates(h, platform).length;
      const saved = await press(h, platform, lee, 'bulletin.edit', { id: bulletinId }, { title: 'Provision maps (corrected)', body: BODY });
      expect(plain(saved)).toContain('Saved. 2 delivered cards are being updated in place.');
      await h.bot.scheduler.runOnce();
      const changed = updates(h, platform)
        .slice(before)
        .filter((u) => u.includes('Provision maps (corrected)') && u.includes('Updated by the sender'));
      expect(changed.length).toBeGreaterThanOrEqual(2);
      expect(changed.some((u) => u.includes('Acknowledged on'))).toBe(true);
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'bulletin.edit', subject: bulletinId } })).toBe(1);
    });

    it('recalls it: delivered copies are deleted, once', async () => {
      const ask = await press(h, platform, lee, 'bulletin.recall.ask', { id: bulletinId });
      expect(plain(ask)).toContain('Recall "Provision maps (corrected)"?');
      const before = deletes(h, platform);
      expect(plain(await pressInPlace(h, platform, lee, 'bulletin.recall', { id: bulletinId }))).toContain('Recalled.');
      expect(plain(await pressInPlace(h, platform, lee, 'bulletin.recall', { id: bulletinId }))).toContain('already recalled');
      await h.bot.scheduler.runOnce();
      // Ann's and Ben's invitations, and Ben's reminder stays (a separate message).
      expect(deletes(h, platform) - before).toBe(2);
      expect(plain(await send(h, platform, ann, 'bulletins'))).toContain('There are no bulletins for you yet.');
      expect(await h.db.prisma.auditEntry.count({ where: { action: 'bulletin.recall', subject: bulletinId } })).toBe(1);
    });

    it('schedules a bulletin for a school day and time, to chosen schools', async () => {
      const preview = await press(
        h,
        platform,
        lee,
        'bulletin.compose',
        {},
        {
          title: 'Census reminder',
          body: 'Check SEN codes before **Thursday**.',
          audience: 'all',
          schools: 'elm secondary',
          ack: 'no',
          when: 'Tuesday 15:45',
        },
      );
      expect(plain(preview)).toContain('Send to 1 person (SENCOs of Elm Secondary) on 15 September 2026 at 15:45?');
      expect(plain(await pressInPlace(h, platform, lee, 'bulletin.send', buttonData(preview, 'bulletin.send')))).toContain(
        'is scheduled for 15 September 2026 at 15:45',
      );
      await h.bot.scheduler.runOnce();
      expect(inbox(h, platform, ben).filter((m) => m.includes('Census reminder'))).toHaveLength(0);
      clock.set('2026-09-15T14:46:00Z');
      await h.bot.scheduler.runOnce();
      await h.bot.scheduler.runOnce();
      expect(inbox(h, platform, ben).filter((m) => m.includes('Census reminder'))).toHaveLength(1);
      expect(inbox(h, platform, ann).filter((m) => m.includes('Census reminder'))).toHaveLength(0);
      expect(inbox(h, platform, lee).some((m) => m.includes('Census reminder') && m.includes('sent'))).toBe(true);
    });

    it('lets a granted SENCO send', async () => {
      expect(plain(await send(h, platform, lee, 'bulletin grant ann@birch.org.uk'))).toContain('Ann Senco may now send bulletins.');
      expect(plain(await send(h, platform, ann, 'bulletin new'))).toContain('New bulletin');
    });

    /** Composes and sends a bulletin to Elm Secondary (Ben) now; returns its id. */
    async function sendToElm(title: string, ack: 'yes' | 'no' = 'yes'): Promise<string> {
      const preview = await press(
        h,
        platform,
        lee,
        'bulletin.compose',
        {},
        { title, body: 'Please read.', audience: 'all', schools: 'Elm Secondary', ack, when: 'now' },
      );
      const data = buttonData(preview, 'bulletin.send');
      expect(plain(await pressInPlace(h, platform, lee, 'bulletin.send', data))).toContain(`Sending "${title}" to 1 person`);
      await h.bot.scheduler.runOnce();
      return data.id!;
    }

    let reviewId: string;

    it('attaches an uploaded document while composing and delivers it as a file with each copy', async () => {
      const preview = await press(
        h,
        platform,
        lee,
        'bulletin.compose',
        {},
        {
          title: 'SEN register template',
          body: 'The template is attached.',
          audience: 'all',
          schools: 'Elm Secondary',
          ack: 'no',
          when: 'now',
        },
      );
      const data = buttonData(preview, 'bulletin.attach');
      // Without pressing "Attach a document" first, a file is not taken as a document.
      expect(await h.db.prisma.bulletin.findUniqueOrThrow({ where: { id: data.id! } })).toMatchObject({ files: [] });
      expect(plain(await press(h, platform, lee, 'bulletin.attach', data))).toContain('Upload the document here now');
      const notes = 'Template: name, year, need, provision.';
      expect(plain(await upload(h, platform, lee, 'run.exe', new TextEncoder().encode('x')))).toContain('I can attach PDF, Word');
      await press(h, platform, lee, 'bulletin.attach', data);
      const attached = await upload(h, platform, lee, 'register-template.txt', new TextEncoder().encode(notes));
      expect(plain(attached)).toContain('Attached register-template.txt to "SEN register template"');
      expect(plain(attached)).toContain('📎 Attached: register-template.txt');
      // The file went to the sender with the preview, exactly as recipients get it.
      expect((await receiveFile(h, platform, lee, attached)).text).toBe(notes);
      // The next upload is a roster import again (the attachment was for one file).
      expect(plain(await upload(h, platform, lee, 'more.txt', new TextEncoder().encode('y')))).not.toContain('Attached more.txt');
      await pressInPlace(h, platform, lee, 'bulletin.send', buttonData(attached, 'bulletin.send'));
      await h.bot.scheduler.runOnce();
      const copies = inbox(h, platform, ben).filter((m) => m.includes('SEN register template'));
      expect(copies).toHaveLength(1);
      const got = await receiveFile(h, platform, ben, copies);
      expect(got).toEqual({ name: 'register-template.txt', text: notes });
      // After sending, nothing more can be attached.
      expect(plain(await press(h, platform, lee, 'bulletin.attach', data))).toContain('already sent');
    });

    it('reminds automatically once, on the second school day, and never after a recall', async () => {
      // Tuesday 15 September: the second school day after is Thursday 17 September.
      reviewId = await sendToElm('Annual review dates');
      const dropped = await sendToElm('Draft policy');
      await pressInPlace(h, platform, lee, 'bulletin.recall', { id: dropped });
      const reminders = (title: string) =>
        inbox(h, platform, ben).filter((m) => m.includes('Reminder: please acknowledge') && m.includes(title));
      clock.set('2026-09-16T08:31:00Z'); // Wednesday 09:31: not yet
      await h.bot.scheduler.runOnce();
      expect(reminders('Annual review dates')).toHaveLength(0);
      clock.set('2026-09-17T08:31:00Z'); // Thursday 09:31 in London
      await h.bot.scheduler.runOnce();
      await h.bot.scheduler.runOnce();
      clock.advance(60 * 60_000);
      await h.bot.scheduler.runOnce();
      expect(reminders('Annual review dates')).toHaveLength(1);
      expect(reminders('Draft policy')).toHaveLength(0);
    });

    it("shows a recipient the bulletins waiting on Home, and the sender their last one's acknowledgements", async () => {
      const forBen = await openHome(h, platform, ben);
      expect(plain([forBen])).toContain('Bulletins to acknowledge (1)');
      expect(plain([forBen])).toContain('Annual review dates');
      expect(buttonData([forBen], 'bulletin.ack')).toEqual({ id: reviewId });
      const forLee = plain([await openHome(h, platform, lee)]);
      expect(forLee).toContain('Your last bulletin');
      expect(forLee).toContain('0 of 1 acknowledged');
      expect(forLee).not.toContain('Bulletins to acknowledge');
      expect(plain(await pressInPlace(h, platform, ben, 'bulletin.ack', { id: reviewId }))).toContain('Acknowledged on 17 September 2026');
      expect(plain([await openHome(h, platform, ben)])).not.toContain('Bulletins to acknowledge');
      expect(plain([await openHome(h, platform, lee)])).toContain('1 of 1 acknowledged');
    });

    it('adds bulletins sent this week to the digest, with the acknowledgement rate by school', async () => {
      const digest = plain(await send(h, platform, lee, 'digest'));
      // This week: "Census reminder" and "SEN register template" (no acknowledgement asked) and "Annual review dates" (Ben acknowledged);
      // the recalled ones are left out.
      expect(digest).toContain('3 bulletins sent this week; 100% acknowledged');
      expect(digest).toContain('Elm Secondary: 1 of 1 acknowledged (100%)');
    });

    it('replaces a delivered card with a notice where the platform refuses to delete it', async () => {
      const id = await sendToElm('Wrong attachment', 'no');
      if (platform === 'slack') h.slack.errors.set('chat.delete', 'cant_delete_message');
      else h.teams.refuseDeletes = 403;
      try {
        const before = updates(h, platform).length;
        expect(plain(await pressInPlace(h, platform, lee, 'bulletin.recall', { id }))).toContain('Recalled.');
        await h.bot.scheduler.runOnce();
        const replaced = updates(h, platform)
          .slice(before)
          .filter((u) => u.includes('Wrong attachment') && u.includes('was recalled by its sender'));
        expect(replaced).toHaveLength(1);
      } finally {
        h.slack.errors.delete('chat.delete');
        h.teams.refuseDeletes = null;
      }
      // Refusing a delete is not the recipient blocking the bot: Ben is still reached.
      await sendToElm('Still reachable', 'no');
      expect(inbox(h, platform, ben).filter((m) => m.includes('Still reachable'))).toHaveLength(1);
    });

    it('lists recipients with their status, a page at a time', async () => {
      const db = h.db.prisma;
      const pine = await db.school.create({ data: { trustId, name: 'Pine Academy', phase: 'secondary', region: 'East' } });
      for (let i = 1; i <= 26; i++) {
        const p = await db.person.create({
          data: { trustId, schoolId: pine.id, name: `Pine Senco ${String(i).padStart(2, '0')}`, email: `pine${i}@birch.org.uk` },
        });
        await db.roleAssignment.create({ data: { trustId, personId: p.id, role: 'senco', schoolId: pine.id } });
      }
      const preview = await press(
        h,
        platform,
        lee,
        'bulletin.compose',
        {},
        { title: 'Pine and Elm', body: 'Hello.', audience: 'all', schools: 'Pine Academy, Elm Secondary', ack: 'yes', when: 'now' },
      );
      const data = buttonData(preview, 'bulletin.send');
      await pressInPlace(h, platform, lee, 'bulletin.send', data);
      await h.bot.scheduler.runOnce();
      const status = await press(h, platform, lee, 'bulletin.status', { id: data.id! });
      const first = await press(h, platform, lee, 'bulletin.recipients', buttonData(status, 'bulletin.recipients'));
      const text = plain(first);
      expect(text).toContain('Recipients of "Pine and Elm"');
      expect(text).toMatch(/Ben Senco[\s\S]*Elm Secondary[\s\S]*Delivered/);
      expect(text).toContain('Pine Senco 01');
      expect(text).toContain('Unreachable');
      expect(text).toContain('Showing 1–25 of 27');
      expect(text).not.toContain('Pine Senco 26');
      const more = buttonData(first, 'bulletin.recipients');
      expect(more).toEqual({ id: data.id, offset: '25' });
      const second = plain(await press(h, platform, lee, 'bulletin.recipients', more));
      expect(second).toContain('Pine Senco 26');
      expect(second).toContain('Showing 26–27 of 27');
      // Only the sender (or a SEND leader) sees who received it.
      expect(plain(await press(h, platform, ben, 'bulletin.recipients', more))).not.toContain('Pine Senco');
    });

    it('saves the audience last composed as a named list, and offers it when composing', async () => {
      expect(plain(await send(h, platform, lee, 'bulletin list save'))).toContain('Give the list a name');
      expect(plain(await send(h, platform, lee, 'bulletin list save Pine and Elm cluster'))).toContain(
        'Saved the list "Pine and Elm cluster" (SENCOs of Pine Academy, Elm Secondary)',
      );
      expect(plain(await send(h, platform, lee, 'bulletin list save pine AND elm cluster'))).toContain('There is already a list called');
      expect(await h.db.prisma.bulletinList.count({ where: { trustId } })).toBe(1);
      expect(plain(await send(h, platform, ann, 'bulletin lists'))).toContain('Pine and Elm cluster');
      expect(plain(await send(h, platform, tia, 'bulletin lists'))).toContain('is for');
      expect(plain(await send(h, platform, lee, 'bulletin new'))).toContain('Saved list: Pine and Elm cluster');
      const list = await h.db.prisma.bulletinList.findFirstOrThrow({ where: { trustId } });
      const preview = await press(
        h,
        platform,
        lee,
        'bulletin.compose',
        {},
        { title: 'Cluster news', body: 'Hi.', audience: `list:${list.id}`, ack: 'no', when: 'now' },
      );
      expect(plain(preview)).toContain('Send to 27 people (the list "Pine and Elm cluster": SENCOs of Pine Academy, Elm Secondary) now?');
      const gone = await press(h, platform, lee, 'bulletin.compose', {}, { title: 'X', body: 'Y', audience: 'list:nope', when: 'now' });
      expect(plain(gone)).toContain('That saved list no longer exists');
    });
  });
});
