// The web chat widget in headless Chromium, as a guest uses it on the restaurant's site: open
// the demo page, open the chat with the keyboard, book a table in French by typing, reload the
// page in the middle and carry on, and find the booking in the store. Screenshots go to
// test-output/webchat/ to be looked at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'webchat');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true')
  throw new Error(`CI=true but no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
const skip = haveChromium
  ? false
  : `no Chromium at ${CHROMIUM}: web chat browser test skipped (install Debian's chromium to run it)`;
if (skip) console.log(`# ${skip}`);

let s: TestServer;
let browser: Browser;
let page: Page;

/** What the widget shows, read through its (open) shadow root. */
async function widgetState(p: Page) {
  return p.evaluate(() => {
    const root = document.getElementById('maitre-webchat')?.shadowRoot;
    const messages = [...(root?.querySelectorAll('.log .msg:not(.typing)') ?? [])].map((li) => ({
      from: li.classList.contains('guest') ? 'guest' : 'bot',
      text: (li.textContent ?? '').replace(/^(Vous|Le restaurant|You|The restaurant) : /, ''),
    }));
    return {
      open: Boolean(root?.querySelector('[role="dialog"]')),
      messages,
      focused: root?.activeElement
        ? `${root.activeElement.tagName.toLowerCase()}#${root.activeElement.id}.${root.activeElement.className}`
        : null,
      typing: Boolean(root?.querySelector('.typing')),
    };
  });
}

async function botMessages(p: Page): Promise<string[]> {
  return (await widgetState(p)).messages.filter((m) => m.from === 'bot').map((m) => m.text);
}

/** Types a message like a guest (keyboard only) and waits for the bot's answer. */
async function say(p: Page, text: string): Promise<string> {
  const before = (await botMessages(p)).length;
  await p.locator('#maitre-chat-input').fill(text);
  await p.keyboard.press('Enter');
  await p.waitForFunction(
    (n) => {
      const root = document.getElementById('maitre-webchat')?.shadowRoot;
      return (root?.querySelectorAll('.log .msg.bot:not(.typing)').length ?? 0) > n;
    },
    before,
    { timeout: 15_000 },
  );
  return (await botMessages(p)).at(-1) ?? '';
}

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join('dist', 'webchat', 'widget.js')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  s = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  page.on('pageerror', (err) => console.log(`# page error: ${err.message}`));
});

after(async () => {
  await browser?.close();
  await s?.close();
});

test('a guest books a table in French on the demo site, surviving a reload', { skip }, async () => {
  await page.goto(`${s.base}/webchat/demo`);
  assert.match(await page.title(), /Le Petit Bistro/);
  // The bubble is a labelled button, reachable with the keyboard.
  const launcher = page.getByRole('button', { name: 'Ouvrir la discussion pour réserver une table' });
  await launcher.waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  await launcher.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: /Le Petit Bistro — réservations/ }).waitFor();
  await page.waitForFunction(
    () => (document.getElementById('maitre-webchat')?.shadowRoot?.querySelectorAll('.log .msg.bot').length ?? 0) > 0,
  );
  let state = await widgetState(page);
  assert.match(state.messages[0].text, /Bonjour/);
  assert.equal(state.focused, 'input#maitre-chat-input.', 'focus goes to the message field');
  assert.equal(await page.locator('button[aria-controls="maitre-chat-panel"]').getAttribute('aria-expanded'), 'true');
  assert.ok(await page.getByLabel('Votre message').isVisible());
  assert.equal(await page.getByRole('log').getAttribute('aria-live'), 'polite');
  const conversationId = await page.evaluate(() => localStorage.getItem('maitre.webchat.conversation'));
  assert.match(conversationId ?? '', /^webchat:/);

  let reply = await say(page, 'Bonjour, je voudrais une table pour 2 demain à 20h');
  assert.match(reply, /nom/i);
  reply = await say(page, 'Dupont');
  assert.match(reply, /téléphone/i, 'the web chat asks for a phone number before booking');
  await page.screenshot({ path: join(OUT, 'webchat-before-reload.png') });

  // Reload in the middle: same conversation, history redrawn, the panel still open.
  await page.reload();
  await page.waitForFunction(
    () => (document.getElementById('maitre-webchat')?.shadowRoot?.querySelectorAll('.log .msg.bot').length ?? 0) >= 3,
  );
  state = await widgetState(page);
  assert.equal(state.open, true);
  assert.equal(await page.evaluate(() => localStorage.getItem('maitre.webchat.conversation')), conversationId);
  assert.deepEqual(
    state.messages.map((m) => m.from),
    ['bot', 'guest', 'bot', 'guest', 'bot'],
  );
  assert.match(state.messages[4].text, /téléphone/i);

  reply = await say(page, '06 12 34 56 78');
  assert.match(reply, /c.est bien ça/i);
  reply = await say(page, 'oui');
  assert.match(reply, /confirmée/);
  await page.screenshot({ path: join(OUT, 'webchat-booked.png') });

  const booked = await s.app.ctx.store.findReservations({
    restaurantId: s.app.ctx.restaurantId,
    customerPhone: '+33612345678',
  });
  assert.equal(booked.length, 1);
  assert.equal(booked[0].channel, 'webchat');
  assert.equal(booked[0].partySize, 2);
  assert.equal(booked[0].customerName, 'Dupont');
  assert.equal(booked[0].language, 'fr');
  const transcript = await s.app.ctx.store.getTranscript(conversationId ?? '');
  assert.ok(transcript.some((e) => e.channel === 'webchat' && e.reservationId === booked[0].id));

  // Escape closes the panel and gives focus back to the bubble.
  await page.locator('#maitre-chat-input').focus();
  await page.keyboard.press('Escape');
  state = await widgetState(page);
  assert.equal(state.open, false);
  assert.match(state.focused ?? '', /^button#\.launcher/);
});

