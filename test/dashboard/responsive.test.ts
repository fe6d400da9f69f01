// Every dashboard page on a phone, a tablet held both ways and a desktop, with a service's worth
// of bookings: nothing wider than the screen, and the language switch and logout always within
// reach (directly, or in the menu). Screenshots go to test-output/responsive/ to be looked at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loginAs, parisDate, seedService, startTestServer, type TestServer } from './server-harness';

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

test('on a phone Today says which service it counts, with its hours, the next arrivals on one line', {
  skip,
}, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate((d) => {
    location.hash = `#/today?date=${d}`;
  }, parisDate(1));
  await page.waitForSelector('.seg-tabs');
  const tabs = await page.locator('.seg-tabs [role=tab]').allInnerTexts();
  assert.match(tabs.join(' | '), /Déjeuner\s+12:00–14:30.*Dîner\s+19:00–23:00/s, 'the tabs show the configured hours');
  await page.click('.seg-tabs [data-seg=dinner]');
  assert.match(await page.locator('[data-testid=summary-of]').innerText(), /Dîner 19:00–23:00/);
  const chipTops = await page.locator('.next-chip').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().top));
  assert.ok(chipTops.length >= 3, 'the dinner has its next arrivals');
  assert.equal(new Set(chipTops).size, 1, 'the chips share one line');
  await page.click('.seg-tabs [data-seg=lunch]');
  assert.match(await page.locator('[data-testid=summary-of]').innerText(), /Déjeuner 12:00–14:30/);
  await page.screenshot({ path: join(OUT, 'phone-today-dinner-counters.png') });
  // The tab in the browser has the restaurant's mark.
  const icon = await page.locator('link[rel=icon]').getAttribute('href');
  const res = await fetch(new URL(icon ?? '', s.base));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/svg+xml');
});

test('the pages ran without script errors', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
