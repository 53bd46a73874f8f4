/**
 * The campaign plumbing with a small made-up kind (a meeting RSVP), the way meetings, bulletins
 * and self-evaluation will use it: invitations once, reminders once per occasion to those who
 * have not answered, close and summary once, and who could not be reached and why.
 */
import type { Campaign, CampaignUnit } from '../../../../src/core/campaign';
import { textMessage } from '../../../../src/core/message';
import type { Contact } from '../../../../src/core/roster-port';
import { campaignProgress, closeCampaign, inviteAudience, openCampaign, remindWaiting } from '../../../../src/flows/campaigns/engine';
import type { CampaignKind, CampaignSvc } from '../../../../src/flows/campaigns/kind';
import { memoryLogger } from '../../../../src/logger';
import { memoryOutbox } from '../../../fakes/memory-nudges';
import { emptyTrustRoster } from '../../../fakes/memory-roster';

const person = (id: string, name: string) => ({ id, name, preferredPlatform: null });
const contact = (personId: string, reachable = true): Contact => ({
  personId,
  platform: 'slack',
  address: { kind: 'slack-user', teamId: 'T1', userId: `U${personId}`, channel: `D${personId}` },
  reachable,
});

function rig() {
  const meeting: Campaign = {
    id: 'm1',
    trustId: 'trust-1',
    status: 'scheduled',
    opensAt: new Date('2027-03-01T09:00:00Z'),
    closesAt: new Date('2027-03-08T17:00:00Z'),
    closedBy: null,
  };
  const rsvps = new Set<string>();
  const contacts: Contact[] = [contact('ann'), contact('bob'), contact('cat', false), contact('lee')];
  const outbox = memoryOutbox();
  const roster = emptyTrustRoster();
  roster.identities.contacts = async (_trust, ids) => contacts.filter((c) => !ids || ids.includes(c.personId));
  roster.identities.linkedPeople = async (_trust, ids) => ['ann', 'bob', 'cat', 'lee'].filter((id) => ids.includes(id));
  const svc: CampaignSvc = {
    roster,
    outbox,
    clock: { now: () => new Date('2027-03-01T09:00:00Z') },
    audit: { record: async () => undefined },
    logger: memoryLogger(),
  };
  const kind: CampaignKind<Campaign, null> = {
    id: 'meeting',
    nudgeKinds: { invite: 'meeting-invite', reminder: 'meeting-reminder' },
    store: {
      get: async () => meeting,
      due: async () => [],
      open: async () => (meeting.status === 'open' ? [meeting] : []),
      markOpen: async () => (meeting.status === 'scheduled' ? ((meeting.status = 'open'), true) : false),
      markClosed: async (_c, _now, by) =>
        meeting.status === 'open' ? ((meeting.status = 'closed'), (meeting.closedBy = by), true) : false,
    },
    audience: async () =>
      ['ann', 'bob', 'cat', 'dan'].map((id): CampaignUnit<null> => ({
        id,
        label: id.toUpperCase(),
        people: [person(id, id)],
        detail: null,
      })),
    responded: async () => rsvps,
    invitation: async (_c, _unit, p) => textMessage(`Will you come, ${p.name}?`),
    reminder: async (_c, _unit, p) => textMessage(`Still need your answer, ${p.name}`),
    owners: async () => [person('lee', 'Lee'), person('ann', 'Ann')],
    summary: async () => textMessage(`${rsvps.size} answered`),
    reminderTimes: async () => [],
  };
  return { svc, kind, meeting, rsvps, outbox };
}

describe('campaign plumbing', () => {
  it('opens once and invites everyone reachable once, however often it runs', async () => {
    const { svc, kind, meeting, outbox } = rig();
    const first = await openCampaign(svc, kind, meeting);
    expect(first).toMatchObject({ opened: true, sent: { queued: 2, duplicates: 0, unreachable: 2 } });
    const again = await openCampaign(svc, kind, meeting);
    expect(again).toMatchObject({ opened: false, sent: { queued: 0, duplicates: 2 } });
    expect([...outbox.entries.keys()].sort()).toEqual(['meeting-invite:m1:ann', 'meeting-invite:m1:bob']);
    expect(outbox.entries.get('meeting-invite:m1:ann')?.kind).toBe('meeting-invite');
    expect((await inviteAudience(svc, kind, meeting, { onlyNew: true })).queued).toBe(0);
  });

  it('reminds only those who have not answered, once per occasion', async () => {
    const { svc, kind, meeting, rsvps, outbox } = rig();
    await openCampaign(svc, kind, meeting);
    rsvps.add('ann');
    const sent = await remindWaiting(svc, kind, meeting, 'manual-2027-03-02');
    expect(sent).toMatchObject({ queued: 1, duplicates: 0, waiting: ['BOB', 'CAT', 'DAN'] });
    expect((await remindWaiting(svc, kind, meeting, 'manual-2027-03-02')).queued).toBe(0);
    expect((await remindWaiting(svc, kind, meeting, 'last')).queued).toBe(1);
    expect([...outbox.entries.keys()].filter((k) => k.startsWith('meeting-reminder'))).toEqual([
      'meeting-reminder:m1:bob:manual-2027-03-02',
      'meeting-reminder:m1:bob:last',
    ]);
  });

  it('reports progress and who could not be reached, and why', async () => {
    const { svc, kind, meeting, rsvps } = rig();
    rsvps.add('bob');
    const progress = await campaignProgress(svc, kind, meeting);
    expect(progress).toMatchObject({ answered: 1, total: 4 });
    expect(progress.unreached).toEqual([
      { personId: 'cat', name: 'cat', unit: 'CAT', reason: 'unreachable' },
      { personId: 'dan', name: 'dan', unit: 'DAN', reason: 'not-linked' },
    ]);
  });

  it('closes once and sends the summary once to each owner, never again to the one who closed it', async () => {
    const { svc, kind, meeting, outbox } = rig();
    await openCampaign(svc, kind, meeting);
    const closed = await closeCampaign(svc, kind, meeting, 'ann');
    expect(closed.closed).toBe(true);
    expect(closed.summary.summary).toBe('0 answered');
    // The closing time comes after the early close, and another owner presses close too.
    expect((await closeCampaign(svc, kind, meeting, null)).closed).toBe(false);
    expect((await closeCampaign(svc, kind, meeting, 'lee')).closed).toBe(false);
    expect([...outbox.entries.keys()].filter((k) => k.startsWith('meeting-summary'))).toEqual(['meeting-summary:m1:lee']);
  });
});
