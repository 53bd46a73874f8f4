#!/usr/bin/env node
/*
 * Uses the bot as its users would, in the Microsoft 365 Agents Playground driven by
 * playwright-core in Debian's Chromium, and saves a PNG of each card it is shown:
 *
 *   npm run screenshots                       # all scenes into docs/screenshots/
 *   npm run screenshots -- --only leader-help # one scene (prefix match)
 *
 * It starts its own bot on a fresh embedded database (a temporary folder), sets up a trust as
 * the MAT SEND leader (playground/leader.yml), imports test/fixtures/roster/trust.csv with the
 * import CLI, then plays each scene as the person it names. Needs `npm run build` first (the
 * npm script does it) and Chromium at /usr/bin/chromium (`apt-get install chromium`) or
 * CHROMIUM_PATH. Nothing leaves this machine: the bot, the playground and the browser all
 * talk over loopback.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const BOT_PORT = Number(process.env.SHOTS_BOT_PORT || 3979);
const UI_PORT = Number(process.env.SHOTS_UI_PORT || 56151);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Flags that keep Chromium off the network here (no background fetches, no sandbox as root).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Scenes: who plays them, what they type or press, and the picture that results. */
const SCENES = require('./screenshot-scenes');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startProcess(name, command, args, env) {
  const log = fs.openSync(path.join(os.tmpdir(), `senco-shots-${name}.log`), 'w');
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  child.logName = name;
  return child;
}

async function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function waitFor(url, what, seconds = 120) {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      const res = await fetch(url);
      if (res.ok || res.status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error(`${what} did not come up at ${url} within ${seconds} s`);
}

function startBot(dataDir) {
  return startProcess('bot', process.execPath, ['dist/src/main.js'], { DATA_DIR: dataDir, PORT: String(BOT_PORT), TZ: 'UTC' });
}

function startPlayground(role) {
  return startProcess('playground', process.execPath, ['scripts/playground.js', '--as', role], {
    PORT: String(BOT_PORT),
    PLAYGROUND_PORT: String(UI_PORT),
  });
}

/** One browser page on the playground, with the few gestures the scenes need. */
class Chat {
  constructor(page) {
    this.page = page;
    this.replyStart = 0;
  }

  async open() {
    await this.page.goto(`http://localhost:${UI_PORT}`, { waitUntil: 'networkidle' });
    // The log panel takes a third of the screen; close it so the chat is as wide as in Teams.
    const close = this.page.getByRole('button', { name: /close/i }).last();
    if (await close.isVisible().catch(() => false)) await close.click().catch(() => {});
  }

  /** Messages from the bot so far (the playground labels the author of the bot's messages only). */
  async replyCount() {
    return this.page.locator('[aria-label="Message author"]').count();
  }

  /** Waits until the bot has sent at least one more message than before. */
  async waitForReply(before, ms = 30000) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if ((await this.replyCount()) > before) {
        await sleep(600); // a reply may be several cards: let them all arrive
        return;
      }
      await sleep(200);
    }
    throw new Error('the bot did not answer in time');
  }

  /** Waits until nothing new has arrived for `quietMs` (proactive messages: invitations, reminders). */
  async settle(quietMs, maxMs = 4 * 60_000) {
    let seen = await this.replyCount();
    let quietSince = Date.now();
    for (const until = Date.now() + maxMs; Date.now() < until;) {
      await sleep(1000);
      const now = await this.replyCount();
      if (now !== seen) [seen, quietSince] = [now, Date.now()];
      else if (Date.now() - quietSince >= quietMs) return;
    }
  }

  async say(text) {
    const before = await this.replyCount();
    this.replyStart = await this.page.locator('.ac-adaptiveCard').count();
    const box = this.page.locator('[data-lexical-editor="true"]');
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.waitForReply(before);
  }

  async press(label) {
    const before = await this.replyCount();
    this.replyStart = await this.page.locator('.ac-adaptiveCard').count();
    await this.page.getByRole('button', { name: label, exact: true }).last().click();
    await this.waitForReply(before);
  }

  async fill(label, value) {
    await this.page.getByLabel(label).last().fill(value);
  }

  /**
   * A PNG of the last `count` cards the bot sent; with `fromReply`, of `count` cards starting at
   * that position in the latest reply (0 = its first card), for a reply of several cards.
   */
  async shot(file, count = 1, fromReply = null) {
    const cards = this.page.locator('.ac-adaptiveCard');
    const total = await cards.count();
    if (fromReply === null && total <= this.replyStart) return this.shotOfText(file);
    const start = fromReply === null ? Math.max(0, total - count) : this.replyStart + fromReply;
    const end = Math.min(total, start + count);
    const first = cards.nth(start);
    await first.scrollIntoViewIfNeeded();
    const boxes = [];
    for (let i = start; i < end; i++) boxes.push(await cards.nth(i).boundingBox());
    const shown = boxes.filter(Boolean);
    const x = Math.min(...shown.map((b) => b.x)) - 8;
    const y = Math.min(...shown.map((b) => b.y)) - 8;
    const right = Math.max(...shown.map((b) => b.x + b.width)) + 8;
    const bottom = Math.max(...shown.map((b) => b.y + b.height)) + 8;
    await this.page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y }, fullPage: true });
  }

  /**
   * A reply with no card (plain text): the smallest element around its author line that also
   * holds the message (the author line alone is one line high), so the picture is that message.
   */
  async shotOfText(file) {
    // The playground's log panel can stand over the right of the chat: hide its outermost
    // narrow box (found by its hint text), so a long line of text is not cut off.
    await this.page.evaluate(() => {
      const narrow = (el) => el.getBoundingClientRect().width < globalThis.innerWidth * 0.6;
      const hint = [...globalThis.document.querySelectorAll('div, span, p')].find(
        (el) => /^Click on a log item/.test(el.textContent || '') && narrow(el),
      );
      let panel = hint;
      while (panel && panel.parentElement && narrow(panel.parentElement)) panel = panel.parentElement;
      if (panel) panel.style.display = 'none';
    });
    const author = this.page.locator('[aria-label="Message author"]').last();
    await author.scrollIntoViewIfNeeded();
    const line = await author.boundingBox();
    for (let up = 1; up <= 6; up++) {
      const box = await author.locator(`xpath=${Array(up).fill('..').join('/')}`).boundingBox();
      if (box && box.height >= line.height * 2) {
        const clip = { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 };
        return this.page.screenshot({ path: file, clip, fullPage: true });
      }
    }
    throw new Error('could not find the text reply to picture');
  }
}

