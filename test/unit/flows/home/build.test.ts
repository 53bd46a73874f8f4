import type { Actor } from '../../../../src/core/model';
import { buildHome, MAX_HOME_BLOCKS, type HomeProvider, type HomeSection } from '../../../../src/flows/home/index';
import { loadFeatures } from '../../../../src/flows/feature';
import { memoryDeps } from '../../../fakes/memory-deps';

const linked: Actor = {
  platform: 'teams',
  tenantId: 't',
  userId: 'u',
  displayName: 'Ann',
  personId: 'p1',
  trustId: 'trust-1',
  roles: [{ role: 'senco', schoolId: 's1' }],
};

const provider = (id: string, sections: HomeSection[]): HomeProvider => ({ id, sections: async () => sections });
const texts = (blocks: Array<{ type: string; text?: string }>) => blocks.map((b) => b.text ?? b.type);

describe('buildHome', () => {
  it('says "Nothing needs you this week" in one line when no section needs the person', async () => {
    const home = await buildHome(linked, memoryDeps(), [provider('a', [])]);
    expect(texts(home.blocks)).toEqual(['Home', 'Nothing needs you this week.', 'buttons']);
    expect(home.summary).toBe('Nothing needs you this week.');
  });

  it('puts what needs the person first, by order, then what is going on', async () => {
    const home = await buildHome(linked, memoryDeps(), [
      provider('later', [{ order: 20, needsYou: true, blocks: [{ type: 'text', text: 'RSVP' }] }]),
      provider('info', [{ order: 5, needsYou: false, blocks: [{ type: 'text', text: 'Buddy: Sam' }] }]),
      provider('first', [{ order: 10, needsYou: true, blocks: [{ type: 'text', text: 'Check-in' }] }]),
    ]);
    expect(texts(home.blocks)).toEqual(['Home', 'Check-in', 'RSVP', 'Also going on', 'Buddy: Sam', 'buttons']);
    expect(home.summary).toBe('Needs you: 2');
  });

  it('leaves out a section that fails and shows the rest', async () => {
    const deps = memoryDeps();
    const broken: HomeProvider = { id: 'broken', sections: () => Promise.reject(new Error('boom')) };
    const home = await buildHome(linked, deps, [
      broken,
      provider('ok', [{ order: 1, needsYou: true, blocks: [{ type: 'text', text: 'Check-in' }] }]),
    ]);
    expect(texts(home.blocks)).toContain('Check-in');
  });

  it('keeps whole sections up to the block cap and says where the rest is', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      order: i,
      needsYou: true,
      blocks: [
        { type: 'heading' as const, text: `S${i}` },
        { type: 'text' as const, text: `line ${i}` },
      ],
    }));
    const home = await buildHome(linked, memoryDeps(), [provider('many', many)]);
    expect(home.blocks.length).toBeLessThanOrEqual(MAX_HOME_BLOCKS);
    expect(texts(home.blocks).join('\n')).toContain('There is more than fits here');
    const headings = home.blocks.filter((b) => b.type === 'heading').length - 1;
    expect(home.blocks.filter((b) => b.type === 'text' && b.text.startsWith('line')).length).toBe(headings);
  });

  it('asks someone not on a roster who they are', async () => {
    const home = await buildHome({ ...linked, personId: null, trustId: null }, memoryDeps(), [provider('a', [])]);
    expect(home.summary).toContain('I do not know who you are yet');
  });
});

describe('homeSection on FeatureApp', () => {
  it("collects each feature's provider once and refuses a second with the same id", () => {
    const p = provider('checkin', []);
    const loaded = loadFeatures([{ id: 'x', register: (app) => void app.homeSection(p) }]);
    expect(loaded.registry.homeSections()).toEqual([p]);
    expect(() => loadFeatures([{ id: 'y', register: (app) => void app.homeSection(p).homeSection(p) }])).toThrow('registered twice');
  });
});
