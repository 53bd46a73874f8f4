/**
 * After a meeting (agenda-steps.ts runs `afterMeeting` when it ends): the leader is asked for
 * short notes and actions, and everyone who said Going gets their card with "I attended"
 * (occurrence.ts#attendedAction records it). The notes are a conversation (notes, then actions,
 * then a preview) checked by the pupil-name guard; "Send" delivers them once to everyone invited,
 * including those who could not come (`meetings-notes:<occurrence>:<person>`); sending changed
 * notes later updates those messages in place.
 */
import { conversationKeyOf } from '../../core/conversation';
import { deliverToPeople, type PersonDelivery } from '../../core/deliver-to-people';
import type { MeetingOccurrence, MeetingSeries } from '../../core/meetings/model';
import { textMessage, type OutboundMessage } from '../../core/message';
import type { ConversationState } from '../../core/ports';
import { checkPupilNames } from '../../core/privacy/pupil-name-guard';
import { verbatim } from '../../core/verbatim';
import { formatDate } from '../../core/dates';
import { t } from '../../i18n/en-GB';
import { endConversation, saveConversation } from '../conversations/engine';
import { forLinked, type LinkedContext } from '../linked';
import type { ActionHandler, Conversation, HandlerContext, Reply } from '../registry';
import { LEADERS, value } from '../shared/common';
import { inviteesOf, invitationFor, REMINDER_NUDGE, type MeetingsSvc } from './services';

export const NOTES_VERBS = { start: 'meetings.notes.start', keep: 'meetings.notes.keep', send: 'meetings.notes.send' } as const;
export const notesKey = (occurrenceId: string, personId: string) => `meetings-notes:${occurrenceId}:${personId}`;

export const NOTES_MAX = 2000;
const ACTION_MAX = 300;

type Step = 'notes' | 'notes-check' | 'actions' | 'actions-check' | 'preview';
interface NotesData {
  occurrenceId: string;
  notes?: string;
  actions?: string[];
  /** Text the guard flagged, waiting for "Keep as written" or a retype. */
  pending?: string;
}

/** When the meeting ends: the leader's prompt and the "I attended" card to everyone who said Going. */
export async function afterMeeting(svc: MeetingsSvc, occurrence: MeetingOccurrence, series: MeetingSeries): Promise<number> {
  if (occurrence.status !== 'scheduled' || series.cancelled) return 0;
  const trustId = series.trustId;
  const going = new Set(
    (await svc.meetings.repo.listRsvps(trustId, occurrence.id)).filter((r) => r.answer === 'going' && !r.attended).map((r) => r.personId),
  );
  const attendees = (await inviteesOf(svc, series)).filter((p) => going.has(p.id));
  const leader = await svc.roster.repo.getPerson(trustId, series.leaderId);
  const contacts = await svc.roster.identities.contacts(trustId, [...attendees.map((p) => p.id), series.leaderId]);
  const deliveries: PersonDelivery[] = [];
  for (const person of attendees) {
    const card = await invitationFor(svc, occurrence, series, person.id);
    const lead = t('meetings.notes.attendAsk', { title: series.title });
    deliveries.push({
      person,
      key: `meetings-attend-ask:${occurrence.id}:${person.id}`,
      content: { summary: lead, blocks: [{ type: 'text' as const, text: lead }, ...card.blocks] },
    });
  }
  if (leader && !leader.archived && !leader.erased) {
    const ask = t('meetings.notes.ask', { title: series.title });
    deliveries.push({
      person: leader,
      key: `meetings-notes-ask:${occurrence.id}`,
      content: {
        summary: ask,
        blocks: [
          { type: 'text', text: ask },
          {
            type: 'buttons',
            buttons: [
              { label: t('meetings.notes.start'), verb: NOTES_VERBS.start, data: { occurrenceId: occurrence.id }, style: 'primary' },
            ],
          },
        ],
      },
    });
  }
  const report = await deliverToPeople(svc.outbox, trustId, contacts, deliveries, REMINDER_NUDGE);
  return report.queued;
}

