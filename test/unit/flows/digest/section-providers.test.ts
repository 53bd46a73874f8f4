/**
 * The digest's extension point: a feature adds its section from its own module with
 * `app.digestSection(...)`, whatever its place in the feature list; a section that fails is
 * left out (and logged) rather than stopping the digest; the same id twice is a start-up error.
 */
import type { Feature } from '../../../../src/flows/feature';
import { loadFeatures } from '../../../../src/flows/feature';
import { digestFeature } from '../../../../src/flows/digest/index';
import { buildDigestView } from '../../../../src/flows/digest/build';
import type { DigestSectionProvider } from '../../../../src/flows/digest/section-provider';
import { memoryLogger } from '../../../../src/logger';
import { memoryDeps } from '../../../fakes/memory-deps';

const network: DigestSectionProvider = {
  id: 'network',
  contribute: async (_deps, input) => ({
    section: { id: 'network', title: 'Network', headline: `For ${input.audience} in the week of ${input.weekOf}`, lines: [] },
    lookAt: [{ schoolId: 's1', schoolName: 'Oak Primary', reason: 'a new SENCO without a buddy', weight: 2 }],
  }),
};
const meetingsFeature: Feature = { id: 'meetings', register: (app) => void app.digestSection(network) };

describe('digest section providers', () => {
  it('collects sections registered by features listed after the digest', () => {
    const loaded = loadFeatures([digestFeature, meetingsFeature]);
    expect(loaded.digestSections.map((p) => p.id)).toEqual(['compliance', 'network']);
  });

  it('refuses the same section twice', () => {
    expect(() => loadFeatures([meetingsFeature, meetingsFeature])).toThrow('Digest section "network" is registered twice');
  });

  it('composes every section and leaves out one that fails, with a log line', async () => {
    const logger = memoryLogger();
    const deps = { ...memoryDeps(), logger };
    const broken: DigestSectionProvider = {
      id: 'bulletins',
      contribute: async () => {
        throw new Error('bulletins table missing');
      },
    };
    const view = await buildDigestView(deps, [network, broken], {
      trustId: 't1',
      weekOf: '2026-11-30',
      audience: 'trust-leader',
      record: false,
    });
    expect(view.sections.map((s) => s.headline)).toEqual(['For trust-leader in the week of 2026-11-30']);
    expect(view.lookAt).toEqual([{ schoolId: 's1', schoolName: 'Oak Primary', reasons: ['a new SENCO without a buddy'], weight: 2 }]);
    expect(logger.lines).toContainEqual({
      level: 'error',
      msg: 'digest section failed: left out',
      fields: { section: 'bulletins', trustId: 't1', error: 'bulletins table missing' },
    });
  });
});
