/** Self-evaluation's section of the weekly digest: the current cycle's roll-up in figures (src/digest/weekly/selfeval-section.ts). */
import type { DigestContribution } from '../../core/digest/model';
import { buildRollup } from '../../core/selfeval/rollup';
import { selfEvalDigestSection } from '../../digest/weekly/selfeval-section';
import type { FlowDeps } from '../deps';
import type { DigestSectionInput, DigestSectionProvider } from '../digest/section-provider';
import './deps';
import { currentCycleOf, cycleFramework } from './load';

export const selfEvalDigestProvider: DigestSectionProvider = {
  id: 'selfeval',
  async contribute(deps: FlowDeps, { trustId, audience }: DigestSectionInput): Promise<DigestContribution> {
    const repo = deps.selfeval.repo;
    const cycle = await currentCycleOf(repo, trustId);
    if (!cycle) return { section: null, lookAt: [] };
    const [framework, schools, answers] = await Promise.all([
      cycleFramework(repo, trustId, cycle),
      deps.roster.repo.listSchools(trustId),
      repo.answers(trustId, cycle.id),
    ]);
    const rollup = buildRollup(
      framework,
      schools.map((s) => ({ schoolId: s.id, schoolName: s.name })),
      answers,
    );
    return selfEvalDigestSection({ cycleLabel: cycle.label, rollup, audience });
  },
};
