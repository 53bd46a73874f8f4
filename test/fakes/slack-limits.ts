/**
 * What real Slack refuses in a message, checked by the fake Slack API on every post so that
 * a payload Slack would answer `invalid_blocks` or `msg_blocks_too_long` fails in tests too.
 * Limits from Slack's Block Kit reference (blocks, block elements, composition objects).
 */

export interface SlackRefusal {
  error: 'invalid_blocks' | 'msg_blocks_too_long' | 'msg_too_long' | 'invalid_arguments';
  messages: string[];
}

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  selectOptions: 100,
  optionGroups: 100,
  optionText: 75,
  optionValue: 150,
  inputLabel: 2000,
  placeholder: 150,
  /** Slack answers msg_blocks_too_long well before the documented sizes: about 12,000 characters of block text in practice. */
  blockTextTotal: 12000,
  /** Top-level `text` is cut at 40,000; we refuse it instead of letting it be cut silently. */
  topText: 40000,
} as const;

/** Private-use marks the bot uses for "text from people"; they must never reach a platform. */
const LEAKED_MARK = /[\uE000\uE001]/;

type Json = Record<string, unknown>;

/** Returns why Slack would refuse this chat.postMessage / postEphemeral / update, or null. */
export function checkSlackMessage(args: Record<string, unknown>, maxBlocks: number = SLACK_LIMITS.blocks): SlackRefusal | null {
  const problems: string[] = [];
  const text = typeof args.text === 'string' ? args.text : '';
  if (text.length > SLACK_LIMITS.topText) return { error: 'msg_too_long', messages: [`text is ${text.length} characters`] };
  if (LEAKED_MARK.test(text)) problems.push('text carries an internal verbatim mark');
  const raw = args.blocks;
  if (raw === undefined || raw === null || raw === '') return problems.length ? { error: 'invalid_arguments', messages: problems } : null;
  let blocks: unknown;
  try {
    blocks = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return { error: 'invalid_blocks', messages: ['blocks is not JSON'] };
  }
  if (!Array.isArray(blocks)) return { error: 'invalid_blocks', messages: ['blocks is not an array'] };
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  blocks.forEach((block: Json, i) => checkBlock(block, `blocks[${i}]`, problems, actionIds, blockIds));
  if (LEAKED_MARK.test(JSON.stringify(blocks))) problems.push('blocks carry an internal verbatim mark');
  if (problems.length) return { error: 'invalid_blocks', messages: problems };
  const total = textTotal(blocks);
  if (total > SLACK_LIMITS.blockTextTotal) return { error: 'msg_blocks_too_long', messages: [`${total} characters of block text`] };
  return null;
}

/** Home tab views (views.publish) take up to 100 blocks; the same block rules apply. */
export const HOME_VIEW_BLOCKS = 100;

/** Returns why Slack would refuse this views.publish, or null. */
export function checkSlackHomeView(args: Record<string, unknown>): SlackRefusal | null {
  let view: Json;
  try {
    view = (typeof args.view === 'string' ? JSON.parse(args.view) : args.view) as Json;
  } catch {
    return { error: 'invalid_arguments', messages: ['view is not JSON'] };
  }
  if (!view || view.type !== 'home') return { error: 'invalid_arguments', messages: ['view.type is not home'] };
  if (!args.user_id) return { error: 'invalid_arguments', messages: ['user_id is missing'] };
  return checkSlackMessage({ blocks: view.blocks ?? [] }, HOME_VIEW_BLOCKS);
}

/** Characters of text and values in the blocks: what Slack's practical message size limit counts. */
export function textTotal(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + textTotal(v), 0);
  if (!value || typeof value !== 'object') return 0;
  let sum = 0;
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'text' || key === 'value') && typeof v === 'string') sum += v.length;
    else sum += textTotal(v);
  }
  return sum;
}

