// The outbox over HTTP, in the whole server: a public API booking reaches the manager by
// SMTP and the guest by SMS through TWILIO_API_BASE_URL; staff list the outbox, send a test
// message and a reminder on demand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { startTestServer, type TestServer } from '../../helpers/app';
import { SmtpSink, TwilioApiDouble } from './fakes';
import { until } from '../../helpers/until';

describe('outbox routes', () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 3 }).toISODate() as string;

  before(async () => {
    const smtpUrl = await smtp.start();
    const twilioUrl = await twilio.start();
    s = await startTestServer({
      env: {
        SMTP_URL: smtpUrl,
        MAIL_FROM: 'booking@example.test',
        MANAGER_EMAILS: 'manager@example.test',
        MANAGER_PHONES: '+33600000002',
        TWILIO_PHONE_NUMBER: '+33900000000',
        TWILIO_API_BASE_URL: twilioUrl,
      },
    });
    token = await s.login();
  });
  after(async () => {
    await s.close();
    await smtp.stop();
    await twilio.stop();
  });

  test('a booking through the public API: manager email, guest SMS and email, listed as sent', async () => {
    const r = await s.json('/api/reservations', {
      body: {
        customerName: 'Madame Httpcheck',
        phoneNumber: '+33655500077',
        partySize: 2,
        date,
        time: '19:30',
        source: 'website',
        email: 'guest@example.test',
        language: 'en',
      },
    });
    assert.equal(r.status, 201);
    const id = r.body.id ?? r.body.reservation?.id;
    const manager = await until('the manager email', () =>
      smtp.mails.find((m) => m.to.includes('manager@example.test') && m.text.includes('Httpcheck')),
    );
    assert.ok(manager.text.includes(`${s.base}/#/bookings?date=${date}&open=${id}`), 'the link points at this server');
    const guestMail = await until('the guest email', () => smtp.mails.find((m) => m.to.includes('guest@example.test')));
    assert.match(guestMail.text, /Your table is booked: 2 guests/);
    await until('the guest SMS', () => twilio.to('+33655500077')[0]);

    assert.equal((await s.json('/api/admin/outbox')).status, 401, 'staff only');
    const list = await until('all four sent', async () => {
      const res = await s.json(`/api/admin/outbox?reservationId=${id}`, { token });
      const items = res.body as Array<{ status: string }>;
      return items.length === 4 && items.every((e) => e.status === 'sent') ? items : undefined;
    });
    assert.deepEqual(list.map((e: any) => `${e.kind}:${e.to}`).sort(), [
      'email:guest@example.test',
      'email:manager@example.test',
      'sms:+33600000002',
      'sms:+33655500077',
    ]);
    assert.ok(list.every((e: any) => e.attempts === 1 && e.lastError === null));
  });

  test('POST /api/notifications/test reaches the managers; a bad address is refused', async () => {
    const r = await s.json('/api/notifications/test', { body: {}, token });
    assert.equal(r.status, 202);
    assert.deepEqual(r.body.queued.map((e: any) => e.kind).sort(), ['email', 'sms']);
    await until('the test email', () => smtp.mails.find((m) => /message de test/.test(m.text)));
    const bad = await s.json('/api/notifications/test', { body: { to: 'not-a-phone', channel: 'sms' }, token });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, 'invalid_input');
    assert.equal((await s.json('/api/notifications/test', { body: {} })).status, 401);
  });

  test("staff (not admins) send test messages only to the restaurant's own numbers and addresses", async () => {
    const waiter = { email: 'waiter@example.test', password: 'Waiter-Secret-2026' };
    const made = await s.json('/api/admin/users', { token, body: { ...waiter, name: 'Waiter', role: 'staff' } });
    assert.equal(made.status, 201);
    const staff = await s.login(waiter);
    const test = (to: string) => s.json('/api/notifications/test', { body: { to }, token: staff });
    for (const to of ['stranger@example.test', '+33611112222']) {
      const refused = await test(to);
      assert.equal(refused.status, 403, to);
      assert.equal(refused.body.error, 'forbidden');
      assert.equal(refused.body.field, 'to');
    }
    assert.equal((await test('Manager@example.test')).status, 202, 'a manager address');
    assert.equal((await test('+33600000002')).status, 202, 'a manager number');
    const restaurant = (await s.json('/api/settings')).body;
    assert.equal((await test(restaurant.phone.replace(/[^\d+]/g, ''))).status, 202, "the restaurant's own line");
    const before = (await s.app.ctx.store.listOutbox(1000)).filter((e) => e.to === 'stranger@example.test');
    assert.equal(before.length, 0, 'nothing queued for the refused address');
  });

  test('a failed message can be sent again once the cause is fixed', async () => {
    smtp.failing = true;
    try {
      const r = await s.json('/api/notifications/test', { body: { to: 'ops@example.test' }, token });
      const id = r.body.queued[0].id as string;
      // The server's policy retries for minutes; here the first refusal is enough to see it pending with the error.
      const pending = await until('the refusal recorded', async () => {
        const list = (await s.json('/api/admin/outbox?status=pending', { token })).body as Array<{
          id: string;
          lastError: string | null;
        }>;
        return list.find((e) => e.id === id && e.lastError);
      });
      assert.match(pending.lastError ?? '', /SMTP 451/);
      assert.equal(
        (await s.json(`/api/admin/outbox/${id}/retry`, { method: 'POST', token })).status,
        409,
        'only failed or not configured messages',
      );
    } finally {
      smtp.failing = false;
    }
    const entry = (await s.app.ctx.store.listOutbox(500)).find((e) => e.to === 'ops@example.test');
    assert.ok(entry);
    await s.app.ctx.store.updateOutbox({ ...entry, status: 'failed', leaseOwner: null, leaseUntil: null });
    const retried = await s.json(`/api/admin/outbox/${entry.id}/retry`, { method: 'POST', token });
    assert.equal(retried.status, 202);
    assert.equal(retried.body.status, 'pending');
    await until('the retried email', () => smtp.mails.find((m) => m.to.includes('ops@example.test')));
    assert.equal((await s.json('/api/admin/outbox/nope/retry', { method: 'POST', token })).status, 404);
  });

  test('POST /api/notifications/reminder/:id sends the reminder now', async () => {
    const r = await s.json('/api/reservations', {
      body: {
        customerName: 'Remindme',
        phoneNumber: '+33655500088',
        partySize: 2,
        date,
        time: '20:00',
        source: 'website',
      },
    });
    const id = r.body.id ?? r.body.reservation?.id;
    const q = await s.json(`/api/notifications/reminder/${id}`, { method: 'POST', token });
    assert.equal(q.status, 202);
    assert.equal(q.body.queued[0].purpose, 'reminder');
    const sms = await until('the reminder', () =>
      twilio.to('+33655500088').find((m) => /Répondez 1/.test(m.Body ?? '')),
    );
    assert.match(sms.Body ?? '', /20h/);
    assert.equal((await s.json('/api/notifications/reminder/nope', { method: 'POST', token })).status, 404);
  });
});
