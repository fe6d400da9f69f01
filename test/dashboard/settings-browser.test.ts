// Reminders and table combinations edited in Settings on a tablet, as an owner would: the
// day-before reminder moved, a reminder an hour before added, two tables joined for groups;
// saved, they are what the API gives back. A combination of one table is refused on the spot.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN, api, loginAs, startTestServer, type TestServer } from './server-harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'settings');
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: browser tests skipped`;

let s: TestServer;
let browser: Browser;
let page: Page;

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  s = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 768, height: 1024 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await page.goto(`${s.base}/`);
  await page.evaluate(() => localStorage.setItem('maitre.lang', 'fr'));
  await page.reload();
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
  await page.evaluate(() => {
    location.hash = '#/settings';
  });
  await page.waitForSelector('[data-testid=reminders]');
});

after(async () => {
  await browser?.close();
  await s?.stop();
});

interface Saved {
  reminders: { dayBeforeAt: string | null; minutesBefore: number[] };
  tableCombinations: Array<{ tableIds: string[]; seatsMin: number; seatsMax: number }>;
}

test('an owner moves the day-before reminder, adds one an hour before and joins two tables', { skip }, async () => {
  await page.fill('[data-testid=day-before-at]', '09:30');
  await page.click('[data-testid=add-reminder]');
  await page.locator('[data-testid=minutes-before]').last().fill('60');
  await page.click('[data-testid=add-combination]');
  const combo = page.locator('[data-testid=combination]').last();
  await combo.locator('label.chip', { hasText: 'T5' }).click();
  await combo.locator('label.chip', { hasText: 'T6' }).click();
  await page.screenshot({ path: join(OUT, 'tablet-reminders-combinations.png'), fullPage: true });
  await page.click('[data-testid=save-settings]');
  await page.waitForSelector('.banner-ok');
  const token = await loginAs(s.base);
  const saved = (await api<Saved>(s.base, '/api/admin/restaurant', { token })).body;
  assert.deepEqual(saved.reminders, { dayBeforeAt: '09:30', minutesBefore: [120, 60] });
  assert.deepEqual(saved.tableCombinations.at(-1), { tableIds: ['T5', 'T6'], seatsMin: 5, seatsMax: 8 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.equal(width, 768, 'the cards fit the tablet');
});

test('a combination of a single table is refused before sending, on its row', { skip }, async () => {
  await page.click('[data-testid=add-combination]');
  await page.locator('[data-testid=combination]').last().locator('label.chip', { hasText: 'T1' }).click();
  await page.click('[data-testid=save-settings]');
  await page.waitForSelector('[data-testid=combination] .field-error');
  assert.match(await page.locator('[data-testid=combination] .field-error').innerText(), /Au moins deux tables/);
  const token = await loginAs(s.base);
  const saved = (await api<Saved>(s.base, '/api/admin/restaurant', { token })).body;
  assert.ok(!saved.tableCombinations.some((c) => c.tableIds.length < 2), 'nothing half-made was saved');
});
