/**
 * Shapes Bolt takes for granted. Bolt 5 dereferences these fields without checking them
 * (`getTypeAndConversation` reads `'id' in event.channel`, `body.channel.id`, `body.team.id`,
 * each of `body.actions`...), so a signed payload with `channel: null` made it throw and the
 * request end in a 500 (found by test/integration/security/fuzz.test.ts). Checked at every
 * depth, since the same names mean the same things wherever Slack nests them; a real payload
 * never breaks these rules.
 */
const STRING_OR_OBJECT = new Set(['channel', 'user', 'team', 'item']);
const OBJECT = new Set(['event', 'container', 'view', 'state', 'message']);
const ARRAY_OF_OBJECTS = new Set(['actions', 'authorizations', 'blocks', 'files', 'elements']);
/**
 * Ids the bot stores or keys on (a person's chat identity, the delivery receipt). Slack's are a
 * dozen characters; 200 KB of one did not fit the identity's unique index (PostgreSQL 54000),
 * found by the long fuzz run. `channel`, `user` and `team` are ids when strings, and hold one in
 * `id` when objects.
 */
const ID_KEYS = new Set(['team_id', 'user_id', 'channel_id', 'enterprise_id', 'event_id', 'trigger_id', 'api_app_id']);
const HOLDS_ID = new Set(['channel', 'user', 'team']);
const MAX_ID_LENGTH = 255;

/** Null when the payload has the shape Bolt needs; else what is wrong, for the log. */
export function slackPayloadProblem(body: Record<string, unknown>): string | null {
  const stack: unknown[] = [body];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (STRING_OR_OBJECT.has(key) && typeof value !== 'string' && !isObject(value)) return `${key} must be a string or an object`;
      if (OBJECT.has(key) && !isObject(value)) return `${key} must be an object`;
      if (ARRAY_OF_OBJECTS.has(key) && !(Array.isArray(value) && value.every(isObject))) return `${key} must be a list of objects`;
      if (ID_KEYS.has(key) && value !== null && !isId(value)) return `${key} must be an id`;
      if (HOLDS_ID.has(key) && !isId(isObject(value) ? (value.id ?? '') : value)) return `${key} must be an id`;
      stack.push(value);
    }
  }
  if ('command' in body && typeof body.command !== 'string') return 'command must be a string';
  if ('type' in body && typeof body.type !== 'string') return 'type must be a string';
  return null;
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
