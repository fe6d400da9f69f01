// The waitlist as a host meets it on a phone at the stand: a walk-in party is added from the
// page, "Table prête" texts the guest (an outbox entry, an SMS at Twilio's door), the guest's
// "j'arrive" on Twilio's signed webhook shows on the page without a reload, seating makes the
// walk-in booking, and a guest who joins by text appears by themselves.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sid, twilioPost, twimlTexts } from '../adapters/adapter-harness';
import { TwilioApiDouble } from '../bot/outbox/fakes';
import { ADMIN, startTestServer, type TestServer } from '../helpers/app';
import { until } from '../helpers/until';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'waitlist');
const haveChromium = existsSync(CHROMIUM);
const skip = haveChromium ? false : `no Chromium at ${CHROMIUM}: browser tests skipped`;
const OWN = '+33900000000';

const sms = (from: string, body: string) => ({
  MessageSid: sid('SM'),
  AccountSid: `AC${'0'.repeat(32)}`,
  From: from,
  To: OWN,
  Body: body,
  NumMedia: '0',
});

const twilio = new TwilioApiDouble();
let s: TestServer;
let token = '';
let browser: Browser;
let page: Page;

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  s = await startTestServer({ env: { TWILIO_PHONE_NUMBER: OWN, TWILIO_API_BASE_URL: await twilio.start() } });
  token = await s.login();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await page.goto(`${s.base}/`);
  await page.evaluate(() => localStorage.setItem('maitre.lang', 'fr'));
  await page.reload();
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
});

after(async () => {
  await browser?.close();
  await s?.close();
  await twilio.stop();
});

const row = (name: string) => page.locator(`[data-testid=waitlist-list] tr[data-entry="${name}"]`);

test('a host adds, texts and seats a walk-in party from a phone', { skip }, async () => {
  await page.click('[data-testid=nav-toggle]');
  await page.click('.nav-panel.open a[data-nav=waitlist]');
  await page.waitForSelector('[data-testid=waitlist-form]');
  await page.fill('[data-testid=waitlist-form] input[name=name]', 'Garnier');
  await page.fill('[data-testid=waitlist-form] input[name=phone]', '06 55 50 77 77');
  await page.fill('[data-testid=waitlist-form] input[name=partySize]', '4');
  await page.fill('[data-testid=waitlist-form] input[name=quotedMinutes]', '20');
  await page.click('[data-testid=waitlist-form] button[type=submit]');
  await row('Garnier').waitFor();
  const shown = await row('Garnier').innerText();
  assert.match(shown, /4 pers\./);
  assert.match(shown, /En attente/);
  assert.match(shown, /libre maintenant/, 'the soonest tables for a party of 4 are named');
  await page.screenshot({ path: join(OUT, 'phone-added.png'), fullPage: true });

  await row('Garnier').locator('[data-action=notify]').click();
  await until('the row marked texted', async () => /Prévenu/.test(await row('Garnier').innerText()));
  const text = await until('the "table ready" SMS', () =>
    twilio.to('+33655507777').find((m) => /table vous attend/.test(m.Body ?? '')),
  );
  assert.match(text.Body ?? '', /Garnier, votre table vous attend/);
  const outbox = (await s.json('/api/admin/outbox', { token })).body as Array<{ purpose: string; to: string }>;
  assert.ok(outbox.some((o) => o.purpose === 'waitlist_ready' && o.to === '+33655507777'));

  // The guest answers by SMS: the page shows it by itself.
  const reply = await twilioPost(s.base, '/twilio/messaging', sms('+33655507777', "J'arrive !"));
  assert.match(twimlTexts(reply.text, 'Message').join(' '), /nous vous gardons la table/);
  await until('the answer shown live', async () => /Arrive/.test(await row('Garnier').innerText()));
  await page.screenshot({ path: join(OUT, 'phone-coming.png'), fullPage: true });

  await row('Garnier').locator('[data-action=seat]').click();
  await row('Garnier').waitFor({ state: 'detached' });
  const all = (await s.json('/api/admin/waitlist?all=1', { token })).body as Array<{
    name: string;
    status: string;
    reservationId: string;
  }>;
  const seated = all.find((e) => e.name === 'Garnier');
  assert.equal(seated?.status, 'seated');
  const booking = await s.json(`/api/admin/reservations/${seated?.reservationId}`, { token });
  assert.equal(booking.body.status, 'seated');
  assert.equal(booking.body.partySize, 4);
  assert.equal(booking.body.customerName, 'Garnier');
});

test('a guest who joins by text appears on the page by themselves', { skip }, async () => {
  const reply = await twilioPost(s.base, '/twilio/messaging', sms('+33655508888', "Bonsoir, liste d'attente pour 3"));
  assert.match(twimlTexts(reply.text, 'Message').join(' '), /liste d'attente pour 3 personnes/);
  const joined = page.locator('[data-testid=waitlist-list] tr', { hasText: '3 pers.' });
  await joined.waitFor();
  assert.match(await joined.innerText(), /SMS/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.equal(width, 390, 'the list fits the phone');
  await page.screenshot({ path: join(OUT, 'phone-joined-by-sms.png'), fullPage: true });
});
