// The dashboard's own staff routes over HTTP: users, menu, insights, conversations, the SPA.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { io } from 'socket.io-client';
import { api, loginAs, parisDate, startTestServer, type TestServer } from './server-harness';

let s: TestServer;
let admin: string;
before(async () => {
  s = await startTestServer();
  admin = await loginAs(s.base);
});
after(async () => {
  await s.stop();
});

test('admins create, disable and reset staff users; staff cannot manage users', async () => {
  const created = await api<{ id: string; role: string; disabled: boolean }>(s.base, '/api/admin/users', {
    method: 'POST',
    token: admin,
    body: { email: 'Cashier@Example.test', name: 'Léa', role: 'staff', password: 'Cashier-Pass-1' },
  });
  assert.equal(created.status, 201);
  assert.equal(created.body.role, 'staff');
  assert.equal(
    (
      await api(s.base, '/api/admin/users', {
        method: 'POST',
        token: admin,
        body: { email: 'cashier@example.test', name: 'Dup', password: 'Cashier-Pass-1' },
      })
    ).status,
    409,
  );
  assert.equal(
    (
      await api<{ field: string }>(s.base, '/api/admin/users', {
        method: 'POST',
        token: admin,
        body: { email: 'x@example.test', name: 'X', password: 'short' },
      })
    ).body.field,
    'password',
  );

  const staff = await loginAs(s.base, { email: 'cashier@example.test', password: 'Cashier-Pass-1' });
  assert.equal((await api(s.base, '/api/admin/users', { token: staff })).status, 403);
  const list = await api<{ email: string; passwordHash?: string }[]>(s.base, '/api/admin/users', { token: admin });
  assert.deepEqual(
    list.body.map((u) => u.email),
    ['cashier@example.test', 'owner@example.test'],
  );
  assert.ok(
    list.body.every((u) => !('passwordHash' in u)),
    'hashes never leave the server',
  );

  // A disabled account's live socket is closed, and its token stops working.
  const sock = io(s.base, { auth: { token: staff }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((res, rej) => {
    sock.on('connect', () => res());
    sock.on('connect_error', rej);
  });
  const closed = new Promise<void>((res) => sock.on('disconnect', () => res()));
  assert.equal(
    (
      await api(s.base, `/api/admin/users/${created.body.id}`, {
        method: 'PATCH',
        token: admin,
        body: { disabled: true },
      })
    ).status,
    200,
  );
  await closed;
  assert.equal((await api(s.base, '/api/auth/me', { token: staff })).status, 401);

  // Reset password, re-enable: the new password works.
  assert.equal(
    (
      await api(s.base, `/api/admin/users/${created.body.id}/password`, {
        method: 'POST',
        token: admin,
        body: { password: 'Brand-New-Pass-2' },
      })
    ).status,
    200,
  );
  await api(s.base, `/api/admin/users/${created.body.id}`, {
    method: 'PATCH',
    token: admin,
    body: { disabled: false },
  });
  await loginAs(s.base, { email: 'cashier@example.test', password: 'Brand-New-Pass-2' });
});

test('the last active admin can be neither disabled nor demoted', async () => {
  const me = await api<{ user: { id: string } }>(s.base, '/api/auth/me', { token: admin });
  const r = await api<{ error: string }>(s.base, `/api/admin/users/${me.body.user.id}`, {
    method: 'PATCH',
    token: admin,
    body: { role: 'staff' },
  });
  assert.equal(r.status, 409);
});

test('the menu saved by an admin is what GET /api/menu serves', async () => {
  const sections = [
    {
      title: { fr: 'Entrées', en: 'Starters' },
      dishes: [
        {
          name: { fr: 'Velouté de potiron', en: 'Pumpkin soup' },
          description: { fr: 'crème, noisettes', en: 'cream, hazelnuts' },
          price: 8.5,
          allergens: ['milk', 'nuts'],
          diets: ['vegetarian', 'gluten-free'],
        },
      ],
    },
  ];
  const put = await api(s.base, '/api/admin/menu', { method: 'PUT', token: admin, body: { sections } });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  const pub = await api<{ sections: typeof sections }>(s.base, '/api/menu');
  assert.deepEqual(pub.body.sections, sections);
  const bad = await api<{ error: string; field: string }>(s.base, '/api/admin/menu', {
    method: 'PUT',
    token: admin,
    body: { sections: [{ title: { fr: 'X', en: 'X' }, dishes: [{ name: { fr: 'A', en: 'A' }, price: -1 }] }] },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.field, 'sections.0.dishes.0.price');
  const badDiet = await api<{ error: string; field: string }>(s.base, '/api/admin/menu', {
    method: 'PUT',
    token: admin,
    body: {
      sections: [{ title: { fr: 'X', en: 'X' }, dishes: [{ name: { fr: 'A', en: 'A' }, price: 1, diets: ['paleo'] }] }],
    },
  });
  assert.equal(badDiet.status, 400);
  assert.equal(badDiet.body.field, 'sections.0.dishes.0.diets.0');
  const staff = await loginAs(s.base, { email: 'cashier@example.test', password: 'Brand-New-Pass-2' });
  assert.equal((await api(s.base, '/api/admin/menu', { method: 'PUT', token: staff, body: { sections } })).status, 403);
});

test('insights count covers per service, channels, languages and no-shows', async () => {
  const day = parisDate(3);
  await api(s.base, '/api/reservations', {
    method: 'POST',
    body: {
      customerName: 'Web',
      phoneNumber: '+33611111111',
      partySize: 2,
      date: day,
      time: '12:30',
      source: 'website',
      language: 'en',
    },
  });
  await api(s.base, '/api/admin/reservations', {
    method: 'POST',
    token: admin,
    body: { customerName: 'Desk', phoneNumber: '+33622222222', partySize: 5, date: day, time: '20:00' },
  });
  const r = await api<{
    coversByServiceAndDay: { date: string; service: string; covers: number }[];
    byChannel: Record<string, number>;
    byLanguage: Record<string, number>;
    totals: { covers: number };
  }>(s.base, `/api/admin/insights?from=${day}&to=${day}`, { token: admin });
  assert.equal(r.status, 200);
  assert.deepEqual(
    r.body.coversByServiceAndDay.map((x) => [x.service, x.covers]),
    [
      ['dinner', 5],
      ['lunch', 2],
    ],
  );
  assert.deepEqual(r.body.byChannel, { website: 1, dashboard: 1 });
  assert.equal(r.body.byLanguage.en, 1);
  assert.equal(r.body.totals.covers, 7);
  assert.equal((await api(s.base, '/api/admin/insights?from=2026-13-01', { token: admin })).status, 400);
});

test('conversations and their transcripts come from the store', async () => {
  const { store } = s.app.ctx;
  const at = new Date().toISOString();
  await store.appendTranscript({
    conversationId: 'sms:+33633333333',
    channel: 'sms',
    from: 'guest',
    text: 'Une table pour 2 ce soir ?',
    at,
    address: '+33633333333',
    language: 'fr',
  });
  await store.appendTranscript({
    conversationId: 'sms:+33633333333',
    channel: 'sms',
    from: 'bot',
    text: 'À quelle heure ?',
    at,
  });
  await store.setConversationOutcome('sms:+33633333333', 'handoff');
  const list = await api<{ id: string; outcome: string }[]>(s.base, '/api/admin/conversations?channel=sms', {
    token: admin,
  });
  assert.equal(list.status, 200);
  assert.equal(list.body[0].id, 'sms:+33633333333');
  const one = await api<{ transcript: { text: string }[] }>(
    s.base,
    `/api/admin/conversations/${encodeURIComponent('sms:+33633333333')}`,
    { token: admin },
  );
  assert.deepEqual(
    one.body.transcript.map((e) => e.text),
    ['Une table pour 2 ce soir ?', 'À quelle heure ?'],
  );
  assert.equal((await api(s.base, '/api/admin/conversations/nope', { token: admin })).status, 404);
  assert.equal((await api(s.base, '/api/admin/conversations')).status, 401);
  const ins = await api<{ conversations: { handoff: number } }>(s.base, '/api/admin/insights', { token: admin });
  assert.equal(ins.body.conversations.handoff, 1);
});

test('the dashboard is served at / and its assets under /dashboard/, nothing outside', async () => {
  if (!existsSync(join('dist', 'dashboard', 'index.html'))) {
    assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status, 0, 'the build');
  }
  const page = await fetch(`${s.base}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<div id="app">/);
  const js = await fetch(`${s.base}/dashboard/app.js`);
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  assert.equal((await fetch(`${s.base}/dashboard/..%2F..%2Fpackage.json`)).status, 404);
});
