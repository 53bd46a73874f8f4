/**
 * Issue 13, conversational self-evaluation over HTTP on both platforms and both databases: a
 * SENCO works through two areas, switching platform and resuming after a cancel (state and
 * answers in the database); the pupil-name guard; the SEND leader's summaries through the
 * outbox; the roll-up with its heat map; the export files; and refusals.
 */
import { buttonData, buttons, chatUser, plain, press, send, type ChatUser } from '../../helpers/chat';
import { databaseKinds } from '../../helpers/databases';
import { FakeClock } from '../../helpers/fake-clock';
import { startHarness, type Harness } from '../../helpers/harness';

jest.setTimeout(180_000);

// Tuesday 15 September 2026, 10:00 in London.
const NOW = '2026-09-15T09:00:00Z';

/** Presses the rating button with this rating on the card in `replies`. */
async function rate(h: Harness, platform: 'teams' | 'slack', who: ChatUser, replies: string[], rating: string): Promise<string[]> {
  const button = buttons(replies).find((b) => b.verb === 'selfeval-rate' && b.data.r === rating);
  if (!button) throw new Error(`no ${rating} button in ${plain(replies).slice(0, 1500)}`);
  return press(h, platform, who, 'selfeval-rate', button.data);
}

/** Rates every remaining statement of the card's area with `rating`, then taps Finish area. */
async function rateRest(h: Harness, platform: 'teams' | 'slack', who: ChatUser, replies: string[], rating: string): Promise<string[]> {
  return (await rateAll(h, platform, who, replies, rating)).finished;
}

async function rateAll(h: Harness, platform: 'teams' | 'slack', who: ChatUser, replies: string[], rating: string) {
  let current = replies;
  for (let i = 0; i < 10 && !buttons(current).some((b) => b.verb === 'selfeval-finish'); i++)
    current = await rate(h, platform, who, current, rating);
  const finish = buttonData(current, 'selfeval-finish');
  return { finish, finished: await press(h, platform, who, 'selfeval-finish', finish) };
}

