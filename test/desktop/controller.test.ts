// The cashier app's behaviour with Electron faked: first run, login kept, alerts and badge,
// the offline list while the server is away, and coming back by itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DesktopController, SERVICE_VIEW } from '../../desktop/controller';
import { OfflineCache } from '../../desktop/offline-cache';
import { SettingsStore } from '../../desktop/settings';
import { TokenStore } from '../../desktop/token-store';
import { FakeAlerts, FakeSafeStorage, FakeSocket, FakeWindow, MemoryFiles, tick } from './fakes';

const SERVER = 'http://192.168.1.20:3978';
const PAGE = `${SERVER}/#/today`;

function setup(files = new MemoryFiles()) {
  const window = new FakeWindow();
  const alerts = new FakeAlerts();
  const sockets: FakeSocket[] = [];
  const net = { up: true };
  const controller = new DesktopController({
    window,
    alerts,
    settings: new SettingsStore(files, '/u/settings.json'),
    tokens: new TokenStore(new FakeSafeStorage(), files, '/u/token.bin'),
    cache: new OfflineCache(files, '/u/list.json'),
    connect: (url, token) => {
      const s = new FakeSocket(url, token);
      sockets.push(s);
      return s;
    },
    probe: async (url) => net.up && url === SERVER,
    setupPageUrl: 'file:///app/pages/setup.html',
    retryMs: 20,
  });
  return { controller, window, alerts, sockets, net, files };
}

test('first run asks for the server, checks it, keeps it, and opens the service view', async () => {
  const { controller, window, files } = setup();
  await controller.start();
  assert.equal(controller.state, 'setup');
  assert.equal(window.current, 'file:///app/pages/setup.html');
  assert.equal((await controller.setServerUrl('not a url at all')).ok, false);
  const wrong = await controller.setServerUrl('http://10.9.9.9:3978');
  assert.equal(wrong.ok, false);
  assert.match(wrong.error ?? '', /10\.9\.9\.9/);
  assert.deepEqual(await controller.setServerUrl('192.168.1.20:3978'), { ok: true });
  assert.equal(window.current, SERVER + SERVICE_VIEW);
  controller.stop();

  // Next start: straight to the service view.
  const again = setup(files);
  await again.controller.start();
  assert.equal(again.window.current, SERVER + SERVICE_VIEW);
  again.controller.stop();
});

test('the login is kept (only for the server’s own pages) and opens the live feed', async () => {
  const { controller, sockets, files } = setup();
  await controller.start();
  await controller.setServerUrl(SERVER);
  controller.setToken('https://evil.example/', 'stolen');
  assert.equal(controller.getToken(PAGE), null);
  controller.setToken(PAGE, 'jwt-1');
  assert.equal(controller.getToken(PAGE), 'jwt-1');
  assert.equal(controller.getToken('https://evil.example/'), null, 'another site never gets the token');
  assert.equal(sockets.length, 1);
  assert.equal(sockets[0].token, 'jwt-1');
  controller.stop();

  const again = setup(files);
  await again.controller.start();
  assert.equal(again.controller.getToken(PAGE), 'jwt-1', 'login once: the token survives a restart');
  assert.equal(again.sockets.length, 1, 'the live feed reconnects at start');
  again.controller.stop();
});

test('a new booking raises a native notification and a tray badge, cleared when the window is looked at', async () => {
  const { controller, sockets, alerts, window } = setup();
  await controller.start();
  await controller.setServerUrl(SERVER);
  controller.setToken(PAGE, 'jwt-1');
  sockets[0].fire('reservation:created', {
    customerName: 'Dupont',
    partySize: 4,
    startAt: '2026-06-12T18:30:00.000Z',
    channel: 'sms',
  });
  sockets[0].fire('reservation:created', {
    customerName: 'Smith',
    partySize: 2,
    startAt: '2026-06-12T19:00:00.000Z',
    channel: 'voice',
  });
  sockets[0].fire('reservation:created', { junk: true });
  assert.equal(alerts.shown.length, 2);
  assert.equal(alerts.shown[0].title, 'Nouvelle réservation');
  assert.match(alerts.shown[0].body, /Dupont · 4 pers\. · .*20:30 \(SMS\)/);
  assert.equal(alerts.badge, 2);
  assert.equal(window.flashing, true);
  controller.windowFocused();
  assert.equal(alerts.badge, 0);
  assert.equal(window.flashing, false);
  controller.stop();
});

test('while the server is away the last known list is shown read-only; it comes back by itself', async () => {
  const { controller, sockets, window, net } = setup();
  await controller.start();
  await controller.setServerUrl(SERVER);
  controller.setToken(PAGE, 'jwt-1');
  controller.reportList(PAGE, {
    date: '2026-06-12',
    timezone: 'Europe/Paris',
    reservations: [
      {
        id: 'a',
        customerName: 'Dupont',
        partySize: 4,
        startAt: '2026-06-12T18:30:00.000Z',
        tableIds: ['T3'],
        status: 'confirmed',
        channel: 'sms',
      },
    ],
  });
  controller.reportList('https://evil.example/', {
    date: '2026-06-12',
    reservations: [{ id: 'x', customerName: 'Forged', partySize: 1, startAt: '2026-06-12T18:30:00.000Z' }],
  });

  net.up = false;
  sockets[0].fire('disconnect', 'transport close');
  await tick(5);
  assert.equal(controller.state, 'offline');
  assert.match(window.currentHtml, /Serveur injoignable/);
  assert.match(window.currentHtml, /Dupont/);
  assert.ok(!window.currentHtml.includes('Forged'));
  await tick(50);
  assert.equal(controller.state, 'offline', 'still away: keeps retrying');

  net.up = true;
  await tick(60);
  assert.equal(controller.state, 'online');
  assert.equal(window.current, SERVER + SERVICE_VIEW);
  controller.stop();
});

test('a server unreachable at start shows the offline list, then the service view once it answers', async () => {
  const first = setup();
  await first.controller.start();
  await first.controller.setServerUrl(SERVER);
  first.controller.stop();
  const { controller, window, net } = setup(first.files);
  net.up = false;
  await controller.start();
  assert.equal(controller.state, 'offline');
  assert.match(window.currentHtml, /Aucune liste enregistrée/);
  net.up = true;
  await tick(60);
  assert.equal(window.current, SERVER + SERVICE_VIEW);
  controller.stop();
});

test('a session the server ends (password reset, disable) is forgotten; a network cut is not', async () => {
  const { controller, sockets } = setup();
  await controller.start();
  await controller.setServerUrl(SERVER);
  controller.setToken(PAGE, 'valid');
  sockets[0].fire('disconnect', 'transport close');
  assert.equal(controller.getToken(PAGE), 'valid', 'a cut connection keeps the session');
  sockets[0].fire('disconnect', 'io server disconnect');
  assert.equal(controller.getToken(PAGE), null);
  assert.equal(sockets[0].closed, true);
  controller.stop();
});

test('a refused token is forgotten so the page asks to log in again', async () => {
  const { controller, sockets } = setup();
  await controller.start();
  await controller.setServerUrl(SERVER);
  controller.setToken(PAGE, 'expired');
  sockets[0].fire('connect_error', new Error('unauthorized: invalid or expired token'));
  assert.equal(controller.getToken(PAGE), null);
  assert.equal(sockets[0].closed, true);
  controller.stop();
});
