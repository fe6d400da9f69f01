// Settings, token storage and the offline list of the cashier app, with fake Electron APIs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OfflineCache, renderOfflinePage, sanitiseList } from '../../desktop/offline-cache';
import { normaliseServerUrl, SettingsStore } from '../../desktop/settings';
import { TokenStore } from '../../desktop/token-store';
import { FakeSafeStorage, MemoryFiles } from './fakes';

test('the server URL is kept as an http(s) origin', () => {
  assert.equal(normaliseServerUrl('192.168.1.20:3978'), 'http://192.168.1.20:3978');
  assert.equal(normaliseServerUrl(' https://resto.example/some/path '), 'https://resto.example');
  assert.equal(normaliseServerUrl('ftp://x'), null);
  assert.equal(normaliseServerUrl('http://user:pw@host'), null);
  assert.equal(normaliseServerUrl(''), null);
});

test('settings survive a restart; a damaged file is a first run', () => {
  const files = new MemoryFiles();
  const store = new SettingsStore(files, '/u/settings.json');
  assert.deepEqual(store.load(), { serverUrl: null, language: 'fr' });
  store.save({ serverUrl: 'http://10.0.0.2:3978', language: 'en' });
  assert.deepEqual(new SettingsStore(files, '/u/settings.json').load(), {
    serverUrl: 'http://10.0.0.2:3978',
    language: 'en',
  });
  files.write('/u/settings.json', '{not json');
  assert.equal(store.load().serverUrl, null);
});

test('the token is stored encrypted with safeStorage and read back after a restart', () => {
  const files = new MemoryFiles();
  const safe = new FakeSafeStorage();
  new TokenStore(safe, files, '/u/token.bin').save('eyJhbGciOi.secret.token');
  const onDisk = files.read('/u/token.bin');
  assert.ok(onDisk);
  assert.ok(!onDisk.toString('utf8').includes('secret'), 'the token must not be on disk in clear');
  assert.equal(new TokenStore(safe, files, '/u/token.bin').load(), 'eyJhbGciOi.secret.token');
});

test('without OS encryption the token stays in memory only', () => {
  const files = new MemoryFiles();
  const store = new TokenStore(new FakeSafeStorage(false), files, '/u/token.bin');
  store.save('tok');
  assert.equal(files.read('/u/token.bin'), null);
  assert.equal(store.load(), 'tok');
  assert.equal(new TokenStore(new FakeSafeStorage(false), files, '/u/token.bin').load(), null);
});

test('logging out removes the token; an undecryptable one is dropped', () => {
  const files = new MemoryFiles();
  const store = new TokenStore(new FakeSafeStorage(), files, '/u/token.bin');
  store.save('tok');
  store.save(null);
  assert.equal(files.read('/u/token.bin'), null);
  files.write('/u/token.bin', Buffer.from([0, 1, 2]));
  assert.equal(new TokenStore(new FakeSafeStorage(), files, '/u/token.bin').load(), null);
  assert.equal(files.read('/u/token.bin'), null);
});

test('the offline page lists the last known bookings read-only and says the server is unreachable', () => {
  const files = new MemoryFiles();
  const cache = new OfflineCache(files, '/u/list.json');
  const list = sanitiseList(
    {
      date: '2026-06-12',
      reservations: [
        {
          id: 'a',
          customerName: 'Dupont <script>alert(1)</script>',
          partySize: 4,
          startAt: '2026-06-12T18:30:00.000Z',
          tableIds: ['T3'],
          status: 'confirmed',
          channel: 'sms',
          extra: 'dropped',
        },
        {
          id: 'b',
          customerName: 'Gone',
          partySize: 2,
          startAt: '2026-06-12T17:00:00.000Z',
          tableIds: ['T1'],
          status: 'cancelled',
          channel: 'voice',
        },
        { nonsense: true },
      ],
    },
    'Europe/Paris',
    new Date('2026-06-12T15:00:00Z'),
  );
  assert.ok(list);
  assert.equal(list.reservations.length, 2);
  cache.save(list);
  const html = renderOfflinePage(cache.load(), 'fr', 'http://10.0.0.2:3978');
  assert.match(html, /Serveur injoignable/);
  assert.match(html, /lecture seule/);
  assert.match(html, /20:30/); // 18:30Z in Paris summer time
  assert.match(html, /Dupont &lt;script&gt;/);
  assert.ok(!html.includes('<script>alert'), 'names are escaped');
  assert.ok(!html.includes('Gone'), 'cancelled bookings are not listed');
  assert.ok(!/<script|<form|<button|<input/i.test(html), 'the offline page is read-only');
  assert.match(renderOfflinePage(null, 'en', 'http://x'), /Server unreachable[\s\S]*No list saved yet/);
  assert.equal(sanitiseList({ date: 'today', reservations: [] }, 'UTC', new Date()), null);
});