async function main() {
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : null;
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`screenshots: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'main.js'))) {
    console.error('screenshots: build first (npm run build), or run it as npm run screenshots.');
    process.exit(2);
  }
  const { chromium } = require('playwright-core');
  fs.mkdirSync(OUT, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senco-shots-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let bot = null;
  let playground = null;
  const saved = [];
  const failed = [];
  try {
    for (const stage of SCENES.stages) {
      if (stage.cli) {
        await stopProcess(playground);
        await stopProcess(bot);
        playground = bot = null;
        const run = spawnSync(process.execPath, stage.cli, {
          cwd: ROOT,
          env: { ...process.env, DATA_DIR: dataDir, TZ: 'UTC' },
          encoding: 'utf8',
        });
        if (run.status !== 0) throw new Error(`${stage.cli.join(' ')} failed:\n${run.stdout}${run.stderr}`);
        continue;
      }
      const wanted = stage.scenes.filter((scene) => !only || scene.name.startsWith(only) || scene.always);
      if (wanted.length === 0) continue;
      if (!bot) {
        bot = startBot(dataDir);
        await waitFor(`http://127.0.0.1:${BOT_PORT}/healthz`, 'the bot');
      }
      await stopProcess(playground);
      playground = startPlayground(stage.as);
      await waitFor(`http://localhost:${UI_PORT}`, 'the playground');
      const page = await browser.newPage({ viewport: { width: 900, height: 6000 } });
      const chat = new Chat(page);
      await chat.open();
      // Opening the playground installs the bot for this person: their welcome card (Home) comes
      // through the outbox a moment later; let it land before the first scene's reply.
      await chat.settle(8_000, 75_000);
      for (const scene of wanted) {
        try {
          await scene.play(chat);
        } catch (error) {
          // One scene that goes wrong is reported, not fatal: the rest still tell their story.
          console.error(`scene ${scene.name} failed: ${error.message}`);
          failed.push(scene.name);
          continue;
        }
        if (scene.shot === false) continue;
        const file = path.join(OUT, `${scene.name}.png`);
        await chat.shot(file, scene.cards ?? 1, scene.fromReply ?? null);
        saved.push(path.relative(ROOT, file));
        console.log(`saved ${path.relative(ROOT, file)} (${stage.as}: ${scene.what})`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await stopProcess(playground);
    await stopProcess(bot);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`screenshots saved=${saved.length} failed=${failed.length} folder=${path.relative(ROOT, OUT)}`);
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`screenshots: ${error.message}`);
  console.error(`logs: ${path.join(os.tmpdir(), 'senco-shots-bot.log')}, ${path.join(os.tmpdir(), 'senco-shots-playground.log')}`);
  process.exit(1);
});
