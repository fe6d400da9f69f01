// The dashboard in headless Chromium, as a host uses it: log in, see a booking made on the
// public API appear on Today without a reload, seat it, change a setting; a staff member
// cannot open the settings; the Messages page shows what was sent. Screenshots go to
// test-output/dashboard/ to be looked at.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TwilioApiDouble } from '../bot/outbox/fakes';
import { api, JWT_SECRET, loginAs, parisDate, startTestServer, type TestServer } from './server-harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'dashboard');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === 'true')
  throw new Error(`CI=true but no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
const skip = haveChromium
  ? false
  : `no Chromium at ${CHROMIUM}: browser tests skipped (install Debian's chromium to run them)`;
if (skip) console.log(`# ${skip}`);

const STAFF = { email: 'host@example.test', password: 'Host-Secret-2026!' };
let s: TestServer;
// Texts go to a local Twilio double (one number refused, to see a failure); email has no
// SMTP, so the managers' emails read "not configured": the three outcomes a host meets.
const twilio = new TwilioApiDouble();
const REFUSED = '+33655500099';
let browser: Browser;
let page: Page;
let adminToken: string;
let day: string;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
}

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join('dist', 'dashboard', 'index.html')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  twilio.refuse.set(REFUSED, {
    status: 400,
    code: 21211,
    message: `The 'To' number ${REFUSED} is not a valid phone number.`,
  });
  s = await startTestServer({
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'dashboard-test-twilio-token',
    TWILIO_PHONE_NUMBER: '+33900000000',
    TWILIO_API_BASE_URL: await twilio.start(),
    MANAGER_EMAILS: 'chef@example.test',
  });
  adminToken = await loginAs(s.base);
  const staff = await api(s.base, '/api/admin/users', {
    method: 'POST',
    token: adminToken,
    body: { ...STAFF, name: 'Hôte', role: 'staff' },
  });
  assert.equal(staff.status, 201, JSON.stringify(staff.body));
  // The evening the tests book into: tonight while the guests' 20:30 is still bookable
  // (30 minutes' notice), else tomorrow evening.
  const parisNow = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  day = parisNow < '19:30' ? parisDate(0) : parisDate(1);
  // A service that looks like a real evening: a few bookings already there.
  const seed = [
    ['Martin', 2, '19:00', 'T1', 'seated'],
    ['Dubois', 4, '19:15', 'T3'],
    ['Smith', 6, '19:30', 'T7'],
    ['Bernard', 3, '20:00', 'T5'],
    ['Leroy', 2, '20:45', 'T2'],
    ['Moreau', 4, '21:00', 'T6', 'no_show'],
    ['Nguyen', 5, '20:15', 'T8'],
    ['Petit', 2, '21:15', 'T1'],
  ] as const;
  for (const [name, party, time, table, status] of seed) {
    const r = await api<{ id: string }>(s.base, '/api/admin/reservations', {
      method: 'POST',
      token: adminToken,
      body: { customerName: name, phoneNumber: '+33612345678', partySize: party, date: day, time, tableIds: [table] },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    if (status)
      await api(s.base, `/api/admin/reservations/${r.body.id}`, {
        method: 'PATCH',
        token: adminToken,
        body: { status },
      });
  }
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
  // A 10" tablet in landscape at the host stand.
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  page.on('pageerror', (err) => {
    pageErrors.push(err.message);
    console.log(`# page error: ${err.message}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
  });
});

after(async () => {
  await browser?.close();
  await s?.stop();
  await twilio.stop();
});

async function logIn(creds: { email: string; password: string }): Promise<void> {
  await page.goto(`${s.base}/`);
  await page.fill('input[name=email]', creds.email);
  await page.fill('input[name=password]', creds.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=timeline], .today .empty', { timeout: 10_000 });
}

test('an admin logs in and sees the service on Today', { skip }, async () => {
  await page.goto(`${s.base}/`);
  await page.waitForSelector('input[name=email]');
  await shot('01-login');
  await logIn({ email: 'owner@example.test', password: 'Owner-Secret-2026!' });
  if (day !== parisDate(0))
    await page.evaluate((d) => {
      location.hash = `#/today?date=${d}`;
    }, day);
  // The seeded bookings are at dinner: show that service whatever the time of the run.
  await page.waitForSelector('[data-testid=booking-block], .seg-tabs');
  if (await page.locator('.seg-tabs [data-seg=dinner]').count()) await page.click('.seg-tabs [data-seg=dinner]');
  await page.waitForSelector('[data-testid=booking-block]');
  await page.waitForSelector('[data-testid=live-state].live-live', { timeout: 10_000 });
  assert.ok((await page.locator('[data-testid=booking-block]').count()) >= 8);
  await shot('02-today');
  // A tablet held upright: the same view still fits.
  await page.setViewportSize({ width: 820, height: 1180 });
  await shot('02b-today-portrait');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('a booking made on the public API appears on Today without a reload', { skip }, async () => {
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
  const r = await api<{ id: string }>(s.base, '/api/reservations', {
    method: 'POST',
    body: {
      customerName: 'Camille Roux',
      phoneNumber: '+33655500011',
      partySize: 2,
      date: day,
      time: '20:30',
      source: 'website',
      language: 'fr',
    },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const block = page.locator(`[data-testid=booking-block][data-id="${r.body.id}"]`);
  await block.waitFor({ timeout: 5000 });
  assert.match((await block.textContent()) ?? '', /Camille Roux/);
  await page.waitForSelector('[data-testid=toast]');
  assert.equal(
    await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
    true,
    'the page was reloaded',
  );
  await shot('03-live-booking');

  // Seat it: the detail panel's Seat button.
  await block.click();
  await page.waitForSelector('[data-testid=booking-detail]');
  await page.waitForSelector('[data-testid=transcript], .detail .muted');
  await shot('04-detail');
  await page.click('[data-action=seat]');
  await page.waitForSelector('[data-action=complete]');
  const stored = await api<{ status: string }>(s.base, `/api/admin/reservations/${r.body.id}`, { token: adminToken });
  assert.equal(stored.body.status, 'seated');
  // Escape closes the panel, as its ✕ does.
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=booking-detail]', { state: 'detached' });
  await page.waitForSelector(`[data-testid=booking-block][data-id="${r.body.id}"].status-seated`);
});

test('a booking is moved to another table and time, and a refused move says why', { skip }, async () => {
  const list = await api<{ id: string; customerName: string }[]>(s.base, `/api/admin/reservations?date=${day}`, {
    token: adminToken,
  });
  const leroy = list.body.find((x) => x.customerName === 'Leroy');
  assert.ok(leroy);
  await page.click(`[data-testid=booking-block][data-id="${leroy.id}"]`);
  await page.waitForSelector('[data-testid=booking-detail]');
  // T7 is Smith's at 19:30: the booking core refuses, the panel says so and nothing moves.
  await page.selectOption('[data-testid=move-table]', 'T7');
  await page.fill('.move input[name=time]', '19:30');
  await page.click('[data-action=move]');
  await page.waitForSelector('.detail .banner-error');
  await shot('04b-move-refused');
  await page.selectOption('[data-testid=move-table]', 'T6');
  await page.fill('.move input[name=time]', '21:30');
  await page.click('[data-action=move]');
  await page.waitForFunction(() => !document.querySelector('.detail .banner-error'));
  const moved = await api<{ tableIds: string[]; startAt: string }>(s.base, `/api/admin/reservations/${leroy.id}`, {
    token: adminToken,
  });
  assert.deepEqual(moved.body.tableIds, ['T6']);
  assert.equal(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
      new Date(moved.body.startAt),
    ),
    '21:30',
  );
  await page.click('.drawer-head .icon-btn');
  await page.waitForSelector(`.tl-row[data-table=T6] [data-id="${leroy.id}"]`);
});

test('a booking is dragged to another table and a later time', { skip }, async () => {
  const list = await api<{ id: string; customerName: string }[]>(s.base, `/api/admin/reservations?date=${day}`, {
    token: adminToken,
  });
  const petit = list.body.find((x) => x.customerName === 'Petit');
  assert.ok(petit);
  const block = await page.locator(`[data-testid=booking-block][data-id="${petit.id}"]`).boundingBox();
  const t21 = await page.locator('.tl-axis .tl-tick', { hasText: '21:00' }).boundingBox();
  const t22 = await page.locator('.tl-axis .tl-tick', { hasText: '22:00' }).boundingBox();
  const row = await page.locator('.tl-row[data-table=T2]').boundingBox();
  assert.ok(block && t21 && t22 && row);
  const perMinute = (t22.x - t21.x) / 60;
  const from = { x: block.x + 40, y: block.y + block.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  try {
    for (let i = 1; i <= 5; i++)
      await page.mouse.move(from.x + (30 * perMinute * i) / 5, from.y + ((row.y + row.height / 2 - from.y) * i) / 5);
    await page.waitForSelector('.booking.dragging .drag-hint');
    assert.match((await page.textContent('.booking.dragging .drag-hint')) ?? '', /T2 · 21:45/);
    await shot('04e-dragging');
  } finally {
    await page.mouse.up();
  }
  await page.waitForSelector(`.tl-row[data-table=T2] [data-id="${petit.id}"]`);
  const moved = await api<{ tableIds: string[]; startAt: string }>(s.base, `/api/admin/reservations/${petit.id}`, {
    token: adminToken,
  });
  assert.deepEqual(moved.body.tableIds, ['T2']);
  assert.equal(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
      new Date(moved.body.startAt),
    ),
    '21:45',
  );
});

test('a walk-in is seated at once on today’s timeline', { skip }, async () => {
  await page.evaluate(() => {
    location.hash = '#/today';
  });
  await page.click('[data-testid=walkin-btn]');
  await page.waitForSelector('[data-testid=walkin-form]');
  await page.fill('[data-testid=walkin-form] input[name=partySize]', '3');
  await page.click('[data-testid=walkin-form] button[type=submit]');
  await page.waitForSelector('[data-testid=booking-block].status-seated >> text=Sans réservation', { timeout: 5000 });
  const today = await api<{ customerName: string; status: string; channel: string; partySize: number }[]>(
    s.base,
    `/api/admin/reservations?date=${parisDate(0)}`,
    { token: adminToken },
  );
  assert.ok(
    today.body.some(
      (x) =>
        x.customerName === 'Sans réservation' &&
        x.status === 'seated' &&
        x.channel === 'dashboard' &&
        x.partySize === 3,
    ),
  );
  await shot('04c-walk-in');
  if (day !== parisDate(0))
    await page.evaluate((d) => {
      location.hash = `#/today?date=${d}`;
    }, day);
});

test('after a network cut the live feed reconnects and catches up', { skip }, async () => {
  await page.waitForSelector('[data-testid=live-state].live-live');
  await page.context().setOffline(true);
  await page.waitForSelector('[data-testid=live-state].live-reconnecting', { timeout: 10_000 });
  await shot('04d-reconnecting');
  // A booking made while the tablet was cut off appears once it is back.
  const r = await api<{ id: string }>(s.base, '/api/reservations', {
    method: 'POST',
    body: {
      customerName: 'Pendant La Coupure',
      phoneNumber: '+33655500022',
      partySize: 2,
      date: day,
      time: '21:45',
      source: 'website',
    },
  });
  assert.equal(r.status, 201);
  await page.context().setOffline(false);
  await page.waitForSelector('[data-testid=live-state].live-live', { timeout: 15_000 });
  if (await page.locator('.seg-tabs [data-seg=dinner]').count()) await page.click('.seg-tabs [data-seg=dinner]');
  await page.waitForSelector(`[data-testid=booking-block][data-id="${r.body.id}"]`, { timeout: 5000 });
});

/** A page's link in the top bar, or in the ☰ menu when the bar has folded its pages away. */
async function openNav(nav: string): Promise<void> {
  await tapInBar(`a[data-nav=${nav}]`);
}

async function tapInBar(selector: string): Promise<void> {
  const inBar = page.locator(`.topbar ${selector}`);
  if (await inBar.isVisible()) return inBar.click();
  await page.click('[data-testid=nav-toggle]');
  await page.click(`.nav-panel.open ${selector}`);
}

test('an admin changes a setting', { skip }, async () => {
  await openNav('settings');
  await page.waitForSelector('[data-testid=settings]');
  // The form says what is wrong before sending, as the API would.
  await page.fill('[data-testid=max-party]', '0');
  await page.click('[data-testid=save-settings]');
  await page.waitForSelector('.field.invalid');
  await page.fill('[data-testid=max-party]', '10');
  await page.fill('[data-testid=buffer]', '5');
  await page.click('[data-testid=save-settings]');
  await page.waitForSelector('.banner-ok');
  await shot('05-settings');
  const rest = await api<{ rules: { bufferMinutes: number; maxPartySize: number } }>(s.base, '/api/admin/restaurant', {
    token: adminToken,
  });
  assert.equal(rest.body.rules.bufferMinutes, 5);
  assert.equal(rest.body.rules.maxPartySize, 10);
});

test('the admin pages render in English', { skip }, async () => {
  await tapInBar('[data-testid=lang-switch]');
  for (const [nav, marker, name] of [
    ['bookings', '[data-testid=booking-list]', '07-bookings'],
    ['menu', '.menu-editor .card', '08-menu'],
    ['users', 'table.list', '09-users'],
    ['insights', '.kpis', '10-insights'],
    ['tables', 'table.list.editable', '11-tables'],
    ['outbox', '[data-testid=outbox-row]', '11b-messages-en'],
  ] as const) {
    await openNav(nav);
    await page.waitForSelector(marker);
    await shot(name);
  }
  assert.equal(await page.locator('a[data-nav=settings]').textContent(), 'Settings');
  await tapInBar('[data-testid=lang-switch]');
});

test('Messages lists what was sent, sends a test, and retries a failure once it is fixed', { skip }, async () => {
  await openNav('outbox');
  await page.waitForSelector('[data-testid=outbox]');
  // Camille Roux's confirmation went out by SMS; the managers' email has no SMTP to go through.
  const camille = page.locator('[data-testid=outbox-row][data-status=sent]', { hasText: '+33655500011' });
  await camille.first().waitFor({ timeout: 8000 });
  assert.match((await camille.first().textContent()) ?? '', /Confirmation client/);
  const manager = page.locator('[data-testid=outbox-row][data-status=not_configured]', {
    hasText: 'chef@example.test',
  });
  await manager.first().waitFor();
  assert.match((await manager.first().textContent()) ?? '', /Non configuré/);
  assert.ok(await page.locator('.outbox .banner-info').count(), 'the page says why some are not configured');

  // A test text to a number Twilio refuses: it fails, and says why.
  const form = page.locator('[data-testid=test-form]');
  await form.locator('select[name=channel]').selectOption('sms');
  await form.locator('input[name=to]').fill('0655');
  await form.locator('.field.invalid').waitFor();
  await form.locator('input[name=to]').fill(REFUSED);
  await form.locator('button[type=submit]').click();
  await page.waitForSelector('[data-testid=test-result]');
  const failed = page.locator(`[data-testid=outbox-row][data-status=failed]`, { hasText: REFUSED });
  await failed.waitFor({ timeout: 8000 });
  assert.match((await failed.textContent()) ?? '', /21211/);
  await page.waitForSelector('[data-testid=test-result] [data-status=failed]');
  await shot('12c-messages-test-form');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('12-messages');
  await page.setViewportSize({ width: 820, height: 1180 });
  await shot('12b-messages-portrait');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The number is fixed on Twilio's side: Retry sends it.
  twilio.refuse.delete(REFUSED);
  await failed.locator('[data-action=retry]').click();
  await page.waitForSelector('.outbox .banner-ok');
  await page.locator('[data-testid=outbox-row][data-status=sent]', { hasText: REFUSED }).waitFor({ timeout: 8000 });
  assert.equal(twilio.to(REFUSED).length, 1);

  // The filter shows only what is asked for.
  await page.selectOption('[data-testid=outbox-status]', 'not_configured');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid=outbox-row]')].every(
      (r) => r.getAttribute('data-status') === 'not_configured',
    ),
  );
  await page.selectOption('[data-testid=outbox-status]', '');
});

test('a reminder is sent on demand from a booking', { skip }, async () => {
  const list = await api<{ id: string; customerName: string }[]>(s.base, `/api/admin/reservations?date=${day}`, {
    token: adminToken,
  });
  const later = list.body.find((x) => x.customerName === 'Pendant La Coupure');
  assert.ok(later);
  await page.evaluate(
    ([d, id]) => {
      location.hash = `#/bookings?date=${d}&open=${id}`;
    },
    [day, later.id],
  );
  await page.waitForSelector('[data-testid=booking-detail]');
  await page.click('[data-action=remind]');
  await page.waitForSelector('[data-testid=reminder-result]');
  assert.match(
    (await page.textContent('[data-testid=reminder-result]')) ?? '',
    /Rappel mis en file d’envoi vers \+33655500022 \(SMS\)/,
  );
  await shot('13-reminder-sent');
  await page.click('[data-testid=see-messages]');
  await page.waitForSelector('.filter-chip');
  await page.locator('[data-testid=outbox-row][data-status=sent]', { hasText: 'Rappel' }).waitFor({ timeout: 8000 });
  assert.ok(
    twilio.to('+33655500022').some((m) => /Répondez 1/.test(m.Body ?? '')),
    'the reminder reached Twilio',
  );
});

test('a staff member sees the service but cannot open the settings', { skip }, async () => {
  await tapInBar('[data-testid=logout]');
  await logIn(STAFF);
  assert.equal(await page.locator('a[data-nav=settings]').count(), 0);
  assert.equal(await page.locator('a[data-nav=today]').count(), 1);
  assert.equal(await page.locator('a[data-nav=outbox]').count(), 1, 'staff see Messages');
  await page.evaluate(() => {
    location.hash = '#/settings';
  });
  await page.waitForSelector('[data-testid=forbidden]');
  assert.equal(await page.locator('[data-testid=settings]').count(), 0);
  await shot('06-staff-forbidden');
  const put = await api(s.base, '/api/admin/restaurant', {
    method: 'PUT',
    token: await loginAs(s.base, STAFF),
    body: { name: 'Hacked' },
  });
  assert.equal(put.status, 403);
});

test('a staff member whose password an admin resets is back on the login page at once', { skip }, async () => {
  await page.evaluate(() => sessionStorage.clear());
  await logIn(STAFF);
  const users = await api<Array<{ id: string; email: string }>>(s.base, '/api/admin/users', { token: adminToken });
  const host = users.body.find((u) => u.email === STAFF.email);
  assert.ok(host);
  const reset = await api(s.base, `/api/admin/users/${host.id}/password`, {
    method: 'POST',
    token: adminToken,
    body: { password: 'Host-New-Secret-2026' },
  });
  assert.equal(reset.status, 200);
  // No reload, no click: the live socket is closed by the server and the page logs out.
  await page.waitForSelector('.login-card .banner-info', { timeout: 5000 });
  assert.match((await page.textContent('.login-card .banner-info')) ?? '', /expir/i);
  await shot('07-session-ended-by-reset');
});

test('repeated wrong passwords make the account wait, and the login page says so', { skip }, async () => {
  const attempt = async (password: string) => {
    await page.fill('input[name=email]', STAFF.email);
    await page.fill('input[name=password]', password);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
      page.click('button[type=submit]'),
    ]);
    return answer.status();
  };
  for (let i = 0; i < 5; i++) assert.equal(await attempt(`wrong-${i}`), 401);
  assert.match((await page.textContent('.login-card [role=alert]')) ?? '', /incorrect/i);
  assert.equal(await attempt('Host-New-Secret-2026'), 429, 'even the right password waits');
  await page.waitForFunction(() =>
    /Trop d’échecs/.test(document.querySelector('.login-card [role=alert]')?.textContent ?? ''),
  );
  await shot('08-login-locked');
});

test('an expired session goes back to the login page and says why', { skip }, async () => {
  const me = await api<{ user: { id: string; email: string; role: string } }>(s.base, '/api/auth/me', {
    token: adminToken,
  });
  const expired = jwt.sign({ sub: me.body.user.id, email: me.body.user.email, role: 'admin' }, JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: -60,
  });
  await page.evaluate(
    (session) => sessionStorage.setItem('maitre.session', session),
    JSON.stringify({ token: expired, user: me.body.user }),
  );
  await page.reload();
  await page.waitForSelector('.login-card .banner-info');
  assert.match((await page.textContent('.login-card .banner-info')) ?? '', /expir/i);
});

test('the pages ran without script errors or blocked content', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