test('the widget speaks English on an English page', { skip }, async () => {
  let site: http.Server | undefined;
  const en = await browser.newPage({ viewport: { width: 420, height: 760 }, locale: 'en-US' });
  try {
    // Any site, served by another server on another origin: a blank English page carrying
    // only the tag.
    const page =
      '<!doctype html><html lang="en"><head><title>Bistro</title></head><body><h1>Our bistro</h1>' +
      `<script src="${s.base}/webchat/widget.js" async></script></body></html>`;
    site = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => site?.listen(0, 'localhost', resolve));
    const port = (site.address() as { port: number }).port;
    await en.goto(`http://localhost:${port}/`);
    await en.getByRole('button', { name: 'Open the chat to book a table' }).click();
    await en.waitForFunction(
      () => (document.getElementById('maitre-webchat')?.shadowRoot?.querySelectorAll('.log .msg.bot').length ?? 0) > 0,
    );
    assert.match((await botMessages(en))[0], /Hello|Welcome/i);
    const reply = await say(en, 'A table for 3 tomorrow at 7pm');
    assert.match(reply, /name/i);
    await en.screenshot({ path: join(OUT, 'webchat-english-mobile.png') });
  } finally {
    await en.close();
    site?.close();
  }
});

test("a guest who switches to English gets the chat's own words in English too", { skip }, async () => {
  const guest = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  try {
    await guest.goto(`${s.base}/webchat/demo`);
    await guest.getByRole('button', { name: 'Ouvrir la discussion pour réserver une table' }).click();
    await guest.getByRole('dialog', { name: /réservations/ }).waitFor();
    assert.equal(
      await guest.locator('#maitre-chat-input').getAttribute('placeholder'),
      'Ex. : une table pour 2 demain à 20h',
    );
    const reply = await say(guest, 'Do you speak English? A table for 2 tomorrow at 8pm please');
    assert.match(reply, /name/i, 'the bot answers in English');
    await guest.getByRole('dialog', { name: /Le Petit Bistro — reservations/ }).waitFor();
    assert.equal(
      await guest.locator('#maitre-chat-input').getAttribute('placeholder'),
      'E.g. a table for 2 tomorrow at 8pm',
    );
    assert.ok(await guest.getByLabel('Your message').isVisible());
    assert.ok(await guest.getByRole('button', { name: 'Close the chat' }).first().isVisible());
    await guest.screenshot({ path: join(OUT, 'webchat-switched-to-english.png') });
  } finally {
    await guest.close();
  }
});
