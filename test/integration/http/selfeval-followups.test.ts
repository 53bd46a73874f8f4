/**
 * Issue 13's follow-ups over HTTP on Teams and Slack, on PGlite and PostgreSQL: a SENCO of two
 * schools chooses one per sitting; a half-done area is nudged after three school days, once per
 * gap, and a snooze holds the next nudge; the pupil-name guard on check-in notes and follow-ups
 * (rephrase or save anyway); sharing one school's summary with trust leaders (refused before,
 * shown after, refused again after unsharing, audited); Home; the digest's section.
 */
import { buttonData, buttons, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';
import { openHome } from '../../helpers/home';

jest.setTimeout(240_000);

// Tuesday 15 September 2026, 10:00 in London (BST).
const NOW = '2026-09-15T09:00:00Z';
/** 10:30 London (BST) on a date: after the 10:00 nudge check. */
const halfPastTen = (date: string) => `${date}T09:30:00Z`;

async function rate(h: Harness, platform: 'teams' | 'slack', who: ChatUser, replies: string[], rating: string): Promise<string[]> {
  const button = buttons(replies).find((b) => b.verb === 'selfeval-rate' && b.data.r === rating);
  if (!button) throw new Error(`no ${rating} button in ${plain(replies).slice(0, 1500)}`);
  return press(h, platform, who, 'selfeval-rate', button.data);
}

describe.each(databaseKinds)('self-evaluation follow-ups over HTTP on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock(NOW);
  let lee: ChatUser;
  let ann: ChatUser;
  let dee: ChatUser;
  let tia: ChatUser;
  let trustId: string;
  let ids: Record<'oak' | 'elm' | 'ash' | 'ann' | 'dee' | 'lee' | 'tia', string>;

  const rows = async (prefix: string) =>
    h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: prefix } }, orderBy: { createdAt: 'asc' } });
  const audits = async (action: string) => h.db.prisma.auditEntry.findMany({ where: { trustId, action }, orderBy: { at: 'asc' } });
  const tick = async (at: string) => {
    clock.set(at);
    await h.bot.scheduler.runOnce();
  };

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    const db = h.db.prisma;
    trustId = (await db.trust.create({ data: { name: 'Rowan Trust' } })).id;
    const school = async (name: string) => (await db.school.create({ data: { trustId, name, phase: 'primary' } })).id;
    const [oak, elm, ash] = [await school('Oak Primary'), await school('Elm Academy'), await school('Ash Infants')];
    const person = async (name: string, email: string, roles: Array<[string, string | null]>) => {
      const p = await db.person.create({ data: { trustId, schoolId: roles[0]![1], name, email } });
      for (const [role, schoolId] of roles) await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId } });
      return p.id;
    };
    ids = {
      oak,
      elm,
      ash,
      lee: await person('Lee Leader', 'lee@rowan.org.uk', [['send-leader', null]]),
      ann: await person('Ann Senco', 'ann@rowan.org.uk', [['senco', oak]]),
      dee: await person('Dee Senco', 'dee@rowan.org.uk', [
        ['senco', elm],
        ['senco', ash],
      ]),
      tia: await person('Tia Trust', 'tia@rowan.org.uk', [['trust-leader', null]]),
    };
    lee = chatUser(h, 'Lee Leader', 'lee@rowan.org.uk');
    ann = chatUser(h, 'Ann Senco', 'ann@rowan.org.uk');
    dee = chatUser(h, 'Dee Senco', 'dee@rowan.org.uk');
    tia = chatUser(h, 'Tia Trust', 'tia@rowan.org.uk');
    for (const who of [lee, ann, dee, tia]) {
      await send(h, 'teams', who, 'help');
      await send(h, 'slack', who, 'help');
    }
    expect(plain(await send(h, 'teams', lee, 'selfeval start 2026-27'))).toContain('Self-evaluation 2026-27 is open');
  });
  afterAll(async () => h.stop());

  it('asks a SENCO of two schools which one, once per sitting, and remembers it across platforms', async () => {
    const asked = await send(h, 'teams', dee, 'selfeval');
    expect(plain(asked)).toContain('You are SENCO of more than one school');
    const choices = buttons(asked).filter((b) => b.verb === 'selfeval-begin');
    expect(choices.map((b) => b.data.s).sort()).toEqual([ids.elm, ids.ash].sort());
    const card = await press(h, 'teams', dee, 'selfeval-begin', { s: ids.ash });
    expect(plain(card)).toContain('Self-evaluating Ash Infants');
    expect(plain(card)).toContain('Area 1 of 5, statement 1 of');
    await rate(h, 'teams', dee, card, 'strong');
    expect(await h.db.prisma.selfEvalAnswer.findMany({ where: { trustId }, select: { schoolId: true } })).toEqual([{ schoolId: ids.ash }]);

    // Same sitting on Slack: no second question, the same school.
    const resumed = plain(await send(h, 'slack', dee, 'selfeval'));
    expect(resumed).not.toContain('more than one school');
    expect(resumed).toContain('Self-evaluating Ash Infants');
    expect(resumed).toContain('statement 2 of');

    // The choice is kept for the sitting, a cancel included; the next day it is asked again.
    await send(h, 'slack', dee, 'cancel');
    expect(plain(await send(h, 'teams', dee, 'selfeval'))).toContain('Self-evaluating Ash Infants');
    clock.set('2026-09-16T08:00:00Z');
    expect(plain(await send(h, 'slack', dee, 'selfeval'))).toContain('Which school are you self-evaluating now?');
    clock.set(NOW);

    // A button naming a school they are not SENCO of is refused and audited.
    expect(plain(await press(h, 'slack', dee, 'selfeval-begin', { s: ids.oak }))).toContain('a school you are not SENCO of');
    expect((await audits('selfeval.refused')).map((a) => [a.actorId, a.subject])).toEqual([[ids.dee, ids.oak]]);
  });

  it('nudges a half-done area after three school days, once per gap; Continue resumes; a snooze holds the next nudge', async () => {
    const ann1 = await send(h, 'teams', ann, 'selfeval');
    await rate(h, 'teams', ann, ann1, 'established'); // Tuesday 15 September
    const oakNudges = () => rows(`selfeval-nudge:`).then((r) => r.filter((x) => x.key.includes(`:${ids.oak}:`)));

    await tick(halfPastTen('2026-09-17')); // Thursday: two school days since
    expect(await oakNudges()).toHaveLength(0);
    await tick(halfPastTen('2026-09-18')); // Friday: the third
    const [nudge, ...none] = await oakNudges();
    expect(none).toHaveLength(0);
    expect(nudge).toMatchObject({ personId: ids.ann, kind: 'selfeval-nudge', status: 'sent' });
    const content = JSON.stringify(nudge!.content);
    expect(plain([content])).toContain('part-way through Leadership in the self-evaluation of Oak Primary (1 of');
    await tick('2026-09-18T11:00:00Z');
    expect(await oakNudges()).toHaveLength(1);

    // Continue on the nudge resumes where Ann left off, on the other platform.
    expect(content).toContain(JSON.stringify({ data: { s: ids.oak }, verb: 'selfeval-begin' }).slice(1, -1));
    const resumed = await press(h, 'slack', ann, 'selfeval-begin', { s: ids.oak });
    expect(plain(resumed)).toContain('Area 1 of 5, statement 2 of');
    // A new answer starts a new gap (Friday 18); on Monday Ann snoozes these nudges for a week.
    await rate(h, 'slack', ann, resumed, 'established');
    await tick(halfPastTen('2026-09-21')); // one school day: the weekend does not count
    const snooze = { kind: 'selfeval-nudge', until: 'next-week' };
    expect(content).toContain(JSON.stringify({ data: snooze }).slice(1, -1));
    expect(plain(await press(h, 'slack', ann, 'nudge.snooze', snooze))).toContain('Snoozed: selfeval nudge until Monday 28 September 2026');
    await tick(halfPastTen('2026-09-22'));
    expect(await oakNudges()).toHaveLength(1);
    await tick(halfPastTen('2026-09-23'));
    const after = await oakNudges();
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({ personId: ids.ann, status: 'held' }); // snoozed until the start of next week
    expect(plain([JSON.stringify(after[1]!.content)])).toContain('(2 of');
  });

  it('guards check-in notes and follow-ups: rephrase on Teams, save anyway across platforms', async () => {
    const preview = await send(h, 'teams', lee, 'checkin round start');
    await press(h, 'teams', lee, 'checkin.round.start', buttonData(preview, 'checkin.round.start'));
    await h.bot.scheduler.runOnce();
    const checkin = (await h.db.prisma.schoolCheckin.findFirst({ where: { schoolId: ids.oak } }))!;
    expect(checkin.itemIds).toEqual(expect.arrayContaining(['senco-in-post', 'parents-informed', 'sen-policy']));
    const saved = (itemId: string) =>
      h.db.prisma.checkinAnswer.findUnique({ where: { checkinId_itemId: { checkinId: checkin.id, itemId } } });
    const c = checkin.id;

    // Teams: a note naming a pupil is not saved; written again without the name, it is.
    const warned = await press(h, 'teams', ann, 'checkin.answer', { c, i: 'senco-in-post', v: 'yes' }, { note: 'Tom Baker in Year 4' });
    expect(plain(warned)).toContain('might name a pupil (Tom Baker)');
    expect(buttonData(warned, 'checkin.note-anyway')).toEqual({ c });
    expect(await saved('senco-in-post')).toBeNull();
    const clean = await press(
      h,
      'teams',
      ann,
      'checkin.answer',
      { c, i: 'senco-in-post', v: 'yes' },
      { note: 'Named in governors minutes' },
    );
    expect(plain(clean)).toContain('Saved.');
    expect(await saved('senco-in-post')).toMatchObject({ value: 'yes', note: 'Named in governors minutes' });

    // Slack: flagged, then "save anyway" keeps it as written (Rainbow Room is a room, not a pupil).
    const note = 'Rainbow Room helps every pupil in Year 3';
    expect(plain(await press(h, 'slack', ann, 'checkin.answer', { c, i: 'parents-informed', v: 'yes' }, { note }))).toContain(
      'might name a pupil (Rainbow Room)',
    );
    expect(plain(await press(h, 'slack', ann, 'checkin.note-anyway', { c }))).toContain('Saved.');
    expect(await saved('parents-informed')).toMatchObject({ value: 'yes', note });
    // A second press has nothing waiting.
    expect(plain(await press(h, 'slack', ann, 'checkin.note-anyway', { c }))).toContain('no note waiting');

    // The follow-up's "what would help": flagged on Slack, saved anyway on Teams.
    const followUp = await press(h, 'slack', ann, 'checkin.answer', { c, i: 'sen-policy', v: 'partly' });
    const data = buttonData(followUp, 'checkin.followup');
    const help = 'Advice for Sophie Green, EHCP pending';
    expect(plain(await press(h, 'slack', ann, 'checkin.followup', data, { help, by: '' }))).toContain('Sophie Green');
    expect((await saved('sen-policy'))?.followUpHelp).toBeNull();
    expect(plain(await press(h, 'teams', ann, 'checkin.note-anyway', { c }))).toContain('Thank you, noted.');
    expect((await saved('sen-policy'))?.followUpHelp).toBe(help);
  });

  it("shares one school's summary with trust leaders: refused before, shown after, refused again after unsharing; audited", async () => {
    const refused = plain(await send(h, 'teams', tia, 'selfeval summary Oak Primary'));
    expect(refused).toContain('has not been shared with trust leaders');
    expect(refused).not.toContain('Leadership');
    expect(plain(await send(h, 'teams', ann, 'selfeval share Oak Primary'))).toContain('is for MAT SEND leaders only');
    expect(plain(await send(h, 'slack', tia, 'selfeval share Oak Primary'))).toContain('is for MAT SEND leaders only');
    expect(plain(await send(h, 'teams', lee, 'selfeval share Nowhere High'))).toContain('There is no school called "Nowhere High"');

    expect(plain(await send(h, 'teams', lee, 'selfeval share Oak Primary'))).toContain('now shared with the trust leaders');
    expect(plain(await send(h, 'slack', lee, 'selfeval share oak primary'))).toContain('already shared');
    const shown = plain(await send(h, 'slack', tia, 'selfeval summary Oak Primary'));
    expect(shown).toContain('Oak Primary: Leadership');
    expect(shown).toContain('Established');
    expect(plain(await send(h, 'teams', tia, 'selfeval rollup'))).toContain('Shared with you: Oak Primary');
    // Other schools stay aggregate-only.
    expect(plain(await send(h, 'teams', tia, 'selfeval summary Ash Infants'))).toContain('has not been shared');

    expect(plain(await send(h, 'slack', lee, 'selfeval unshare Oak Primary'))).toContain('no longer shared');
    expect(plain(await send(h, 'teams', tia, 'selfeval summary Oak Primary'))).toContain('has not been shared');
    // The button on the school summary shares too (the leader's button, data: cycle and school).
    const cycle = (await h.db.prisma.selfEvalCycle.findFirst({ where: { trustId, status: 'open' } }))!;
    expect(plain(await press(h, 'teams', lee, 'selfeval-share', { c: cycle.id, s: ids.ash }))).toContain(
      "Ash Infants's self-evaluation summary for 2026-27 is now shared",
    );
    expect((await audits('selfeval.shared')).map((a) => a.subject)).toEqual([ids.oak, ids.ash]);
    expect((await audits('selfeval.unshared')).map((a) => [a.actorId, a.subject])).toEqual([[ids.lee, ids.oak]]);
    expect((await audits('selfeval.refused')).filter((a) => a.actorId === ids.tia)).toHaveLength(3);
  });

  it.each(['teams', 'slack'] as const)(
    'shows the sitting on Home (%s): Area n of 5 with Continue; leaders see schools finished',
    async (platform) => {
      const home = await openHome(h, platform, ann);
      expect(plain([home])).toContain('Self-evaluation 2026-27: Oak Primary');
      expect(plain([home])).toContain('Area 1 of 5: Leadership (2 of');
      expect(buttonData([home], 'selfeval-begin')).toEqual({ s: ids.oak });
      const deeHome = await openHome(h, platform, dee);
      expect(buttons([deeHome]).filter((b) => b.verb === 'selfeval-begin')).toHaveLength(2);
      expect(plain([await openHome(h, platform, lee)])).toContain('0 of 3 schools finished, 2 in progress.');
      const forTia = plain([await openHome(h, platform, tia)]);
      expect(forTia).toContain('0 of 3 schools finished, 2 in progress.');
      expect(forTia).not.toContain('Oak Primary');
    },
  );

  it('adds a section to the digest: figures for trust leaders, schools not started for the SEND leader', async () => {
    const forLee = plain(await send(h, 'teams', lee, 'digest'));
    expect(forLee).toContain('2026-27: 0 of 3 schools finished all five areas, 2 in progress');
    expect(forLee).toContain('Not started yet: Elm Academy');
    const forTia = plain(await send(h, 'slack', tia, 'digest'));
    expect(forTia).toContain('2026-27: 0 of 3 schools finished all five areas, 2 in progress');
    expect(forTia).not.toContain('Not started yet');
    expect(forTia).not.toContain('Named in governors minutes');
  });
});
