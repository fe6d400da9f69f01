// Every dashboard page on a phone, a tablet held both ways and a desktop, with a service's worth
// of bookings: nothing wider than the screen, and the language switch and logout always within
// reach (directly, or in the menu). Screenshots go to test-output/responsive/ to be looked at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { api, loginAs, parisDate, startTestServer, type TestServer } from './server-harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'responsive');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true')
  throw new Error(`CI=true but no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
const skip = haveChromium
  ? false
  : `no Chromium at ${CHROMIUM}: browser tests skipped (install Debian's chromium to run them)`;
if (skip) console.log(`# ${skip}`);

export const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'tablet-landscape', width: 1024, height: 768 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** Every page of the navigation, with what shows it has drawn its content. */
export const PAGES = [
  ['today', '.today .seg-tabs, .today .empty'],
  ['bookings', '[data-testid=booking-list]'],
  ['waitlist', '[data-testid=waitlist]'],
  ['conversations', 'main .page'],
  ['callbacks', '[data-testid=callbacks]'],
  ['outbox', '[data-testid=outbox]'],
  ['menu', '.menu-editor'],
  ['tables', 'table.list.editable'],
  ['settings', '[data-testid=settings]'],
  ['users', 'main .page table.list'],
  ['insights', '.kpis'],
] as const;

let s: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join('dist', 'dashboard', 'index.html')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  s = await startTestServer();
  const token = await loginAs(s.base);
  await seedService(s.base, token);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

after(async () => {
  await browser?.close();
  await s?.stop();
});

/** A lunch and a dinner with a few bookings each, tomorrow (always bookable whatever the hour). */
export async function seedService(base: string, token: string): Promise<string> {
  const day = parisDate(1);
  const seed = [
    ['Martin', 2, '12:15', 'T1'],
    ['Dubois', 4, '12:30', 'T3'],
    ['Smith', 6, '19:30', 'T7'],
    ['Bernard', 3, '20:00', 'T5'],
    ['Leroy', 2, '20:45', 'T2'],
    ['Nguyen', 5, '20:15', 'T8'],
  ] as const;
  for (const [name, party, time, table] of seed) {
    const r = await api(base, '/api/admin/reservations', {
      method: 'POST',
      token,
      body: { customerName: name, phoneNumber: '+33612345678', partySize: party, date: day, time, tableIds: [table] },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  return day;
}

async function openPage(nav: string, marker: string): Promise<void> {
  await page.evaluate((n) => {
    location.hash = `#/${n}`;
  }, nav);
  await page.waitForSelector(marker, { timeout: 10_000, state: 'attached' });
}

/** The language switch and logout are on screen, or one tap away in the menu. */
async function reachable(): Promise<void> {
  const visible = async (sel: string) => {
    const shown = page.locator(`${sel}:visible`);
    if ((await shown.count()) === 0) return false;
    const box = await shown.first().boundingBox();
    const vw = page.viewportSize()?.width ?? 0;
    return !!box && box.width > 0 && box.x >= 0 && box.x + box.width <= vw + 0.5;
  };
  if (!((await visible('[data-testid=lang-switch]')) && (await visible('[data-testid=logout]')))) {
    await page.click('[data-testid=nav-toggle]');
    await page.waitForSelector('.nav-panel.open');
    assert.ok(await visible('[data-testid=lang-switch]'), 'language switch reachable from the menu');
    assert.ok(await visible('[data-testid=logout]'), 'logout reachable from the menu');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.nav-panel.open', { state: 'detached' });
  }
}

test('every page fits the screen at phone, tablet and desktop sizes', { skip }, async () => {
  await page.goto(`${s.base}/`);
  await page.fill('input[name=email]', 'owner@example.test');
  await page.fill('input[name=password]', 'Owner-Secret-2026!');
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
  const overflowing: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [nav, marker] of PAGES) {
      await openPage(nav, marker);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > size.width) overflowing.push(`${nav} at ${size.width}px is ${width}px wide`);
      // Pages in the top bar all show, or the bar gives them to the menu: none is cut off out of sight.
      const clipped = await page.evaluate(() => {
        const bar = document.querySelector<HTMLElement>('.topbar .nav');
        return !!bar && bar.offsetParent !== null && bar.scrollWidth > bar.clientWidth + 1;
      });
      if (clipped) overflowing.push(`the top bar at ${size.width}px hides some pages`);
      await page.screenshot({ path: join(OUT, `${size.name}-${nav}.png`) });
      await reachable();
    }
  }
  assert.deepEqual(overflowing, []);
});

test('on a phone the menu holds every page, the language switch and logout', { skip }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage('today', PAGES[0][1]);
  await page.click('[data-testid=nav-toggle]');
  await page.waitForSelector('.nav-panel.open');
  await page.screenshot({ path: join(OUT, 'phone-menu-open.png') });
  const links = await page
    .locator('.nav-panel.open a[data-nav]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('data-nav')));
  assert.deepEqual(
    links,
    PAGES.map(([n]) => n),
  );
  // Choosing a page closes the menu and shows it.
  await page.click('.nav-panel.open a[data-nav=bookings]');
  await page.waitForSelector('.nav-panel.open', { state: 'detached' });
  await page.waitForSelector(PAGES[1][1], { state: 'attached' });
  // The language switch in the menu switches the whole page.
  await page.click('[data-testid=nav-toggle]');
  await page.click('.nav-panel.open [data-testid=lang-switch]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('[data-testid=nav-toggle]');
  await page.click('.nav-panel.open [data-testid=lang-switch]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
});

test('a booking opened on a phone fills the screen', { skip }, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate((d) => {
    location.hash = `#/today?date=${d}`;
  }, parisDate(1));
  await page.waitForSelector('[data-testid=booking-block], [data-testid=booking-row]');
  await page.locator('[data-testid=booking-block], [data-testid=booking-row]').first().click();
  await page.waitForSelector('[data-testid=booking-detail]');
  // Once it has slid in, the panel covers the whole width.
  await page.waitForFunction(() => {
    const box = document.querySelector('.drawer')?.getBoundingClientRect();
    return !!box && Math.abs(box.x) < 0.5 && box.width >= window.innerWidth - 0.5;
  });
  await page.screenshot({ path: join(OUT, 'phone-booking-detail.png') });
  await page.keyboard.press('Escape');
});

test('the pages ran without script errors', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