describe.each(databaseKinds)('self-evaluation over HTTP on %s', (kind) => {
  let h: Harness;
  const clock = new FakeClock(NOW);
  let lee: ChatUser;
  let ann: ChatUser;
  let bob: ChatUser;
  let tia: ChatUser;
  let trustId: string;
  let oakId: string;

  const outbox = async (prefix: string) =>
    h.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: prefix } }, orderBy: { key: 'asc' } });

  beforeAll(async () => {
    h = await startHarness(kind, {}, clock);
    const db = h.db.prisma;
    const trust = await db.trust.create({ data: { name: 'Rowan Trust' } });
    trustId = trust.id;
    const oak = await db.school.create({ data: { trustId, name: 'Oak Primary', phase: 'primary' } });
    const elm = await db.school.create({ data: { trustId, name: 'Elm Academy', phase: 'secondary' } });
    oakId = oak.id;
    const person = async (name: string, email: string, role: string, schoolId: string | null) => {
      const p = await db.person.create({ data: { trustId, schoolId, name, email } });
      await db.roleAssignment.create({ data: { trustId, personId: p.id, role, schoolId: role === 'senco' ? schoolId : null } });
    };
    await person('Lee Leader', 'lee@rowan.org.uk', 'send-leader', null);
    await person('Ann Senco', 'ann@rowan.org.uk', 'senco', oak.id);
    await person('Bob Senco', 'bob@rowan.org.uk', 'senco', elm.id);
    await person('Tia Trust', 'tia@rowan.org.uk', 'trust-leader', null);
    lee = chatUser(h, 'Lee Leader', 'lee@rowan.org.uk');
    ann = chatUser(h, 'Ann Senco', 'ann@rowan.org.uk');
    bob = chatUser(h, 'Bob Senco', 'bob@rowan.org.uk');
    tia = chatUser(h, 'Tia Trust', 'tia@rowan.org.uk');
    for (const who of [lee, ann, bob, tia]) {
      await send(h, 'teams', who, 'help');
      await send(h, 'slack', who, 'help');
    }
  });
  afterAll(async () => h.stop());

  it('refuses leader commands to SENCOs and the sitting to leaders, and says when nothing is open', async () => {
    expect(plain(await send(h, 'teams', ann, 'selfeval'))).toContain('There is no self-evaluation open at the moment.');
    expect(plain(await send(h, 'teams', ann, 'selfeval start'))).toContain('is for MAT SEND leaders and administrators only');
    expect(plain(await send(h, 'slack', tia, 'selfeval start'))).toContain('is for MAT SEND leaders and administrators only');
    expect(plain(await send(h, 'teams', ann, 'selfeval export'))).toContain('is for MAT SEND leaders only');
    expect(plain(await send(h, 'teams', ann, 'selfeval rollup'))).toContain('only');
    expect(plain(await send(h, 'teams', lee, 'selfeval'))).toContain('is for SENCOs only');
    expect(plain(await send(h, 'teams', lee, 'selfeval rollup'))).toContain('There is no self-evaluation cycle yet.');
    expect(await h.db.prisma.selfEvalCycle.count()).toBe(0);
  });

  it('a first cycle: Oak rates Leadership as established', async () => {
    expect(plain(await send(h, 'teams', lee, 'selfeval start 2025-26'))).toContain("this is the trust's first cycle");
    const invites = await outbox('selfeval-invite:');
    expect(invites).toHaveLength(2); // Ann and Bob
    const card = await send(h, 'teams', ann, 'selfeval');
    expect(plain(card)).toContain('Who sees your answers');
    expect(plain(card)).toContain('Area 1 of 5, statement 1 of');
    expect(plain(await rateRest(h, 'teams', ann, card, 'established'))).toContain('That is Leadership done (1 of 5 areas)');
  });

  it('a SENCO goes through two areas across a platform switch and a cancel, with the pupil-name guard', async () => {
    const opened = plain(await send(h, 'slack', lee, 'selfeval start 2026-27'));
    expect(opened).toContain('Self-evaluation 2026-27 is open');
    expect(opened).toContain('compared with 2025-26');
    expect(await h.db.prisma.selfEvalCycle.findFirst({ where: { label: '2025-26' } })).toMatchObject({ status: 'closed' });

    // Area 1 on Teams: strong with evidence, then developing with what would help.
    const first = await send(h, 'teams', ann, 'selfeval');
    expect(plain(first)).toContain('Area 1 of 5, statement 1 of');
    expect(plain(first)).toContain('Last cycle you said: Established.');
    const second = await rate(h, 'teams', ann, first, 'strong');
    expect(plain(second)).toContain('Saved: Strong.');
    expect(plain(second)).toContain('Area 1 of 5, statement 2 of');
    expect(plain(await send(h, 'teams', ann, 'Our SEND policy was reviewed by governors in June.'))).toContain('Thanks, saved.');
    const help = await rate(h, 'teams', ann, second, 'developing');
    expect(plain(help)).toContain('What would help most');

    // Switch to Slack mid-question: the answer goes to the same statement.
    const warned = plain(await send(h, 'slack', ann, 'Tom Baker in Year 4 needs a TA'));
    expect(warned).toContain('might name a pupil (Tom Baker)');
    const afterHelp = await send(h, 'slack', ann, 'More time for TA training');
    expect(plain(afterHelp)).toContain('Thanks, saved.');
    expect(plain(afterHelp)).toContain('statement 3 of');
    const cycle = (await h.db.prisma.selfEvalCycle.findFirst({ where: { label: '2026-27' } }))!;
    const saved = await h.db.prisma.selfEvalAnswer.findMany({ where: { cycleId: cycle.id }, orderBy: { rating: 'asc' } });
    expect(saved.map((a) => [a.rating, a.evidence, a.help])).toEqual([
      ['developing', null, 'More time for TA training'],
      ['strong', 'Our SEND policy was reviewed by governors in June.', null],
    ]);
    expect(JSON.stringify(saved)).not.toContain('Tom');

    expect(plain(await rateRest(h, 'slack', ann, afterHelp, 'established'))).toContain('That is Leadership done (1 of 5 areas)');
    const [summary, ...others] = await outbox(`selfeval-area:${cycle.id}:${oakId}:leadership`);
    expect(others).toHaveLength(0);
    const text = JSON.stringify(summary!.content);
    expect(text).toContain('Oak Primary finished Leadership');
    expect(text).toContain('up from Established');
    expect(text).toContain('More time for TA training');
    expect(text).toContain('Our SEND policy was reviewed by governors in June.');

    // Area 2: one answer on Slack, cancel, then resume on Teams where they left off.
    const area2 = await send(h, 'slack', ann, 'selfeval');
    expect(plain(area2)).toContain('Area 2 of 5, statement 1 of');
    const next = await rate(h, 'slack', ann, area2, 'strong');
    expect(plain(await send(h, 'slack', ann, 'cancel'))).toContain('Cancelled your self-evaluation of Identification');
    // A stale button from someone else's card is refused.
    expect(plain(await rate(h, 'teams', bob, next, 'not-yet'))).toContain('a school you are not SENCO of');
    const resumed = await send(h, 'teams', ann, 'selfeval');
    expect(plain(resumed)).toContain('Area 2 of 5, statement 2 of');
    const s3 = await rate(h, 'teams', ann, resumed, 'strong');
    // "Save anyway" keeps a flagged line the SENCO knows is not a pupil.
    const flagged = await send(h, 'teams', ann, 'Rainbow Room gives every pupil in Year 3 a quiet start');
    expect(plain(flagged)).toContain('might name a pupil (Rainbow Room)');
    expect(plain(await press(h, 'slack', ann, 'selfeval-save-anyway', buttonData(flagged, 'selfeval-save-anyway')))).toContain(
      'Thanks, saved.',
    );
    expect(await h.db.prisma.selfEvalAnswer.count({ where: { evidence: 'Rainbow Room gives every pupil in Year 3 a quiet start' } })).toBe(
      1,
    );
    const { finish, finished } = await rateAll(h, 'teams', ann, s3, 'strong');
    expect(plain(finished)).toContain('That is Identification done (2 of 5 areas)');
    expect(await outbox(`selfeval-area:${cycle.id}:${oakId}:identification`)).toHaveLength(1);
    // A second tap of Finish, on the other platform, sends nothing new.
    expect(plain(await press(h, 'slack', ann, 'selfeval-finish', finish))).toContain('That is Identification done');
    expect(await outbox(`selfeval-area:${cycle.id}:`)).toHaveLength(2);
  });

  it('shows the leader the roll-up with its heat map, trust leaders only the picture, and exports files', async () => {
    const teamsRollup = await send(h, 'teams', lee, 'selfeval rollup');
    expect(teamsRollup.join('')).toContain('Chart.HorizontalBar.Stacked');
    expect(plain(teamsRollup)).toContain('Oak Primary');
    const before = h.slack.uploads.size;
    const slackRollup = await send(h, 'slack', lee, 'selfeval rollup');
    expect(plain(slackRollup)).toContain('The heat map is attached as a picture.');
    for (let i = 0; i < 100 && h.slack.uploads.size <= before; i++) await new Promise((r) => setTimeout(r, 50));
    const uploaded = [...h.slack.uploads.values()].slice(before).map((u) => u.name);
    expect(uploaded).toContain('selfeval-heatmap.png');

    const forTia = plain(await send(h, 'teams', tia, 'selfeval rollup'));
    expect(forTia).toContain('Schools by rating in each area');
    expect(forTia).not.toContain('Oak Primary');

    const beforeExport = h.slack.uploads.size;
    expect(plain(await send(h, 'slack', lee, 'selfeval export'))).toContain('Here are the self-evaluation files for 2026-27');
    // Slack uploads finish after the reply: wait for the four files.
    for (let i = 0; i < 100 && [...h.slack.uploads.values()].filter((u) => u.bytes).length < beforeExport + 4; i++)
      await new Promise((r) => setTimeout(r, 50));
    const files = [...h.slack.uploads.values()].slice(beforeExport);
    expect(files.map((f) => f.name).sort()).toEqual([
      'selfeval-2026-27-answers.csv',
      'selfeval-2026-27-heatmap.png',
      'selfeval-2026-27-rollup.md',
      'selfeval-2026-27-schools.md',
    ]);
    const csv = Buffer.from(files.find((f) => f.name.endsWith('.csv'))!.bytes!).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'cycle,school,area,statement_id,statement,framework_version,rating,evidence,what_would_help,answered_by,answered_at',
    );
    expect(csv).toContain('More time for TA training');
    expect(csv).toContain('Ann Senco');
    const schools = Buffer.from(files.find((f) => f.name.endsWith('schools.md'))!.bytes!).toString('utf8');
    expect(schools).toContain('## Oak Primary: Leadership');
    expect(schools).toContain('up from Established');
  });
});
