import { CHECKLIST_V1 } from '../../../../src/core/checkin/checklist-v1';
import type { CheckinAnswer, CheckinRound, SchoolCheckin } from '../../../../src/core/checkin/model';
import type { Block, Button } from '../../../../src/core/message';
import {
  followUpMessage,
  invitationMessage,
  itemBlocks,
  prefillBlocks,
  reviewMessage,
  stepMessage,
  type CheckinView,
} from '../../../../src/flows/checkin/cards';

const round: CheckinRound = {
  id: 'r1',
  trustId: 't',
  period: { year: '2026-27', term: 'spring', half: null },
  cadence: 'termly',
  checklistVersion: 1,
  status: 'open',
  opensAt: new Date('2027-01-12T15:45:00Z'),
  closesAt: new Date('2027-01-26T17:00:00Z'),
  rule: null,
  createdBy: null,
  openedAt: null,
  closedAt: null,
  closedBy: null,
};
const items = [
  'senco-qualification',
  'sen-information-report',
  'graduated-approach',
  'parents-informed',
  'ehcp-reviews-overdue',
  'ehcp-reviews-due-soon',
  'census-sen-codes',
  'ehcp-admissions',
];
function view(prefill: SchoolCheckin['prefill'], answers: CheckinAnswer[] = [], itemIds = items): CheckinView {
  return {
    checkin: { id: 'c1', roundId: 'r1', trustId: 't', schoolId: 's1', sencoIds: ['p1'], itemIds, prefill, completedAt: null },
    round,
    checklist: CHECKLIST_V1,
    schoolName: 'Oak Primary',
    answers,
    last: new Map([['graduated-approach', 'partly']]),
    sencos: [
      {
        personId: 'p1',
        name: 'Ann',
        appointedOn: '2025-09-01',
        priorSencoMonths: 0,
        qualification: 'npq-enrolled',
        qualificationStartedOn: '2025-10-01',
        qualificationCompletedOn: null,
      },
    ],
    today: '2027-01-12',
  };
}
const allButtons = (blocks: Block[]): Button[] =>
  blocks.flatMap((b) =>
    b.type === 'buttons' ? b.buttons : b.type === 'form' ? [b.submit, ...(b.more ?? []), ...(b.cancel ? [b.cancel] : [])] : [],
  );
const text = (blocks: Block[]) => JSON.stringify(blocks);
const answer = (itemId: string, value: string): CheckinAnswer => ({
  checkinId: 'c1',
  itemId,
  checklistVersion: 1,
  value,
  note: null,
  followUp: null,
  source: 'answered',
  answeredBy: 'p1',
  answeredAt: new Date(),
});

describe('check-in cards', () => {
  it('offers pre-filled answers with one confirm and a change button each', () => {
    const blocks = prefillBlocks(
      view({
        'sen-information-report': { value: '2026-09-10', source: 'last-round' },
        'ehcp-admissions': { value: 'na', source: 'last-round' },
      }),
      ['sen-information-report', 'ehcp-admissions'],
    );
    expect(allButtons(blocks).map((b) => [b.verb, b.label])).toEqual([
      ['checkin.confirm', 'All unchanged: confirm'],
      ['checkin.change', 'Change: SEN information report'],
      ['checkin.change', 'Change: Admissions named in EHCPs'],
    ]);
    expect(text(blocks)).toContain('10 September 2026');
    expect(text(blocks)).toContain('Not applicable');
  });

  it('uses a drop-down instead of buttons when many answers are pre-filled', () => {
    const prefill = Object.fromEntries(items.map((id) => [id, { value: 'yes', source: 'last-round' as const }]));
    const blocks = prefillBlocks(view(prefill), items);
    const form = blocks.find((b) => b.type === 'form');
    expect(form && form.type === 'form' && form.fields[0]?.kind).toBe('choice');
    expect(allButtons(blocks).map((b) => b.verb)).toEqual(['checkin.confirm', 'checkin.change']);
  });

  it('asks a yes/partly/no question with progress, last time, its basis and an optional note', () => {
    const blocks = itemBlocks(view({}, [answer('senco-qualification', 'yes')]), 'graduated-approach');
    expect(text(blocks)).toContain('2 of 8: Graduated approach');
    expect(text(blocks)).toContain('Last time: Partly');
    expect(text(blocks)).toContain('Guidance · Code of Practice');
    expect(allButtons(blocks).map((b) => b.label)).toEqual(['Yes', 'Partly', 'No', 'Not applicable', 'Skip for now']);
    expect(allButtons(blocks)[1]!.data).toEqual({ c: 'c1', i: 'graduated-approach', v: 'partly' });
  });

  it('shows the qualification deadline from the roster', () => {
    expect(text(itemBlocks(view({}), 'senco-qualification'))).toContain('From the roster: Ann is studying for it, due by 1 September 2028');
  });

  it('asks a date with the last answer filled in, and shows an edit with its own place', () => {
    const blocks = itemBlocks(view({}, [answer('sen-information-report', '2026-09-10')]), 'sen-information-report');
    expect(text(blocks)).toContain('2 of 8');
    expect(text(blocks)).toContain('Your answer now: 10 September 2026');
    const form = blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.fields[0]).toMatchObject({ kind: 'date', id: 'value', value: '2026-09-10', required: true });
  });

  it('asks the one follow-up after a "partly"', () => {
    const message = followUpMessage(view({}), 'graduated-approach', 'partly', ['Saved.']);
    expect(message.summary).toBe('Saved. What would help, and by when?');
    expect(allButtons(message.blocks).map((b) => b.verb)).toEqual(['checkin.followup', 'checkin.next']);
  });

  it('says why a date needs a follow-up (issue 10: "You answered 1 October 2025" alone did not)', () => {
    const message = followUpMessage(view({}), 'sen-information-report', '2025-01-01', ['Saved.']);
    const text = message.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(text).toContain('which is more than 12 months ago');
  });

  it('says when everything is done, or what is left after skips', () => {
    const done = stepMessage(
      view(
        {},
        items.map((i) => answer(i, i.startsWith('ehcp-reviews') ? '0' : 'yes')),
      ),
      { kind: 'done' },
    );
    expect(done.summary).toBe('Check-in for Oak Primary complete');
    const paused = stepMessage(view({}, [answer('senco-qualification', 'yes')]), { kind: 'paused', remaining: ['parents-informed'] });
    expect(text(paused.blocks)).toContain('1 of 8 answered');
  });

  it('invites with the first step in the same message', () => {
    const message = invitationMessage(view({ 'ehcp-admissions': { value: 'na', source: 'last-round' } }), 'Ann', {
      kind: 'prefill',
      itemIds: ['ehcp-admissions'],
    });
    expect(message.summary).toBe('Check-in for Oak Primary: 8 questions, open until Tuesday 26 January 2027 at 17:00');
    expect(text(message.blocks)).toContain('Check-in: Spring term 2026-27');
    expect(allButtons(message.blocks)[0]!.verb).toBe('checkin.confirm');
  });

  it('reviews every answer with a way to change it', () => {
    const message = reviewMessage(view({}, [answer('senco-qualification', 'yes')], ['senco-qualification', 'parents-informed']));
    expect(text(message.blocks)).toContain('Not answered yet');
    expect(allButtons(message.blocks).map((b) => b.verb)).toEqual(['checkin.change', 'checkin.change']);
  });
});
