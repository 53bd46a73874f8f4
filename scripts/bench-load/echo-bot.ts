/**
 * The floor for `npm run bench:load`: the barest bot the same stack allows, with no database
 * and no features. Teams: botbuilder's CloudAdapter (no credentials: local mode, as the real
 * bot in the benchmark) behind restify, echoing each message's text (or a pressed button's
 * data) into the conversation. Slack: the Events API and interactivity endpoints check the
 * signature, acknowledge, then echo with `chat.postMessage` through @slack/web-api, as Bolt
 * does. Whatever the project's bot does beyond this is the cost of its features.
 *
 * Run by the benchmark as a child process: PORT, SLACK_SIGNING_SECRET, SLACK_API_URL.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';

const secret = process.env.SLACK_SIGNING_SECRET ?? '';
const slack = new WebClient('xoxb-echo', { slackApiUrl: process.env.SLACK_API_URL });
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

async function rawBody(req: Request): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function teams(req: Request, res: Response): Promise<void> {
  (req as unknown as { body: unknown }).body = JSON.parse(await rawBody(req));
  await adapter.process(req as never, res as never, async (context) => {
    const { text, value } = context.activity;
    await context.sendActivity(`echo: ${text || JSON.stringify(value ?? {})}`);
  });
}

function signed(req: Request, body: string): boolean {
  const timestamp = String(req.headers['x-slack-request-timestamp'] ?? '');
  const given = Buffer.from(String(req.headers['x-slack-signature'] ?? ''));
  const wanted = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

async function slackEvents(req: Request, res: Response): Promise<void> {
  const body = await rawBody(req);
  if (!signed(req, body)) {
    res.status(401);
    res.end();
    return;
  }
  const form = String(req.headers['content-type'] ?? '').includes('json') ? null : new URLSearchParams(body).get('payload');
  const payload = JSON.parse(form ?? body) as {
    event?: { channel?: string; text?: string };
    channel?: { id?: string };
    actions?: Array<{ value?: string }>;
  };
  res.status(200);
  res.end();
  const channel = payload.event?.channel ?? payload.channel?.id;
  const text = payload.event?.text ?? payload.actions?.[0]?.value ?? '';
  if (channel) await slack.chat.postMessage({ channel, text: `echo: ${text}` }).catch(() => undefined);
}

const server = restify.createServer({ name: 'echo-bot' });
server.get('/healthz', async (_req: Request, res: Response) => {
  res.json({ status: 'ok' });
});
server.post('/api/messages', teams);
server.post('/slack/events', slackEvents);
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => console.log(`echo bot on ${server.url}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
