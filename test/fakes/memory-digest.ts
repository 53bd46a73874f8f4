import type { DigestFigures, DigestRepo, DigestSettings } from '../../src/core/digest-port';
import type { DigestDeps } from '../../src/flows/digest/deps';

/** The digest's storage in maps, for unit tests of flows. */
export function memoryDigest(): DigestDeps {
  const settings = new Map<string, DigestSettings>();
  const choices = new Map<string, Map<string, boolean>>();
  const snapshots = new Map<string, DigestFigures>();
  const repo: DigestRepo = {
    settings: async (trustId) => settings.get(trustId) ?? null,
    allSettings: async () => new Map(settings),
    saveSettings: async (trustId, s) => void settings.set(trustId, { ...s }),
    choices: async (trustId) => new Map(choices.get(trustId) ?? []),
    choose: async (trustId, personId, subscribed) =>
      void choices.set(trustId, (choices.get(trustId) ?? new Map()).set(personId, subscribed)),
    snapshot: async (trustId, weekOf) => snapshots.get(`${trustId}/${weekOf}`) ?? null,
    saveSnapshot: async (trustId, weekOf, figures) => void snapshots.set(`${trustId}/${weekOf}`, { ...figures }),
  };
  return { repo };
}
