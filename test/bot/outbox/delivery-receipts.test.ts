// Delivery receipts in the whole server: every SMS names /twilio/messaging/status as its status
// callback; Twilio's signed callbacks move the outbox entry to delivered or undelivered (with the
// error code and its meaning), an unsigned one is refused and changes nothing, and a guest's
// confirmation that did not arrive raises a staff alert on the booking.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { startTestServer, type TestServer } from '../../helpers/app';
import { twilioPost } from '../../adapters/adapter-harness';
import { SmtpSink, TwilioApiDouble, type TwilioMessage } from './fakes';
import { until } from '../../helpers/until';

const ACCOUNT = `AC${'0'.repeat(32)}`;

describe('delivery receipts', () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 4 }).toISODate() as string;

  before(async () => {
    const smtpUrl = await smtp.start();
    const twilioUrl = await twilio.start();
    s = await startTestServer({
      env: {
        SMTP_URL: smtpUrl,
        MAIL_FROM: 'booking@example.test',
        MANAGER_EMAILS: 'manager@example.test',
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

  /** Books through the public API and returns the guest's confirmation SMS as Twilio received it. */
  async function book(name: string, phone: string, time: string): Promise<{ id: string; sms: TwilioMessage }> {
    const r = await s.json('/api/reservations', {
      body: { customerName: name, phoneNumber: phone, partySize: 2, date, time, source: 'website', language: 'fr' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const sms = await until(`the SMS to ${phone}`, () => twilio.to(phone)[0]);
    return { id: r.body.id, sms };
  }

  async function entryOf(reservationId: string, to: string) {
    const list = await s.json(`/api/admin/outbox?reservationId=${reservationId}`, { token });
    return (list.body as any[]).find((e) => e.to === to && e.kind === 'sms');
  }

  const receipt = (sms: TwilioMessage, status: string, extra: Record<string, string> = {}) => ({
    AccountSid: ACCOUNT,
    ApiVersion: '2010-04-01',
    From: sms.From,
    To: sms.To,
    MessageSid: sms.sid,
    SmsSid: sms.sid,
    MessageStatus: status,
    SmsStatus: status,
    ...extra,
  });

  test('each send names the status callback; signed receipts move the entry to delivered', async () => {
    const { id, sms } = await book('Madame Recue', '+33655500101', '19:30');
    assert.equal(sms.StatusCallback, `${s.base}/twilio/messaging/status`);
    const sent = await until('the entry sent', async () => {
      const e = await entryOf(id, '+33655500101');
      return e?.status === 'sent' ? e : undefined;
    });
    assert.equal(sent.providerId, sms.sid);

    // Callbacks may come out of order: "delivered" before "sent" still ends delivered.
    for (const status of ['delivered', 'sent']) {
      const r = await twilioPost(s.base, '/twilio/messaging/status', receipt(sms, status));
      assert.equal(r.status, 200, r.text);
    }
    const e = await entryOf(id, '+33655500101');
    assert.equal(e.status, 'delivered');
    assert.deepEqual(
      e.steps.map((x: { status: string }) => x.status),
      ['delivered', 'sent'],
      'each step with its time',
    );
    assert.ok(e.steps.every((x: { at: string }) => !Number.isNaN(Date.parse(x.at))));
    assert.equal(e.deliveredAt, e.steps[0].at);
    assert.equal(e.errorCode, null);
  });

  test('undelivered with its code and meaning, and a staff alert on the booking', async () => {
    const { id, sms } = await book('Monsieur Injoignable', '+33655500102', '20:00');
    await until('the entry sent', async () => (await entryOf(id, '+33655500102'))?.status === 'sent');
    const r = await twilioPost(
      s.base,
      '/twilio/messaging/status',
      receipt(sms, 'undelivered', { ErrorCode: '30003', ErrorMessage: 'Unreachable destination handset' }),
    );
    assert.equal(r.status, 200, r.text);
    const e = await entryOf(id, '+33655500102');
    assert.equal(e.status, 'undelivered');
    assert.equal(e.errorCode, '30003');
    assert.match(e.errorMeaning.fr, /injoignable/i);
    assert.match(e.errorMeaning.en, /unreachable/i);
    assert.match(e.lastError, /30003/);

    const mail = await until('the staff alert', () =>
      smtp.mails.find((m) => /Injoignable/.test(m.text) && /non re/.test(m.text)),
    );
    assert.match(mail.text, /Message non reçu par Monsieur Injoignable/);
    assert.match(mail.text, /Téléphone injoignable/);
    assert.match(mail.text, new RegExp(`open=${id}`), 'links to the booking');
    // A second identical receipt (Twilio retries) raises no second alert.
    await twilioPost(s.base, '/twilio/messaging/status', receipt(sms, 'undelivered', { ErrorCode: '30003' }));
    const alerts = (await s.json(`/api/admin/outbox?reservationId=${id}`, { token })).body.filter(
      (x: { purpose: string }) => x.purpose === 'delivery_alert',
    );
    assert.equal(alerts.length, 1);
  });

  test('an unsigned or wrongly signed receipt is refused and changes nothing', async () => {
    const { id, sms } = await book('Madame Signee', '+33655500103', '20:30');
    await until('the entry sent', async () => (await entryOf(id, '+33655500103'))?.status === 'sent');
    const unsigned = await twilioPost(s.base, '/twilio/messaging/status', receipt(sms, 'failed'), { sign: false });
    assert.equal(unsigned.status, 403);
    assert.equal(JSON.parse(unsigned.text).error, 'forbidden');
    const forged = await twilioPost(s.base, '/twilio/messaging/status', receipt(sms, 'failed'), {
      token: 'not-the-auth-token',
    });
    assert.equal(forged.status, 403);
    const e = await entryOf(id, '+33655500103');
    assert.equal(e.status, 'sent');
    assert.deepEqual(e.steps, []);
  });

  test('a receipt for an unknown message, or without a status, is answered and harms nothing', async () => {
    const bad = await twilioPost(s.base, '/twilio/messaging/status', { AccountSid: ACCOUNT, MessageSid: 'SMnope' });
    assert.equal(bad.status, 400);
    const unknown = await twilioPost(s.base, '/twilio/messaging/status', {
      AccountSid: ACCOUNT,
      MessageSid: `SM${'f'.repeat(32)}`,
      MessageStatus: 'delivered',
    });
    assert.equal(unknown.status, 200);
  });
});
