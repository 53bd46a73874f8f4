import type { Person, Platform } from '../../../../src/core/model';
import type { Contact } from '../../../../src/core/roster-port';
import { sendToGroup } from '../../../../src/flows/buddies/common';
import { platformAddressing } from '../../../../src/wiring/addressing';
import { memoryDeps } from '../../../fakes/memory-deps';
import { memoryOutbox } from '../../../fakes/memory-nudges';

const T = 'trust-1';
const MESSAGE = { summary: 'Meet your buddy', blocks: [] };

function person(id: string, over: Partial<Person> = {}): Person {
  return {
    id,
    trustId: T,
    name: id,
    email: null,
    schoolId: null,
    roles: [],
    preferredPlatform: null,
    profile: {} as Person['profile'],
    archived: false,
    erased: false,
    ...over,
  };
}

const slack = (personId: string, teamId = 'T1'): Contact => ({
  personId,
  platform: 'slack',
  reachable: true,
  address: { kind: 'slack-user', teamId, userId: `U-${personId}` },
});
const teams = (personId: string): Contact => ({
  personId,
  platform: 'teams',
  reachable: true,
  address: { kind: 'reference', conversationId: `a:${personId}` },
});

/** Deps with these people and contacts, and an outbox that asks the platforms' addressing for group DMs. */
function setup(people: Person[], contacts: Contact[]) {
  const deps = memoryDeps();
  const outbox = memoryOutbox();
  deps.outbox = { ...outbox, groupAddress: (platform: Platform, addresses) => platformAddressing.groupOf!(platform, addresses) };
  deps.roster = {
    ...deps.roster,
    repo: { ...deps.roster.repo, getPerson: async (_t: string, id: string) => people.find((p) => p.id === id) ?? null } as never,
    identities: { ...deps.roster.identities, contacts: async () => contacts } as never,
  };
  return { deps, entries: outbox.entries };
}

describe('introducing a pair together or one by one', () => {
  it('queues one message to a Slack group DM when both are reached on Slack in one workspace', async () => {
    const { deps, entries } = setup([person('nia'), person('sam')], [slack('nia'), slack('sam')]);
    expect(await sendToGroup(deps, T, ['nia', 'sam'], 'buddy-intro:p1:group', MESSAGE)).toBe(true);
    expect([...entries.values()]).toEqual([
      expect.objectContaining({
        key: 'buddy-intro:p1:group',
        personId: null,
        platform: 'slack',
        target: { kind: 'slack-group', teamId: 'T1', userIds: ['U-nia', 'U-sam'] },
      }),
    ]);
    // Queued again (a rerun), it is still one message.
    await sendToGroup(deps, T, ['nia', 'sam'], 'buddy-intro:p1:group', MESSAGE);
    expect(entries.size).toBe(1);
  });

  it.each([
    ['both on Teams', [teams('nia'), teams('sam')], [person('nia'), person('sam')]],
    ['one on each platform', [slack('nia'), teams('sam')], [person('nia'), person('sam')]],
    [
      'Slack preferred by one who is also on Teams',
      [slack('nia'), slack('sam'), teams('sam')],
      [person('nia'), person('sam', { preferredPlatform: 'teams' })],
    ],
    ['two Slack workspaces', [slack('nia', 'T1'), slack('sam', 'T2')], [person('nia'), person('sam')]],
    ['one not reachable', [slack('nia')], [person('nia'), person('sam')]],
    ['one archived', [slack('nia'), slack('sam')], [person('nia'), person('sam', { archived: true })]],
  ])('leaves it to a message each when %s', async (_case, contacts, people) => {
    const { deps, entries } = setup(people, contacts);
    expect(await sendToGroup(deps, T, ['nia', 'sam'], 'buddy-intro:p1:group', MESSAGE)).toBe(false);
    expect(entries.size).toBe(0);
  });
});
