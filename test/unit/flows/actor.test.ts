import { actorOf } from '../../../src/flows/actor';
import { inbound } from '../../fixtures/events';
import { memoryDeps } from '../../fakes/memory-deps';

function counting(actor: Parameters<typeof memoryDeps>[0]) {
  const deps = memoryDeps(actor);
  const resolve = deps.identities.resolve.bind(deps.identities);
  let reads = 0;
  deps.identities.resolve = (input) => ((reads += 1), resolve(input));
  return { deps, reads: () => reads };
}

describe('actorOf', () => {
  it('reads a linked sender once per event, however many steps ask', async () => {
    const { deps, reads } = counting({ personId: 'p1', trustId: 'tr1', roles: [{ role: 'senco', schoolId: 's1' }] });
    const event = inbound({ text: 'checkin' });
    const first = await actorOf(event, deps);
    expect(await actorOf(event, deps)).toBe(first);
    expect(reads()).toBe(1);
    await actorOf(inbound({ text: 'checkin' }), deps);
    expect(reads()).toBe(2);
  });

  it('reads an unlinked sender again: the event may have linked them', async () => {
    const { deps, reads } = counting({ personId: null, trustId: null, roles: [] });
    const event = inbound({ text: 'join' });
    await actorOf(event, deps);
    await actorOf(event, deps);
    expect(reads()).toBe(2);
  });
});
