// A French host sees French on every page: with the demo restaurant, a service's bookings, a
// waitlist, messages in the outbox and guests' conversations, every page (and an open booking,
// and the menu) is read word by word, and any word that only the English catalogue uses fails.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { catalogue } from '../../dashboard/ui/i18n';
import { sid, twilioPost } from '../adapters/adapter-harness';
import { ADMIN, startTestServer, type TestServer } from '../helpers/app';
import { parisDate, seedService } from './server-harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join('test-output', 'french');
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: browser tests skipped`;

// Setting names (TWILIO_PHONE_NUMBER) are the server's words in any language: left out.
const wordsOf = (text: string): string[] =>
  text
    .replace(/\b[A-Z0-9]+(?:_[A-Z0-9]+)+\b/g, ' ')
    .toLowerCase()
    .match(/[a-zà-ÿœ]+(?:['’][a-zà-ÿœ]+)*/g) ?? [];
/** Data, not the dashboard's words: the first staff account is called "Admin" until renamed. */
const DATA_WORDS = new Set(['admin']);
/** Words of three letters or more that the English catalogue uses and the French one never does. */
const englishOnly = (() => {
  const fr = new Set(catalogue('fr').flatMap(wordsOf));
  return new Set(
    catalogue('en')
      .flatMap(wordsOf)
      .filter((w) => w.length >= 3 && !fr.has(w) && !DATA_WORDS.has(w)),
  );
})();

let s: TestServer;
let browser: Browser;
let page: Page;

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  s = await startTestServer();
  const token = await s.login();
  await seedService(s.base, token);
  await s.json('/api/admin/waitlist', { token, body: { name: 'Garnier', phone: '0655507777', partySize: 4 } });
  // Guests who wrote in: one books nothing and asks for a person (a handoff), one in English.
  const text = (from: string, body: string) =>
    twilioPost(s.base, '/twilio/messaging', {
      MessageSid: sid('SM'),
      AccountSid: `AC${'0'.repeat(32)}`,
      From: from,
      To: '+33900000000',
      Body: body,
      NumMedia: '0',
    });
  await text('+33655501234', 'Bonjour, je voudrais parler à un responsable');
  await text('+447911123456', 'Hello, what are your opening hours?');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
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
});

/** The words a person reads on the page: text, placeholders, tooltips, labels for screen readers. */
async function shownWords(): Promise<string[]> {
  const text = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[placeholder], [title], [aria-label]')].flatMap((el) =>
      ['placeholder', 'title', 'aria-label'].map((a) => el.getAttribute(a) ?? ''),
    );
    // What guests wrote and the bot answered is in the guest's language: the page around it is checked.
    const hide = document.createElement('style');
    hide.textContent = '.msg-text { display: none !important; }';
    document.head.append(hide);
    const shown = document.body.innerText;
    hide.remove();
    return [shown, ...attrs].join('\n');
  });
  return wordsOf(text);
}

test('every page reads in French, with no word from the English catalogue', { skip }, async () => {
  const day = parisDate(1);
  const visits: Array<[string, string]> = [
    [`today?date=${day}`, '.today .seg-tabs'],
    [`bookings?date=${day}`, '[data-testid=booking-list]'],
    ['waitlist', '[data-testid=waitlist-list]'],
    ['conversations', 'main .page table.list'],
    ['callbacks', '[data-testid=callbacks]'],
    ['outbox', '[data-testid=outbox-row]'],
    ['menu', '.menu-editor .card'],
    ['tables', 'table.list.editable'],
    ['settings', '[data-testid=settings]'],
    ['users', 'main .page table.list'],
    ['insights', '.kpis'],
  ];
  const found: string[] = [];
  const check = async (where: string) => {
    const english = [...new Set((await shownWords()).filter((w) => englishOnly.has(w)))];
    if (english.length) found.push(`${where}: ${english.join(', ')}`);
  };
  for (const [hash, marker] of visits) {
    await page.evaluate((h) => {
      location.hash = `#/${h}`;
    }, hash);
    await page.waitForSelector(marker, { timeout: 10_000 });
    await page.screenshot({ path: join(OUT, `${hash.split('?')[0]}.png`), fullPage: true });
    await check(hash.split('?')[0]);
  }
  // A booking opened from the list, and the first conversation.
  await page.evaluate((d) => {
    location.hash = `#/bookings?date=${d}`;
  }, day);
  await page.click('[data-testid=booking-list] tbody tr');
  await page.waitForSelector('.drawer');
  await check('an open booking');
  await page.keyboard.press('Escape');
  await page.evaluate(() => {
    location.hash = '#/conversations';
  });
  await page.click('main .page table.list tbody tr');
  await page.waitForSelector('.drawer, .transcript', { timeout: 5000 });
  await page.screenshot({ path: join(OUT, 'conversation-open.png'), fullPage: true });
  await check('an open conversation');
  assert.deepEqual(found, []);
});
