// The restaurant cannot be made to text numbers nobody should text: over HTTP, on the whole
// server, a premium-rate number is refused, a number outside SMS_COUNTRIES and a landline are
// booked but their SMS is withheld (the outbox says why), a mobile nearby is texted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { startTestServer, type TestServer } from '../../helpers/app';
import { SmtpSink, TwilioApiDouble } from '../outbox/fakes';
import { until } from '../../helpers/until';

describe('texting only numbers that should be texted', () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 3 }).toISODate() as string;
  const book = (phoneNumber: string, time: string, email?: string, customerName = 'Alex Guest') =>
    s.json('/api/reservations', {
      body: { customerName, phoneNumber, partySize: 2, date, time, ...(email ? { email } : {}) },
    });
  const outboxOf = async (reservationId: string) =>
    (await s.json(`/api/admin/outbox?reservationId=${reservationId}`, { token })).body as Array<{
      kind: string;
      to: string;
      status: string;
      lastError: string | null;
      purpose: string;
    }>;
  const guestSms = async (reservationId: string) =>
    until('the guest SMS entry', async () =>
      (await outboxOf(reservationId)).find((e) => e.kind === 'sms' && e.purpose === 'guest_confirmation'),
    );

  before(async () => {
    s = await startTestServer({
      env: {
        SMTP_URL: await smtp.start(),
        MAIL_FROM: 'booking@example.test',
        TWILIO_PHONE_NUMBER: '+33900000000',
        TWILIO_API_BASE_URL: await twilio.start(),
      },
    });
    token = await s.login();
  });
  after(async () => {
    await s.close();
    await smtp.stop();
    await twilio.stop();
  });

  test('a premium-rate number is refused with invalid_phone, and nothing is booked or queued', async () => {
    const before = (await s.json('/api/admin/outbox', { token })).body.length;
    const r = await book('+33 8 99 12 34 56', '19:00', 'premium@example.test');
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'invalid_phone');
    assert.equal(r.body.field, 'phoneNumber');
    const list = (await s.json(`/api/admin/reservations?date=${date}`, { token })).body;
    const rows = Array.isArray(list) ? list : list.reservations;
    assert.ok(!rows.some((x: { customerPhone: string }) => x.customerPhone === '+33899123456'));
    assert.equal((await s.json('/api/admin/outbox', { token })).body.length, before);
  });

  test('a number outside SMS_COUNTRIES is booked, confirmed by email, its SMS withheld with the reason', async () => {
    const r = await book('+1 212 555 0142', '19:15', 'ny@example.test');
    assert.equal(r.status, 201);
    assert.equal(r.body.status, 'confirmed');
    const sms = await guestSms(r.body.id);
    assert.equal(sms.status, 'withheld');
    assert.match(sms.lastError ?? '', /US is not in SMS_COUNTRIES/);
    await until('the guest email', () => smtp.mails.find((m) => m.to.includes('ny@example.test')));
    assert.equal(twilio.to('+12125550142').length, 0);
  });

  test('a landline typed on the web gets no SMS; a mobile in a neighbouring country does', async () => {
    const landline = await book('01 40 00 00 00', '19:30');
    assert.equal(landline.status, 201);
    const withheld = await guestSms(landline.body.id);
    assert.equal(withheld.status, 'withheld');
    assert.match(withheld.lastError ?? '', /landline/);

    const german = await book('+49 151 12345678', '19:45');
    assert.equal(german.status, 201);
    await until('the SMS to Germany', () => twilio.to('+4915112345678')[0]);
    await until('the German SMS recorded as sent', async () =>
      (await outboxOf(german.body.id)).find((e) => e.kind === 'sms' && e.status === 'sent'),
    );
    assert.equal(twilio.to('+33140000000').length, 0);
  });

  test('a name with a link and a direction override never reaches the SMS as typed', async () => {
    const name = 'Zoé \u202Etxet.live\u202C https://win.example/prize';
    const r = await book('+33 6 98 76 54 32', '20:15', 'zoe@example.test', name);
    assert.equal(r.status, 201);
    assert.equal(r.body.customerName, 'Zoé txet.live https://win.example/prize', 'stored as typed, minus the override');
    const sms = await until('the SMS', () => twilio.to('+33698765432')[0]);
    const body = sms.Body ?? '';
    assert.match(body, /Zoé/);
    for (const bad of ['\u202E', '\u202C', 'http', 'win.example', 'txet.live'])
      assert.ok(!body.includes(bad), `${JSON.stringify(bad)} in ${body}`);
    const mail = await until('the email', () => smtp.mails.find((m) => m.to.includes('zoe@example.test')));
    assert.ok(!mail.text.includes('win.example') && !mail.text.includes('\u202E'), mail.text);
  });
});
