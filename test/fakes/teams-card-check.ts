import type * as AdaptiveCards from 'adaptivecards';

// The package's lib/ build is ESM with extensionless imports Node cannot load; its UMD bundle loads fine (no DOM needed to parse).
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/**
 * What Teams refuses or cannot show in an activity, checked by the fake connector on every
 * send: an activity over the size budget (Microsoft documents 28 KB for a card message) is
 * answered 413, and every Adaptive Card is parsed and validated by the `adaptivecards`
 * package (the renderer Microsoft publishes) against schema version 1.5.
 */

/** Teams' documented size limit for a message with a card, in bytes of the activity's JSON. */
export const TEAMS_MAX_ACTIVITY_BYTES = 28 * 1024;
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const LEAKED_MARK = /[\uE000\uE001]/;

export interface TeamsRefusal {
  status: 400 | 413;
  messages: string[];
}

export function activityBytes(activity: unknown): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

/** Returns why Teams would refuse (or mangle) this activity, or null. */
export function checkTeamsActivity(activity: Record<string, unknown>): TeamsRefusal | null {
  const bytes = activityBytes(activity);
  if (bytes > TEAMS_MAX_ACTIVITY_BYTES) return { status: 413, messages: [`activity is ${bytes} bytes (max ${TEAMS_MAX_ACTIVITY_BYTES})`] };
  const problems: string[] = [];
  if (LEAKED_MARK.test(JSON.stringify(activity))) problems.push('activity carries an internal verbatim mark');
  const attachments = (activity.attachments as Array<{ contentType?: string; content?: unknown }> | undefined) ?? [];
  attachments.forEach((attachment, i) => {
    if (attachment.contentType === CARD_TYPE) problems.push(...checkCard(attachment.content).map((p) => `attachments[${i}]: ${p}`));
  });
  return problems.length ? { status: 400, messages: problems } : null;
}

/** Adaptive Card 1.5 problems found by the `adaptivecards` parser and validator (empty when valid). */
export function checkCard(content: unknown): string[] {
  if (!content || typeof content !== 'object') return ['card content is not an object'];
  const json = content as Record<string, unknown>;
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push(`type is ${String(json.type)}`);
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)} (expected 1.5)`);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(withChartFallbacks(json, problems) as Record<string, unknown>, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  problems.push(...checkChoiceSets(json));
  return problems;
}

/**
 * Teams draws its chart elements (Chart.Donut, Chart.VerticalBar, ...: "Charts in Adaptive
 * Cards", Teams only) that the `adaptivecards` package does not know. Other clients show the
 * element's `fallback`, so a chart must carry one: it is checked in the chart's place.
 */
const TEAMS_CHARTS = /^Chart\.(Donut|Pie|Gauge|Line|VerticalBar|VerticalBar\.Grouped|HorizontalBar|HorizontalBar\.Stacked)$/;

function withChartFallbacks(value: unknown, problems: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withChartFallbacks(v, problems));
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (typeof node.type === 'string' && TEAMS_CHARTS.test(node.type)) {
    if (!node.fallback || typeof node.fallback !== 'object') {
      problems.push(`${node.type} has no fallback element for clients without charts`);
      return { type: 'TextBlock', text: '' };
    }
    return withChartFallbacks(node.fallback, problems);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withChartFallbacks(v, problems)]));
}

/** Inputs the parser accepts but Teams misbehaves with: choice sets without choices or with duplicate values. */
function checkChoiceSets(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(checkChoiceSets);
  if (!value || typeof value !== 'object') return [];
  const node = value as Record<string, unknown>;
  const own: string[] = [];
  if (node.type === 'Input.ChoiceSet') {
    const choices = (node.choices as Array<{ value?: string }> | undefined) ?? [];
    if (choices.length === 0) own.push(`Input.ChoiceSet ${String(node.id)} has no choices`);
    if (new Set(choices.map((c) => c.value)).size !== choices.length) own.push(`Input.ChoiceSet ${String(node.id)} repeats a value`);
  }
  return [...own, ...Object.values(node).flatMap(checkChoiceSets)];
}
