/**
 * Self-evaluation's part of Home (order 40): a SENCO sees the open cycle's self-evaluation of
 * each of their schools at "Area n of 5" with one Continue button (needs you until all five
 * areas are done); a leader sees how many schools have finished and how many are under way.
 */
import { schoolProgress } from '../../core/selfeval/progress';
import { t } from '../../i18n/en-GB';
import type { HomeInput, HomeProvider, HomeSection } from '../home/section';
import './deps';
import { cycleFramework, sencoSchoolIds } from './load';
import { VERBS } from './verbs';

const ORDER = 40;
const LEADER_ROLES = new Set(['send-leader', 'trust-leader', 'admin']);

async function sections({ actor, deps }: HomeInput): Promise<HomeSection[]> {
  const mine = sencoSchoolIds(actor);
  const leads = actor.roles.some((r) => LEADER_ROLES.has(r.role));
  if (mine.length === 0 && !leads) return [];
  const repo = deps.selfeval.repo;
  const cycle = (await repo.cycles(actor.trustId)).find((c) => c.status === 'open');
  if (!cycle) return [];
  const [framework, schools, answers] = await Promise.all([
    cycleFramework(repo, actor.trustId, cycle),
    deps.roster.repo.listSchools(actor.trustId),
    leads ? repo.answers(actor.trustId, cycle.id) : Promise.resolve(null),
  ]);
  const out: HomeSection[] = [];
  for (const schoolId of mine) {
    const school = schools.find((s) => s.id === schoolId);
    if (!school) continue;
    const own = answers ? answers.filter((a) => a.schoolId === schoolId) : await repo.answers(actor.trustId, cycle.id, schoolId);
    const progress = schoolProgress(framework, own);
    const next = progress.areas.find((a) => a.areaId === progress.nextAreaId);
    const heading = { type: 'heading' as const, text: t('selfeval.home.heading', { cycle: cycle.label, school: school.name }) };
    if (!next) {
      out.push({ order: ORDER, needsYou: false, blocks: [heading, { type: 'text', text: t('selfeval.allDone', { cycle: cycle.label }) }] });
      continue;
    }
    const title = framework.areas[next.areaNumber - 1]!.title;
    out.push({
      order: ORDER,
      needsYou: true,
      blocks: [
        heading,
        {
          type: 'text',
          text: t('selfeval.home.progress', {
            area: next.areaNumber,
            areas: next.areaCount,
            title,
            answered: next.answered,
            total: next.total,
          }),
        },
        { type: 'buttons', buttons: [{ label: t('selfeval.continue'), verb: VERBS.begin, data: { s: schoolId }, style: 'primary' }] },
      ],
    });
  }
  if (leads && answers) {
    const bySchool = new Map<string, typeof answers>();
    for (const a of answers) bySchool.set(a.schoolId, [...(bySchool.get(a.schoolId) ?? []), a]);
    const current = schools.filter((s) => bySchool.has(s.id));
    const finished = current.filter((s) => schoolProgress(framework, bySchool.get(s.id)!).nextAreaId === null).length;
    out.push({
      order: ORDER,
      needsYou: false,
      blocks: [
        { type: 'heading', text: t('selfeval.home.leaderHeading', { cycle: cycle.label }) },
        { type: 'text', text: t('selfeval.home.leaderLine', { finished, schools: schools.length, started: current.length - finished }) },
      ],
    });
  }
  return out;
}

export const selfEvalHomeSection: HomeProvider = { id: 'selfeval', sections };
