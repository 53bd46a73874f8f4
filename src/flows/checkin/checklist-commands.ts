/**
 * `checklist`: the SEND leader views the trust's checklist and changes it. Each change saves a
 * new version (rounds already open keep theirs; past answers keep the version they were given
 * under).
 */
import { applyChange, type ChecklistChange } from '../../core/checkin/checklist';
import type { AnswerType, Frequency, Strength } from '../../core/checkin/model';
import { textMessage } from '../../core/message';
import { t } from '../../i18n/en-GB';
import { forLinked, type LinkedContext } from '../linked';
import type { Command, HandlerContext, Reply } from '../registry';
import { frequencyLabel } from './text';

/** Parses `add [must|should] [date|number] [autumn|spring|summer] <question>`. */
export function parseAdd(text: string): Extract<ChecklistChange, { kind: 'add' }> {
  let strength: Strength = 'should';
  let answer: AnswerType = 'choice';
  let frequency: Frequency = { kind: 'every-term' };
  const words = text.trim().split(/\s+/);
  while (words.length > 1) {
    const word = words[0]!.toLowerCase();
    if (word === 'must' || word === 'should') strength = word;
    else if (word === 'date' || word === 'number') answer = word;
    else if (word === 'autumn' || word === 'spring' || word === 'summer') frequency = { kind: 'once-a-year', term: word };
    else break;
    words.shift();
  }
  return { kind: 'add', question: words.join(' '), strength, answer, frequency };
}

function viewReply(checklist: Awaited<ReturnType<HandlerContext['deps']['checkin']['repo']['checklist']>>): Reply {
  const title = t('checklist.title', { version: checklist.version, base: checklist.base });
  return [
    {
      summary: title,
      blocks: [
        { type: 'heading', text: title },
        {
          type: 'table',
          columns: [t('checklist.columns.item'), t('checklist.columns.kind'), t('checklist.columns.when'), t('checklist.columns.on')],
          rows: checklist.items.map((i) => [
            `${i.id}: ${i.title}`,
            t(`checkin.strength.${i.strength}`),
            frequencyLabel(i),
            t(i.enabled ? 'checklist.on' : 'checklist.off'),
          ]),
        },
        { type: 'text', text: t('checklist.help'), muted: true },
      ],
    },
  ];
}

async function run(ctx: LinkedContext, args: string): Promise<Reply> {
  const trustId = ctx.actor.trustId;
  const { repo } = ctx.deps.checkin;
  const current = await repo.checklist(trustId);
  const [verb = '', itemId = '', ...rest] = args.trim().split(/\s+/);
  let change: ChecklistChange;
  switch (verb.toLowerCase()) {
    case '':
      return viewReply(current);
    case 'off':
    case 'on':
      change = { kind: verb.toLowerCase() as 'off' | 'on', itemId };
      break;
    case 'reword':
      change = { kind: 'reword', itemId, question: rest.join(' ') };
      break;
    case 'add':
      change = parseAdd(args.trim().slice(3));
      break;
    default:
      return [textMessage(t('checklist.usage'))];
  }
  const next = applyChange(current, change);
  if (!next.ok) return [textMessage(t(`checklist.error.${next.error}`, { item: itemId }))];
  const saved = await repo.saveChecklist(trustId, next.value, ctx.actor.personId);
  if (!saved.ok) return [textMessage(t('checklist.conflict'))];
  await ctx.deps.audit.record({
    trustId,
    actorId: ctx.actor.personId,
    action: 'checklist.change',
    details: { version: next.value.version, note: next.value.note },
  });
  return [textMessage(t('checklist.changed', { version: next.value.version, note: next.value.note ?? '' }))];
}

export const checklistCommand: Command = {
  id: 'checklist',
  aliases: [],
  summary: "View or change the trust's compliance checklist (each change is a new version)",
  usage: 'checklist [off|on|reword|add] …',
  examples: ['checklist', 'checklist off send-governance', 'checklist add should Is the provision map up to date?'],
  audience: ['send-leader'],
  run: forLinked(run),
};
