// A caller asks for a person, nobody at the restaurant picks up, and they leave a message: the
// host sees the call to return appear on the "À rappeler" page without reloading, then its
// transcript, listens, and marks it called back. Driven by webhooks signed as Twilio signs
// them, in headless Chromium; screenshots in test-output/dashboard/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sid, twilioPost, twimlAttributes } from '../adapters/adapter-harness';
import { ADMIN, startTestServer, type TestServer } from '../helpers/app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'dashboard');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true')
  throw new Error(`CI=true but no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
const skip = haveChromium
  ? false
  : `no Chromium at ${CHROMIUM}: browser tests skipped (install Debian's chromium to run them)`;
if (skip) console.log(`# ${skip}`);

const ACCOUNT = `AC${'0'.repeat(32)}`;
let s: TestServer;
let browser: Browser;
let page: Page;

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join('dist', 'dashboard', 'index.html')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  s = await startTestServer({ env: { MANAGER_EMAILS: 'manager@example.test' } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
});

after(async () => {
  await browser?.close();
  await s?.close();
});

test('a message left after an unanswered transfer becomes a call to return, live, until staff mark it', {
  skip,
}, async () => {
  await page.goto(`${s.base}/`);
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
  await page.evaluate(() => {
    location.hash = '#/callbacks';
  });
  await page.waitForSelector('[data-testid=callbacks] .empty');
  assert.match((await page.textContent('[data-testid=callbacks] .empty')) ?? '', /Personne à rappeler/);

  // The caller asks for someone; the restaurant's line rings out.
  const from = '+33612348101';
  const c = { CallSid: sid('CA'), AccountSid: ACCOUNT, From: from, To: '+33199999999', CallStatus: 'in-progress' };
  const asked = await twilioPost(s.base, '/twilio/voice/gather?turn=1&lang=fr', {
    ...c,
    SpeechResult: "est-ce que je peux parler à quelqu'un",
  });
  const dial = twimlAttributes(asked.text, 'Dial');
  assert.ok(dial, asked.text);
  const missed = await twilioPost(s.base, dial.action, { ...c, DialCallStatus: 'no-answer' });
  const rec = twimlAttributes(missed.text, 'Record');
  assert.ok(rec, missed.text);

  // Without a reload: the task is on the page as soon as the transfer failed.
  const row = `[data-callback="${c.CallSid}"]`;
  await page.waitForSelector(row);
  assert.match((await page.textContent(row)) ?? '', /Pas de réponse/);

  const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/RE${'e5'.repeat(16)}`;
  await twilioPost(s.base, rec.action, { ...c, RecordingUrl: recordingUrl, RecordingDuration: '11' });
  await twilioPost(s.base, rec.recordingStatusCallback, {
    ...c,
    RecordingUrl: recordingUrl,
    RecordingStatus: 'completed',
    RecordingDuration: '11',
  });
  await twilioPost(s.base, rec.transcribeCallback, {
    ...c,
    TranscriptionStatus: 'completed',
    TranscriptionText: 'Bonjour, ici Claire Moreau, rappelez-moi pour un anniversaire de quinze personnes.',
  });
  await page.waitForSelector(`${row} q`);
  const text = (await page.textContent(row)) ?? '';
  assert.match(text, /Claire Moreau, rappelez-moi pour un anniversaire/);
  assert.match(text, /11 s/);
  assert.match(text, new RegExp(from.replace('+', '\\+')));
  assert.equal(await page.getAttribute(`${row} a[target=_blank]`, 'href'), `${recordingUrl}.mp3`);
  assert.equal(await page.getAttribute(`${row} a[href^="tel:"]`, 'href'), `tel:${from}`);
  await page.screenshot({ path: join(OUT, 'callbacks-open.png'), fullPage: true });

  // The staff alert went to the outbox, for the manager.
  const alerts = (await s.app.ctx.store.listOutbox(200)).filter((e) => e.meta.purpose === 'callback_alert');
  assert.deepEqual(
    alerts.map((e) => `${e.kind} ${e.to}`),
    ['email manager@example.test'],
  );

  // Called back: it leaves the list of calls to return and shows among the done ones.
  await page.click(`${row} button.primary`);
  await page.waitForSelector(row, { state: 'detached' });
  await page.click('[data-testid=callbacks] [role=tab]:has-text("Faits")');
  await page.waitForSelector(`${row}.done`);
  assert.match((await page.textContent(row)) ?? '', /Rappelé le/);
  await page.screenshot({ path: join(OUT, 'callbacks-done.png'), fullPage: true });
  const stored = await s.app.ctx.store.getCallbackTask(c.CallSid);
  assert.equal(stored?.done, true);
});