export function notesMessage(
  occurrence: MeetingOccurrence,
  series: MeetingSeries,
  notes: string,
  actions: readonly string[],
): OutboundMessage {
  const heading = t('meetings.notes.heading', { title: series.title, date: formatDate(occurrence.date) });
  const blocks: OutboundMessage['blocks'] = [
    { type: 'heading', text: heading },
    { type: 'text', text: verbatim(notes) },
  ];
  if (actions.length > 0) {
    blocks.push(
      { type: 'heading', text: t('meetings.notes.actions') },
      { type: 'text', text: actions.map((a) => `- ${verbatim(a)}`).join('\n') },
    );
  }
  return { summary: heading, blocks };
}

const notesConversation: Conversation = {
  id: 'meetings-notes',
  describe: (state) => t('meetings.notes.describe', { step: state.step }),
  resume: t('meetings.notes.resume'),
  onText: async (ctx, state, text) => onText(ctx, state, text),
};

async function loadLed(ctx: LinkedContext, occurrenceId: string) {
  return ctx.deps.meetings.repo.getOccurrence(ctx.actor.trustId, occurrenceId);
}

async function save(ctx: HandlerContext, step: Step, data: NotesData): Promise<void> {
  await saveConversation(ctx, notesConversation, step, data as unknown as Record<string, unknown>);
}

function guardWarning(names: string): Reply {
  const text = t('meetings.notes.guard', { names });
  return [
    {
      summary: text,
      blocks: [
        { type: 'text', text },
        { type: 'buttons', buttons: [{ label: t('meetings.notes.keep'), verb: NOTES_VERBS.keep }] },
      ],
    },
  ];
}

async function preview(ctx: LinkedContext, data: NotesData): Promise<Reply> {
  const found = await loadLed(ctx, data.occurrenceId);
  if (!found) {
    await endConversation(ctx);
    return [textMessage(t('meetings.flow.notFound'))];
  }
  await save(ctx, 'preview', data);
  const invited = (await inviteesOf(ctx.deps, found.series)).length;
  const message = notesMessage(found.occurrence, found.series, data.notes ?? '', data.actions ?? []);
  return [
    textMessage(t('meetings.notes.preview', { count: invited })),
    {
      ...message,
      blocks: [
        ...message.blocks,
        {
          type: 'buttons',
          buttons: [
            { label: t('meetings.notes.send'), verb: NOTES_VERBS.send, data: { occurrenceId: data.occurrenceId }, style: 'primary' },
          ],
        },
      ],
    },
  ];
}

/** Accepts the notes (or the actions) and moves on. */
async function accept(ctx: LinkedContext, step: 'notes' | 'actions', data: NotesData, text: string): Promise<Reply> {
  if (step === 'notes') {
    await save(ctx, 'actions', { occurrenceId: data.occurrenceId, notes: text });
    return [textMessage(t('meetings.notes.typeActions'))];
  }
  const actions = /^\s*(none|no|-)\s*$/i.test(text)
    ? []
    : text
        .split('\n')
        .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
        .filter(Boolean);
  return preview(ctx, { occurrenceId: data.occurrenceId, notes: data.notes, actions });
}

async function onText(ctx: HandlerContext, state: ConversationState, raw: string): Promise<Reply> {
  const data = state.data as unknown as NotesData;
  if (!ctx.actor.personId || !ctx.actor.trustId) return [textMessage(t('meetings.flow.notFound'))];
  const linked = ctx as LinkedContext;
  const step: 'notes' | 'actions' = state.step === 'notes' || state.step === 'notes-check' ? 'notes' : 'actions';
  if (state.step === 'preview') return preview(linked, data);
  const text = raw.trim();
  if (!text) return [textMessage(t(step === 'notes' ? 'meetings.notes.typeNotes' : 'meetings.notes.typeActions'))];
  const max = step === 'notes' ? NOTES_MAX : ACTION_MAX * 10;
  if (text.length > max || (step === 'actions' && text.split('\n').some((l) => l.length > ACTION_MAX))) {
    return [textMessage(t('meetings.notes.tooLong', { max: step === 'notes' ? NOTES_MAX : ACTION_MAX }))];
  }
  const check = checkPupilNames(text);
  if (check.flagged) {
    await save(linked, step === 'notes' ? 'notes-check' : 'actions-check', { ...data, pending: text });
    return guardWarning([...new Set(check.hits.map((h) => h.name))].join(', '));
  }
  return accept(linked, step, data, text);
}

