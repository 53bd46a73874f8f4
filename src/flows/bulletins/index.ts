/** Bulletins from the MAT SEND leader (issue 14): every command, card action and scheduled job, in one place. */
import { EXPENSIVE } from '../../core/rate-limit-port';
import { bulletinText as T } from '../../i18n/bulletins';
import { campaignDueWork } from '../campaigns/due-work';
import type { Feature } from '../feature';
import { forLinked } from '../linked';
import type { ActionHandler, Command } from '../registry';
import { bulletinCampaign } from './campaign';
import { composeForm, composeSubmit } from './compose';
import { attachAsk, documentUpload } from './documents';
import { saveList, showLists } from './lists';
import {
  acknowledge,
  confirmSend,
  editForm,
  grant,
  library,
  recall,
  recallAsk,
  recipients,
  remind,
  remindAsk,
  resend,
  saveEdit,
  status,
} from './manage';
import { bulletinDigestSection } from './digest-section';
import { bulletinHomeSection } from './home-section';
import { progressDueWork } from './sending';

export type { BulletinDeps } from './deps';

/** Senders: SEND leaders (and admins), and SENCOs they granted; trust leaders are refused by the router. */
const SENDERS = ['send-leader', 'senco'] as const;
const SENDER_RULE = 'SENCOs only when the MAT SEND leader granted them; own trust only';

const commands: Command[] = [
  {
    id: 'bulletin new',
    aliases: ['bulletin', 'new bulletin'],
    summary: 'Write a bulletin to SENCOs or trust leaders, with an optional acknowledgement',
    examples: ['bulletin new'],
    audience: SENDERS,
    dataRule: SENDER_RULE,
    run: forLinked((ctx) => composeForm(ctx)),
  },
  {
    id: 'bulletins',
    aliases: [],
    summary: 'Recent bulletins sent to you; add words to search them',
    usage: 'bulletins [words]',
    examples: ['bulletins', 'bulletins graduated approach'],
    audience: 'linked',
    dataRule: 'bulletins you were sent (leaders and trust leaders: all of the trust)',
    rateLimit: EXPENSIVE,
    run: forLinked((ctx, args: string) => library(ctx, args)),
  },
  {
    id: 'bulletin list save',
    aliases: [],
    summary: 'Save the audience of the bulletin you composed last as a named list',
    usage: 'bulletin list save <name>',
    examples: ['bulletin list save North cluster'],
    audience: SENDERS,
    dataRule: SENDER_RULE,
    run: forLinked((ctx, args: string) => saveList(ctx, args)),
  },
  {
    id: 'bulletin lists',
    aliases: [],
    summary: 'Saved audience lists for bulletins',
    examples: ['bulletin lists'],
    audience: SENDERS,
    dataRule: SENDER_RULE,
    run: forLinked((ctx) => showLists(ctx)),
  },
  {
    id: 'bulletin grant',
    aliases: [],
    summary: 'Allow someone to send bulletins',
    usage: 'bulletin grant <email>',
    examples: ['bulletin grant ann@trust.org.uk'],
    audience: ['send-leader'],
    dataRule: 'own trust; never a trust leader',
    run: forLinked((ctx, args: string) => grant(ctx, args)),
  },
];

const action = (
  verb: string,
  run: ActionHandler['run'],
  audience: ActionHandler['audience'] = SENDERS,
  dataRule = SENDER_RULE,
): ActionHandler => ({
  verb,
  audience,
  ...(dataRule ? { dataRule } : {}),
  run,
});

const actions: ActionHandler[] = [
  action('bulletin.compose', forLinked(composeSubmit)),
  action('bulletin.send', forLinked(confirmSend)),
  action('bulletin.attach', forLinked(attachAsk), SENDERS, 'own drafts; the next upload (within 30 minutes) is attached'),
  action('bulletin.cancel', async () => [{ summary: T.cancelled, blocks: [{ type: 'text', text: T.cancelled }] }], 'linked', 'none'),
  action(
    'bulletin.ack',
    forLinked(acknowledge),
    'linked',
    "recipients of the bulletin only; a channel's bulletin: anyone on the trust's roster (answered privately)",
  ),
  action('bulletin.status', forLinked(status)),
  action('bulletin.recipients', forLinked(recipients)),
  action('bulletin.resend', forLinked(resend)),
  action('bulletin.remind.ask', forLinked(remindAsk)),
  action('bulletin.remind', forLinked(remind)),
  action('bulletin.edit.form', forLinked(editForm)),
  action('bulletin.edit', forLinked(saveEdit)),
  action('bulletin.recall.ask', forLinked(recallAsk)),
  action('bulletin.recall', forLinked(recall)),
];

export const bulletinsFeature: Feature = {
  id: 'bulletins',
  register(app) {
    for (const command of commands) app.command(command);
    for (const a of actions) app.action(a);
    app.upload(documentUpload);
    app.homeSection(bulletinHomeSection);
    app.digestSection(bulletinDigestSection);
    app.dueWork((deps) => [...campaignDueWork(deps, bulletinCampaign(deps)), progressDueWork(deps)]);
  },
};
