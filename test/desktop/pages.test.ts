// The cashier app's own pages in headless Chromium: the first-run setup page and the offline
// list, checked as a cashier would use them and screenshotted to test-output/desktop/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderOfflinePage, sanitiseList } from '../../desktop/offline-cache';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const have = existsSync(CHROMIUM);
if (!have && process.env.CI === 'true') throw new Error(`CI=true but no Chromium at ${CHROMIUM}`);
const skip = have ? false : `no Chromium at ${CHROMIUM}: desktop page screenshots skipped`;
if (skip) console.log(`# ${skip}`);

test('the offline list and the setup page render', { skip }, async () => {
  const out = join('test-output', 'desktop');
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
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
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 600 } });
    const at = (h: number, m: number) => new Date(Date.UTC(2026, 5, 12, h - 2, m)).toISOString();
    const list = sanitiseList(
      {
        date: '2026-06-12',
        reservations: [
          {
            id: '1',
            customerName: 'Martin',
            partySize: 2,
            startAt: at(19, 0),
            tableIds: ['T1'],
            status: 'seated',
            channel: 'sms',
          },
          {
            id: '2',
            customerName: 'Dubois',
            partySize: 4,
            startAt: at(19, 15),
            tableIds: ['T3'],
            status: 'confirmed',
            channel: 'voice',
            notes: 'anniversaire',
          },
          {
            id: '3',
            customerName: 'Smith',
            partySize: 6,
            startAt: at(19, 30),
            tableIds: ['T7'],
            status: 'confirmed',
            channel: 'whatsapp',
          },
          {
            id: '4',
            customerName: 'Moreau',
            partySize: 4,
            startAt: at(21, 0),
            tableIds: ['T6'],
            status: 'no_show',
            channel: 'webchat',
          },
        ],
      },
      'Europe/Paris',
      new Date(at(20, 10)),
    );
    await page.setContent(renderOfflinePage(list, 'fr', 'http://192.168.1.20:3978'));
    assert.match((await page.textContent('[data-testid=offline-banner]')) ?? '', /Serveur injoignable/);
    assert.equal(await page.locator('tbody tr').count(), 4);
    assert.equal(await page.locator('button, input, form, a').count(), 0, 'read-only');
    await page.screenshot({ path: join(out, 'offline-list.png') });

    // The setup page as the app loads it (its script beside it), with the main process's answer
    // played by a stand-in: an address that does not answer is said so, and can be corrected.
    const setup = await browser.newPage({ viewport: { width: 1100, height: 600 } });
    // A string, not a function: the page must not see what the TypeScript loader adds to functions.
    await setup.addInitScript(`
      window.tried = [];
      window.maitreDesktop = {
        setServerUrl: async (url) => {
          window.tried.push(url);
          return url.includes('192.168.1.20')
            ? { ok: true }
            : { ok: false, error: 'Aucun serveur Maître à cette adresse / No Maître server at this address' };
        },
      };
    `);
    await setup.goto(pathToFileURL(resolve('desktop', 'pages', 'setup.html')).href);
    assert.match((await setup.textContent('#lead')) ?? '', /Adresse du serveur.*server address/);
    await setup.fill('#url', 'http://10.0.0.9:3978');
    await setup.click('button[type=submit]');
    await setup.waitForFunction("document.getElementById('error').textContent !== ''");
    assert.match((await setup.textContent('[role=alert]')) ?? '', /No Maître server at this address/);
    await setup.screenshot({ path: join(out, 'setup.png') });
    await setup.fill('#url', 'http://192.168.1.20:3978');
    await setup.click('button[type=submit]');
    await setup.waitForFunction('window.tried.length === 2');
    assert.equal(await setup.textContent('[role=alert]'), '', 'the error is cleared on a new try');
    assert.deepEqual(await setup.evaluate('window.tried'), ['http://10.0.0.9:3978', 'http://192.168.1.20:3978']);
  } finally {
    await browser.close();
  }
});