function checkBlock(block: Json, at: string, problems: string[], actionIds: Set<string>, blockIds: Set<string>): void {
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${at}: ${what} is ${length} (max ${max})`);
  };
  if (typeof block.block_id === 'string') {
    over('block_id', block.block_id.length, SLACK_LIMITS.blockId);
    if (blockIds.has(block.block_id)) problems.push(`${at}: duplicate block_id ${block.block_id}`);
    blockIds.add(block.block_id);
  }
  const textOf = (o: unknown) => String((o as Json | undefined)?.text ?? '');
  switch (block.type) {
    case 'section': {
      if (block.text) over('section text', textOf(block.text).length, SLACK_LIMITS.sectionText);
      const fields = (block.fields as Json[] | undefined) ?? [];
      over('section fields', fields.length, SLACK_LIMITS.sectionFields);
      fields.forEach((f) => over('field text', textOf(f).length, SLACK_LIMITS.fieldText));
      if (!block.text && fields.length === 0) problems.push(`${at}: section without text or fields`);
      if (block.accessory) checkElement(block.accessory as Json, `${at}.accessory`, problems, actionIds);
      return;
    }
    case 'header':
      over('header text', textOf(block.text).length, SLACK_LIMITS.headerText);
      if ((block.text as Json | undefined)?.type !== 'plain_text') problems.push(`${at}: header text must be plain_text`);
      return;
    case 'context': {
      const elements = (block.elements as Json[] | undefined) ?? [];
      over('context elements', elements.length, SLACK_LIMITS.contextElements);
      elements.forEach((e) => over('context text', textOf(e).length, SLACK_LIMITS.sectionText));
      return;
    }
    case 'actions': {
      const elements = (block.elements as Json[] | undefined) ?? [];
      over('actions elements', elements.length, SLACK_LIMITS.actionsElements);
      elements.forEach((e, i) => checkElement(e, `${at}.elements[${i}]`, problems, actionIds));
      return;
    }
    case 'input':
      over('input label', textOf(block.label).length, SLACK_LIMITS.inputLabel);
      checkElement(block.element as Json, `${at}.element`, problems, actionIds);
      return;
    case 'divider':
    case 'image':
    case 'rich_text':
      return;
    default:
      problems.push(`${at}: unknown block type ${String(block.type)}`);
  }
}

function checkElement(element: Json | undefined, at: string, problems: string[], actionIds: Set<string>): void {
  if (!element) return void problems.push(`${at}: missing element`);
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${at}: ${what} is ${length} (max ${max})`);
  };
  if (typeof element.action_id === 'string') {
    over('action_id', element.action_id.length, SLACK_LIMITS.actionId);
    if (actionIds.has(element.action_id)) problems.push(`${at}: duplicate action_id ${element.action_id}`);
    actionIds.add(element.action_id);
  }
  const textOf = (o: unknown) => String((o as Json | undefined)?.text ?? '');
  if (element.placeholder) over('placeholder', textOf(element.placeholder).length, SLACK_LIMITS.placeholder);
  switch (element.type) {
    case 'button':
      over('button text', textOf(element.text).length, SLACK_LIMITS.buttonText);
      if (typeof element.value === 'string') over('button value', element.value.length, SLACK_LIMITS.buttonValue);
      return;
    case 'static_select':
    case 'multi_static_select': {
      const options = element.options as Json[] | undefined;
      const groups = element.option_groups as Array<{ options?: Json[] }> | undefined;
      if (!options === !groups) problems.push(`${at}: give exactly one of options and option_groups`);
      if (options) {
        over('options', options.length, SLACK_LIMITS.selectOptions);
        options.forEach((o) => checkOption(o, at, problems));
      }
      if (groups) {
        over('option_groups', groups.length, SLACK_LIMITS.optionGroups);
        for (const group of groups) {
          over('options in a group', group.options?.length ?? 0, SLACK_LIMITS.selectOptions);
          (group.options ?? []).forEach((o) => checkOption(o, at, problems));
        }
      }
      return;
    }
    default:
      return;
  }
}

function checkOption(option: Json, at: string, problems: string[]): void {
  const text = String((option.text as Json | undefined)?.text ?? '');
  if (text.length > SLACK_LIMITS.optionText) problems.push(`${at}: option text is ${text.length} (max ${SLACK_LIMITS.optionText})`);
  const value = String(option.value ?? '');
  if (value.length > SLACK_LIMITS.optionValue) problems.push(`${at}: option value is ${value.length} (max ${SLACK_LIMITS.optionValue})`);
}
