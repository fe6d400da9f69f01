// The Messages page and the booking panel in headless Chromium, after Twilio's signed delivery
// receipts: one text delivered (its steps with their times), one undelivered with its code and
// meaning, and a guest who opted out with "CANCEL" shown on their booking. Screenshots go to
// test-output/dashboard/ to be looked at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DateTime } from 'luxon';
import { chromium, type Browser, type Page } from 'playwright-core';
import { twilioPost } from '../adapters/adapter-harness';
import { TwilioApiDouble, type TwilioMessage } from '../bot/outbox/fakes';
import { ADMIN, startTestServer, type TestServer } from '../helpers/app';
import { until } from '../helpers/until';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'dashboard');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true')
  throw new Error(`CI=true but no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
const skip = haveChromium ? false : `no Chromium at ${CHROMIUM}: browser tests skipped`;

const ACCOUNT = `AC${'0'.repeat(32)}`;
const NUMBER = '+33900000000';
const twilio = new TwilioApiDouble();
let s: TestServer;
let browser: Browser;
let page: Page;
let token = '';
const ids: Record<string, string> = {};
const date = DateTime.now().setZone('Europe/Paris').plus({ days: 2 }).toISODate() as string;

/** The booking drawer slides in: a screenshot waits for it to stand still. */
const settled = () => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

const receipt = (sms: TwilioMessage, status: string, errorCode?: string) =>
  twilioPost(s.base, '/twilio/messaging/status', {
    AccountSid: ACCOUNT,
    MessageSid: sms.sid,
    From: sms.From,
    To: sms.To,
    MessageStatus: status,
    ...(errorCode ? { ErrorCode: errorCode } : {}),
  });

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join('dist', 'dashboard', 'index.html')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  s = await startTestServer({ env: { TWILIO_PHONE_NUMBER: NUMBER, TWILIO_API_BASE_URL: await twilio.start() } });
  token = await s.login();
  const guests = [
    ['Madame Remise', '+33655500601', '19:30'],
    ['Monsieur Injoignable', '+33655500602', '20:00'],
    ['Madame Desabonnee', '+33655500603', '20:30'],
  ] as const;
  for (const [name, phone, time] of guests) {
    const r = await s.json('/api/reservations', {
      body: { customerName: name, phoneNumber: phone, partySize: 2, date, time, source: 'website', language: 'fr' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids[phone] = r.body.id;
    await until(`${name}'s confirmation sent`, async () => {
      const list = (await s.json(`/api/admin/outbox?reservationId=${r.body.id}`, { token })).body as any[];
      return list.find((e) => e.kind === 'sms')?.status === 'sent';
    });
  }
  const delivered = twilio.to('+33655500601')[0];
  for (const status of ['sent', 'delivered']) assert.equal((await receipt(delivered, status)).status, 200);
  const lost = twilio.to('+33655500602')[0];
  assert.equal((await receipt(lost, 'sent')).status, 200);
  assert.equal((await receipt(lost, 'undelivered', '30003')).status, 200);
  const optOut = await twilioPost(s.base, '/twilio/messaging', {
    AccountSid: ACCOUNT,
    MessageSid: `SM${'c'.repeat(32)}`,
    From: '+33655500603',
    To: NUMBER,
    Body: 'CANCEL',
    NumMedia: '0',
  });
  assert.equal(optOut.status, 200);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await page.goto(`${s.base}/`);
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-nav=outbox]', { state: 'attached' });
});

after(async () => {
  await browser?.close();
  await s?.close();
  await twilio.stop();
});

