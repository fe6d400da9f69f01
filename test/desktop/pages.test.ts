// The cashier app's own pages in headless Chromium: the first-run setup page and the offline
// list, screenshotted to test-output/desktop/ to be looked at.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
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

    await page.setContent(readFileSync(join('desktop', 'pages', 'setup.html'), 'utf8'));
    await page.screenshot({ path: join(out, 'setup.png') });
  } finally {
    await browser.close();
  }
});
