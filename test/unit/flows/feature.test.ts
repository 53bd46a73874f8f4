import type { DueWorkSource } from '../../../src/core/due-work-port';
import { textMessage } from '../../../src/core/message';
import { loadFeatures, type Feature } from '../../../src/flows/feature';
import { buildRegistry, features } from '../../../src/flows/index';
import { memoryDeps } from '../../fakes/memory-deps';

const source: DueWorkSource = { kind: 'demo-tick', catchUp: { policy: 'run-late' }, lookbackMs: 1, due: async () => [] };

const demo: Feature = {
  id: 'demo',
  register(app) {
    app
      .command({ id: 'demo', aliases: [], summary: 'Demo', examples: [], audience: 'anyone', run: async () => [textMessage('hi')] })
      .action({ verb: 'demo.press', audience: 'linked', run: async () => [] })
      .conversation({ id: 'demo-form', describe: () => 'the demo form', resume: 'type **demo**', onText: async () => [] })
      .dueWork(() => [source]);
  },
};

describe('loadFeatures', () => {
  it('registers everything a feature declares in one place', async () => {
    const loaded = loadFeatures([demo]);
    expect(loaded.registry.match('demo')?.command.id).toBe('demo');
    expect(loaded.registry.action('demo.press')).toBeDefined();
    expect(loaded.registry.conversation('demo-form')?.resume).toBe('type **demo**');
    expect(loaded.dueWork(memoryDeps()).map((s) => s.kind)).toEqual(['demo-tick']);
  });

  it('refuses a command word two features both claim', () => {
    expect(() => loadFeatures([demo, { ...demo, id: 'copy' }])).toThrow('Command word "demo" is registered twice');
  });

  it("loads the bot's features with the check-in's scheduled work", () => {
    expect(features.map((f) => f.id)).toEqual(expect.arrayContaining(['nudges', 'roster', 'checkin', 'terms', 'meetings', 'bulletins']));
    const kinds = loadFeatures(features)
      .dueWork(memoryDeps())
      .map((s) => s.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'checkin-open',
        'checkin-close',
        'checkin-reminder',
        'checkin-late-invite',
        'meetings-reminder',
        'meetings-late-invite',
        'bulletin-open',
        'bulletin-progress',
      ]),
    );
    expect(buildRegistry().match('help')?.command.id).toBe('help');
  });
});