test('Messages shows delivered and undelivered texts, with the code, its meaning and each step', { skip }, async () => {
  await page.goto(`${s.base}/#/outbox`);
  const delivered = page.locator('[data-testid=outbox-row][data-status=delivered]', { hasText: '+33655500601' });
  await delivered.waitFor();
  assert.match(await delivered.locator('.pill').innerText(), /Remis/);
  assert.deepEqual(
    await delivered
      .locator('[data-testid=delivery-steps] li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-step'))),
    ['sent', 'delivered'],
  );
  assert.match(
    await delivered.locator('[data-testid=delivery-steps]').innerText(),
    /envoyé\s+\d{2}:\d{2}[\s\S]*remis\s+\d{2}:\d{2}/,
  );

  const lost = page.locator('[data-testid=outbox-row][data-status=undelivered]', { hasText: '+33655500602' });
  await lost.waitFor();
  assert.match(await lost.locator('.pill').innerText(), /Non remis/);
  assert.match(await lost.locator('[data-testid=error-code]').innerText(), /code 30003 · Téléphone injoignable/);
  assert.match(await lost.locator('[data-testid=delivery-steps]').innerText(), /non remis\s+\d{2}:\d{2}/);

  await page.selectOption('[data-testid=outbox-status]', 'undelivered');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=outbox-row]').length === 1);
  await page.selectOption('[data-testid=outbox-status]', '');
  await delivered.waitFor();
  await page.screenshot({ path: join(OUT, 'messages-delivery-fr.png') });
});

test('the booking panel says the guest opted out, and which message was not delivered', { skip }, async () => {
  await page.evaluate(() => localStorage.setItem('maitre.lang', 'fr'));
  await page.goto(`${s.base}/#/bookings?date=${date}&open=${ids['+33655500603']}`);
  const opted = page.locator('[data-testid=opted-out]');
  await opted.waitFor();
  assert.match(await opted.innerText(), /Ne reçoit plus nos messages par SMS \(le client a répondu « CANCEL »/);
  await settled();
  await page.screenshot({ path: join(OUT, 'booking-opted-out-fr.png') });

  await page.goto(`${s.base}/#/bookings?date=${date}&open=${ids['+33655500602']}`);
  const lost = page.locator('[data-testid=undelivered]');
  await lost.waitFor();
  assert.match(
    await lost.innerText(),
    /Message non remis : Confirmation client \(SMS\) · code 30003 : Téléphone injoignable/,
  );
  await settled();
  await page.screenshot({ path: join(OUT, 'booking-undelivered-fr.png') });

  await page.evaluate(() => localStorage.setItem('maitre.lang', 'en'));
  await page.reload();
  await lost.waitFor();
  assert.match(
    await lost.innerText(),
    /Message not delivered: Guest confirmation \(SMS\) · code 30003: Unreachable handset/,
  );
  await page.goto(`${s.base}/#/bookings?date=${date}&open=${ids['+33655500603']}`);
  await opted.waitFor();
  assert.match(await opted.innerText(), /No longer receives our messages by text \(the guest replied "CANCEL"/);
  await settled();
  await page.screenshot({ path: join(OUT, 'booking-opted-out-en.png') });
});

test('a confirmation that is not delivered raises a toast on the screen already open', { skip }, async () => {
  await page.evaluate(() => localStorage.setItem('maitre.lang', 'fr'));
  await page.goto(`${s.base}/#/today`);
  await page.reload();
  await page.waitForSelector('[data-nav=outbox]', { state: 'attached' });
  const phone = '+33655500604';
  const r = await s.json('/api/reservations', {
    body: {
      customerName: 'Monsieur Filtre',
      phoneNumber: phone,
      partySize: 2,
      date,
      time: '21:00',
      source: 'website',
      language: 'fr',
    },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  await until('the confirmation sent', async () => {
    const list = (await s.json(`/api/admin/outbox?reservationId=${r.body.id}`, { token })).body as any[];
    return list.find((e) => e.kind === 'sms')?.status === 'sent';
  });
  assert.equal((await receipt(twilio.to(phone)[0], 'undelivered', '30007')).status, 200);
  const toast = page.locator('[data-testid=toast]', { hasText: 'Message non remis' });
  await toast.waitFor({ timeout: 10_000 });
  assert.match(await toast.innerText(), /Monsieur Filtre · Confirmation client \(SMS\) · code 30007/);
  assert.equal(await toast.count(), 1, 'one toast for one undelivered message');
  await settled();
  await page.screenshot({ path: join(OUT, 'toast-undelivered-fr.png') });
});
