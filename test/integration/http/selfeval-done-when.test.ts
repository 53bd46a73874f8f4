/**
 * Issue 13's "Done when", end to end over HTTP on PGlite and PostgreSQL: a SENCO goes through two
 * areas, starting on Teams and carrying on on Slack, across two restarts of the bot (a new app
 * and server over the same database, nothing kept in memory); the SEND leader receives the
 * right area summaries (each once) and the files of the export on both platforms.
 */
import type { Platform } from '../../../src/core/model';
import { buttonData, buttons, chatUser, personalMessages, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { consentCards } from '../../helpers/files';
import { startHarness, type Harness } from '../../helpers/harness';
import { restart } from '../../helpers/restart';

jest.setTimeout(240_000);

// Tuesday 15 September 2026, 10:00 in London (BST).
const NOW = '2026-09-15T09:00:00Z';

async function rate(h: Harness, platform: Platform, who: ChatUser, replies: string[], rating: string): Promise<string[]> {
  const button = buttons(replies).find((b) => b.verb === 'selfeval-rate' && b.data.r === rating);
  if (!button) throw new Error(`no ${rating} button in ${plain(replies).slice(0, 1500)}`);
  return press(h, platform, who, 'selfeval-rate', button.data);
}

/** Everything the bot has sent to this person on either platform (replies and proactive messages). */
function receivedBy(h: Harness, who: ChatUser): string {
  return plain([...personalMessages(h, 'teams', who), ...personalMessages(h, 'slack', who)]);
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.each(databaseKinds)('self-evaluation, done when: two areas across restarts and platforms on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock(NOW);
  let lee: ChatUser;
  let ann: ChatUser;

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    const db = h.db.prisma;
    const trustId = (await db.trust.create({ data: { name: 'Rowan Trust' } })).id;
    const oak = await db.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary' } });
    await db.school.create({ data: { trustId, name: 'Elm Academy', phase: 'secondary' } });
    const person = async (name: string, email: string, role: string, schoolId: string | null) => {
      const p = await db.person.create({ data: { trustId, schoolId, name, email } });
      await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId } });
    };
    await person('Lee Leader', 'lee@rowan.org.uk', 'send-leader', null);
    await person('Ann Senco', 'ann@rowan.org.uk', 'senco', oak.id);
    lee = chatUser(h, 'Lee Leader', 'lee@rowan.org.uk');
    ann = chatUser(h, 'Ann Senco', 'ann@rowan.org.uk');
    for (const who of [lee, ann]) {
      await send(h, 'teams', who, 'help');
      await send(h, 'slack', who, 'help');
    }
  });
  afterAll(async () => h.stop());

  it('goes through Leadership and Identification across two restarts and a platform switch; the leader gets summaries and files', async () => {
    expect(plain(await send(h, 'slack', lee, 'selfeval start 2026-27'))).toContain('Self-evaluation 2026-27 is open');

    // Leadership: two statements on Teams, one with evidence.
    const first = await send(h, 'teams', ann, 'selfeval');
    expect(plain(first)).toContain('Area 1 of 5, statement 1 of');
    const second = await rate(h, 'teams', ann, first, 'strong');
    expect(plain(await send(h, 'teams', ann, 'Governors review the SEND policy each June'))).toContain('Thanks, saved.');
    await rate(h, 'teams', ann, second, 'established');

    await restart(h, clock);

    // Carries on on Slack where Ann left off, and finishes the area there.
    let card = await send(h, 'slack', ann, 'selfeval');
    expect(plain(card)).toContain('Area 1 of 5, statement 3 of');
    while (!buttons(card).some((b) => b.verb === 'selfeval-finish')) card = await rate(h, 'slack', ann, card, 'established');
    expect(plain(await press(h, 'slack', ann, 'selfeval-finish', buttonData(card, 'selfeval-finish')))).toContain(
      'That is Leadership done (1 of 5 areas)',
    );

    // Identification: a weak rating on Slack; the bot restarts while it asks what would help.
    const area2 = await send(h, 'slack', ann, 'selfeval');
    expect(plain(area2)).toContain('Area 2 of 5, statement 1 of');
    expect(plain(await rate(h, 'slack', ann, area2, 'developing'))).toContain('What would help most');

    await restart(h, clock);

    // The answer typed on Teams goes to the statement asked on Slack before the restart.
    card = await send(h, 'teams', ann, 'Time with the educational psychologist');
    expect(plain(card)).toContain('Thanks, saved.');
    expect(plain(card)).toContain('Area 2 of 5, statement 2 of');
    while (!buttons(card).some((b) => b.verb === 'selfeval-finish')) card = await rate(h, 'teams', ann, card, 'strong');
    const finish = buttonData(card, 'selfeval-finish');
    expect(plain(await press(h, 'teams', ann, 'selfeval-finish', finish))).toContain('That is Identification done (2 of 5 areas)');
    expect(plain(await press(h, 'slack', ann, 'selfeval-finish', finish))).toContain('That is Identification done');

    // The leader receives each area's summary once, with what Ann said.
    await h.bot.scheduler.runOnce();
    const got = receivedBy(h, lee);
    expect(occurrences(got, 'Oak Primary finished Leadership')).toBeGreaterThanOrEqual(1);
    expect(occurrences(got, 'Oak Primary finished Identification')).toBeGreaterThanOrEqual(1);
    const summaries = await h.db.prisma.outboxMessage.findMany({
      where: { key: { startsWith: 'selfeval-area:' } },
      orderBy: { key: 'asc' },
    });
    expect(summaries.map((s) => [s.key.split(':').at(-2), s.status])).toEqual([
      ['identification', 'sent'],
      ['leadership', 'sent'],
    ]);
    const leadership = JSON.stringify(summaries.find((s) => s.key.includes(':leadership:'))!.content);
    expect(leadership).toContain('Governors review the SEND policy each June');
    const identification = JSON.stringify(summaries.find((s) => s.key.includes(':identification:'))!.content);
    expect(identification).toContain('Time with the educational psychologist');

    // The files: on Slack as uploads, on Teams as file consent cards the leader accepts.
    const before = h.slack.uploads.size;
    expect(plain(await send(h, 'slack', lee, 'selfeval export'))).toContain('Here are the self-evaluation files for 2026-27');
    for (let i = 0; i < 100 && [...h.slack.uploads.values()].slice(before).filter((u) => u.bytes).length < 4; i++)
      await new Promise((r) => setTimeout(r, 50));
    const files = [...h.slack.uploads.values()].slice(before);
    expect(files.map((f) => f.name).sort()).toEqual([
      'selfeval-2026-27-answers.csv',
      'selfeval-2026-27-heatmap.png',
      'selfeval-2026-27-rollup.md',
      'selfeval-2026-27-schools.md',
    ]);
    const schools = new TextDecoder().decode(files.find((f) => f.name.endsWith('schools.md'))!.bytes!);
    expect(schools).toContain('## Oak Primary: Leadership');
    expect(schools).toContain('## Oak Primary: Identification');
    expect(schools).not.toContain('Oak Primary: Tracking');
    const csv = new TextDecoder().decode(files.find((f) => f.name.endsWith('.csv'))!.bytes!);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + (await h.db.prisma.selfEvalAnswer.count()));
    expect(csv).toContain('Time with the educational psychologist');

    const teamsExport = await send(h, 'teams', lee, 'selfeval export');
    const cards = consentCards(teamsExport);
    expect(cards.map((c) => c.name).sort()).toEqual(files.map((f) => f.name).sort());
    const schoolsCard = cards.find((c) => String(c.name).endsWith('schools.md'))!;
    expect((await h.postTeams(h.teams.consentInvoke(schoolsCard, lee.teams, 'accept'))).status).toBe(200);
    expect(new TextDecoder().decode([...h.teams.uploads.values()].at(-1)!)).toBe(schools);
  });
});
