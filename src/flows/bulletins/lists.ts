/**
 * Saved audiences: `bulletin list save <name>` keeps the audience of the bulletin the sender
 * composed last (e.g. the five schools of a cluster); `bulletin lists` shows the trust's lists;
 * the compose form offers them as audiences.
 */
import { verbatim } from '../../core/verbatim';
import { bulletinText as T } from '../../i18n/bulletins';
import type { LinkedContext } from '../linked';
import type { Reply } from '../registry';
import { entry } from '../shared/common';
import { audienceLabel, maySend } from './compose';

const MAX_NAME = 60;
const reply = (message: string): Reply => [{ summary: message, blocks: [{ type: 'text', text: message }] }];

async function schoolNamer(ctx: LinkedContext) {
  const schools = await ctx.deps.roster.repo.listSchools(ctx.actor.trustId, { includeArchived: true });
  return (ids: string[]) => ids.map((id) => verbatim(schools.find((s) => s.id === id)?.name ?? '')).join(', ');
}

export async function saveList(ctx: LinkedContext, args: string): Promise<Reply> {
  if (!(await maySend(ctx))) return reply(T.notAllowed);
  const name = args.trim().replace(/\s+/g, ' ');
  if (!name) return reply(T.listNameNeeded);
  if (name.length > MAX_NAME) return reply(T.listNameTooLong(MAX_NAME));
  const last = await ctx.deps.bulletins.repo.lastComposedBy(ctx.actor.trustId, ctx.actor.personId);
  if (!last) return reply(T.listNothingComposed);
  const saved = await ctx.deps.bulletins.repo.saveList(ctx.actor.trustId, name, last.audience, ctx.actor.personId, ctx.deps.clock.now());
  if (!saved) return reply(T.listTaken(verbatim(name)));
  await ctx.deps.audit.record(entry(ctx.actor, 'bulletin.list.save', name));
  return reply(T.listSaved(verbatim(name), audienceLabel(last.audience, await schoolNamer(ctx))));
}

export async function showLists(ctx: LinkedContext): Promise<Reply> {
  if (!(await maySend(ctx))) return reply(T.notAllowed);
  const lists = await ctx.deps.bulletins.repo.lists(ctx.actor.trustId);
  if (lists.length === 0) return reply(T.listsNone);
  const names = await schoolNamer(ctx);
  return [
    {
      summary: T.listsTitle,
      blocks: [
        { type: 'heading', text: T.listsTitle },
        { type: 'text', text: lists.map((l) => `- **${verbatim(l.name)}**: ${audienceLabel(l.audience, names)}`).join('\n') },
      ],
    },
  ];
}
