/**
 * Summaries to the MAT SEND leader when a school finishes an area (and all five). Sent
 * through the outbox under keys naming the cycle, school and area, so a second tap, a
 * redelivery or two replicas send each one once.
 */
import type { OutboundMessage } from '../../core/message';
import { sendLeadersOf } from '../../core/roster/leaders';
import { areaProgress } from '../../core/selfeval/progress';
import { summariseArea, summariseSchool } from '../../core/selfeval/summary';
import { areaSummaryMessage } from '../../digest/selfeval-summary';
import { t } from '../../i18n/en-GB';
import type { HandlerContext } from '../registry';
import type { SchoolSitting } from './load';
import { VERBS } from './verbs';

export function areaKey(s: SchoolSitting, areaId: string): string {
  return `selfeval-area:${s.cycle.id}:${s.schoolId}:${areaId}`;
}

/** The school's whole self-evaluation: every area's summary under one heading. */
export function schoolMessages(s: SchoolSitting): OutboundMessage[] {
  const summary = summariseSchool({ framework: s.framework, answers: s.answers, previous: s.previous });
  return summary.areas.map((area) => areaSummaryMessage(s.schoolName, area, s.framework));
}

/** The school's summary of the areas it has started (areas not started are left out). */
export function startedAreaMessages(s: SchoolSitting): OutboundMessage[] {
  return schoolMessages(s).filter((_, i) => areaProgress(s.framework, s.framework.areas[i]!.id, s.answers)!.answered > 0);
}

async function leaderIds(ctx: HandlerContext, trustId: string): Promise<string[]> {
  return sendLeadersOf(await ctx.deps.roster.repo.listPeople(trustId)).map((p) => p.id);
}

/**
 * Sends the summary of every finished area not sent yet (the key makes repeats no-ops), and
 * the whole-school summary once all five are finished.
 */
export async function sendFinishedSummaries(ctx: HandlerContext, s: SchoolSitting): Promise<void> {
  const notifier = ctx.deps.roster.notifier;
  if (!notifier) return;
  const leaders = await leaderIds(ctx, s.trustId);
  if (leaders.length === 0) return;
  const input = { framework: s.framework, answers: s.answers, previous: s.previous };
  let finished = 0;
  for (const area of s.framework.areas) {
    if (!areaProgress(s.framework, area.id, s.answers)?.complete) continue;
    finished++;
    await notifier.notify(
      s.trustId,
      leaders,
      areaKey(s, area.id),
      areaSummaryMessage(s.schoolName, summariseArea(input, area.id)!, s.framework),
    );
  }
  if (finished < s.framework.areas.length) return;
  const heading = t('selfeval.schoolDone.title', { school: s.schoolName, cycle: s.cycle.label });
  const summary = summariseSchool(input);
  const message: OutboundMessage = {
    summary: t('selfeval.schoolDone.summary', { school: s.schoolName, cycle: s.cycle.label }),
    blocks: [
      { type: 'heading', text: heading },
      {
        type: 'table',
        columns: [t('selfeval.rollup.matrix'), t('selfeval.area.strengths'), t('selfeval.area.development')],
        rows: summary.areas.map((a) => [a.title, String(a.strengths.length), String(a.development.length)]),
      },
      { type: 'text', text: t('selfeval.rollup.privacy'), muted: true },
      { type: 'buttons', buttons: [{ label: t('selfeval.share.button'), verb: VERBS.share, data: { c: s.cycle.id, s: s.schoolId } }] },
    ],
  };
  await notifier.notify(s.trustId, leaders, `selfeval-school:${s.cycle.id}:${s.schoolId}`, message);
}