async function currentNotes(ctx: LinkedContext): Promise<{ step: Step; data: NotesData } | null> {
  const state = await ctx.deps.state.get(conversationKeyOf(ctx.actor));
  if (!state || state.flow !== notesConversation.id) return null;
  return { step: state.step as Step, data: state.data as unknown as NotesData };
}

export const startNotesAction: ActionHandler = {
  verb: NOTES_VERBS.start,
  audience: LEADERS,
  dataRule: 'own trust only, once the meeting has ended',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const found = await loadLed(ctx, value(data, 'occurrenceId'));
    if (!found) return [textMessage(t('meetings.flow.notFound'))];
    if (found.occurrence.status !== 'scheduled') return [textMessage(t('meetings.flow.alreadyCancelled'))];
    if (ctx.deps.clock.now() < found.occurrence.endsAt) return [textMessage(t('meetings.notes.notYet'))];
    await save(ctx, 'notes', { occurrenceId: found.occurrence.id });
    return [textMessage(t('meetings.notes.typeNotes'))];
  }),
};

export const keepNotesAction: ActionHandler = {
  verb: NOTES_VERBS.keep,
  audience: LEADERS,
  dataRule: 'your own notes conversation',
  run: forLinked(async (ctx) => {
    const current = await currentNotes(ctx);
    if (!current || !current.data.pending || (current.step !== 'notes-check' && current.step !== 'actions-check')) {
      return [textMessage(t('meetings.notes.nothing'))];
    }
    const { pending, ...rest } = current.data;
    return accept(ctx, current.step === 'notes-check' ? 'notes' : 'actions', rest, pending);
  }),
};

export const sendNotesAction: ActionHandler = {
  verb: NOTES_VERBS.send,
  audience: LEADERS,
  dataRule: 'own trust only; goes to everyone invited',
  run: forLinked(async (ctx, data: Record<string, string>) => {
    const current = await currentNotes(ctx);
    // A second press finds the conversation finished: nothing is sent twice.
    if (!current || current.step !== 'preview' || current.data.occurrenceId !== value(data, 'occurrenceId')) {
      return [textMessage(t('meetings.notes.nothing'))];
    }
    await endConversation(ctx);
    const found = await loadLed(ctx, current.data.occurrenceId);
    if (!found) return [textMessage(t('meetings.flow.notFound'))];
    const { occurrence, series } = found;
    const notes = current.data.notes ?? '';
    const actions = current.data.actions ?? [];
    const now = ctx.deps.clock.now();
    const outcome = await ctx.deps.meetings.repo.saveNotes(ctx.actor.trustId, occurrence.id, { notes, actions }, ctx.actor.personId, now);
    if (outcome === 'not-found') return [textMessage(t('meetings.flow.notFound'))];
    if (outcome === 'unchanged') return [textMessage(t('meetings.notes.unchanged'))];
    const content = notesMessage(occurrence, series, notes, actions);
    const invitees = await inviteesOf(ctx.deps, series);
    const contacts = await ctx.deps.roster.identities.contacts(
      ctx.actor.trustId,
      invitees.map((p) => p.id),
    );
    const report = await deliverToPeople(
      ctx.deps.outbox,
      ctx.actor.trustId,
      contacts,
      invitees.map((person) => ({ person, key: notesKey(occurrence.id, person.id), content })),
    );
    if (outcome === 'updated') {
      await ctx.deps.outbox.edit(
        invitees.map((person) => {
          const of = notesKey(occurrence.id, person.id);
          return { key: `${of}:edit-${now.getTime()}`, of, op: 'update' as const, content };
        }),
      );
    }
    await ctx.deps.audit.record({
      trustId: ctx.actor.trustId,
      actorId: ctx.actor.personId,
      action: 'meetings.notes',
      subject: occurrence.id,
    });
    const count = report.queued + report.duplicates;
    return [textMessage(t(outcome === 'created' ? 'meetings.notes.sent' : 'meetings.notes.updated', { count }))];
  }),
};

export { notesConversation };
