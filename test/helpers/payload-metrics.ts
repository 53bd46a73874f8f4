import { appendFileSync } from 'node:fs';
import type { Platform } from '../../src/core/model';

/** Sizes of one reply as the platform receives it, for the large-trust test and `npm run bench:large`. */
export interface PayloadMetrics {
  teamsBytes: number;
  slackBlocks: number;
  slackSectionChars: number;
  slackOptions: number;
  /** People's text reaching a platform unescaped: Slack `& < >` outside entities and links, Teams raw `<tag>` or paired `*`/`_`. */
  unescaped: number;
}

const EMPTY: PayloadMetrics = { teamsBytes: 0, slackBlocks: 0, slackSectionChars: 0, slackOptions: 0, unescaped: 0 };

export function measure(platform: Platform, replies: string[]): PayloadMetrics {
  return replies.map((r) => measureOne(platform, JSON.parse(r) as Record<string, unknown>)).reduce(maxOf, EMPTY);
}

function maxOf(a: PayloadMetrics, b: PayloadMetrics): PayloadMetrics {
  return {
    teamsBytes: Math.max(a.teamsBytes, b.teamsBytes),
    slackBlocks: Math.max(a.slackBlocks, b.slackBlocks),
    slackSectionChars: Math.max(a.slackSectionChars, b.slackSectionChars),
    slackOptions: Math.max(a.slackOptions, b.slackOptions),
    unescaped: a.unescaped + b.unescaped,
  };
}

function measureOne(platform: Platform, payload: Record<string, unknown>): PayloadMetrics {
  if (platform === 'teams') {
    const texts = strings(payload, (key) => key === 'text');
    // A raw tag Teams would drop, or a name's * or _ left to be read as formatting.
    const unescaped = texts.filter((t) => /(^|[^\\])<[A-Za-z]/.test(t) || /(^|[^\\])\*Star|Under_score/.test(t)).length;
    return { ...EMPTY, teamsBytes: Buffer.byteLength(JSON.stringify(payload), 'utf8'), unescaped };
  }
  const blocks = (typeof payload.blocks === 'string' ? JSON.parse(payload.blocks) : (payload.blocks ?? [])) as unknown[];
  const sections = (blocks as Array<Record<string, unknown>>)
    .filter((b) => b.type === 'section')
    .map((b) => String((b.text as { text?: string } | undefined)?.text ?? ''));
  const mrkdwn = [String(payload.text ?? ''), ...strings(blocks, (key, parent) => key === 'text' && parent.type === 'mrkdwn')];
  const unescaped = mrkdwn.filter(
    (t) => /&(?!amp;|lt;|gt;)/.test(t) || /<(?![@#!]|https?:|mailto:)/.test(t) || /(^|[^\u200b])[*_]Star|Under_score/.test(t),
  ).length;
  let options = 0;
  walk(blocks, (node) => {
    if (node.type === 'static_select' && Array.isArray(node.options)) options = Math.max(options, node.options.length);
  });
  return {
    ...EMPTY,
    slackBlocks: blocks.length,
    slackSectionChars: Math.max(0, ...sections.map((s) => s.length)),
    slackOptions: options,
    unescaped,
  };
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Record<string, unknown>);
  Object.values(node).forEach((n) => walk(n, visit));
}

function strings(node: unknown, want: (key: string, parent: Record<string, unknown>) => boolean): string[] {
  const found: string[] = [];
  walk(node, (o) => {
    for (const [key, value] of Object.entries(o)) if (typeof value === 'string' && want(key, o)) found.push(value);
  });
  return found;
}

/** With BENCH_LARGE_OUT set (by `npm run bench:large`), appends one line of JSON per measured reply. */
export function recordMetrics(command: string, platform: Platform, metrics: PayloadMetrics): void {
  const out = process.env.BENCH_LARGE_OUT;
  if (out) appendFileSync(out, `${JSON.stringify({ command, platform, ...metrics })}\n`);
}
