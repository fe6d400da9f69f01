// The booking panel's "messages to this guest" over the whole server: a guest who texted
// "CANCEL" flagged by Twilio's Advanced Opt-Out (OptOutType=STOP), or whom Twilio refused with
// 21610, is shown as opted out and gets nothing more; a confirmation Twilio could not deliver is
// shown with its code and meaning.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { twilioPost } from '../adapters/adapter-harness';
import { SmtpSink, TwilioApiDouble } from '../bot/outbox/fakes';
import { startTestServer, type TestServer } from '../helpers/app';
import { until } from '../helpers/until';

const ACCOUNT = `AC${'0'.repeat(32)}`;
const OUR_NUMBER = '+33900000000';

describe("a booking's guest messaging: opt-outs and undelivered messages", () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 5 }).toISODate() as string;

  before(async () => {
    const smtpUrl = await smtp.start();
    const twilioUrl = await twilio.start();
    s = await startTestServer({
      env: {
        SMTP_URL: smtpUrl,
        MANAGER_EMAILS: 'manager@example.test',
        TWILIO_PHONE_NUMBER: OUR_NUMBER,
        TWILIO_API_BASE_URL: twilioUrl,
        TWILIO_ADVANCED_OPT_OUT: 'true',
      },
    });
    token = await s.login();
  });
  after(async () => {
    await s.close();
    await smtp.stop();
    await twilio.stop();
  });

  async function book(name: string, phone: string, time: string): Promise<string> {
    const r = await s.json('/api/reservations', {
      body: { customerName: name, phoneNumber: phone, partySize: 2, date, time, source: 'website', language: 'fr' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id;
  }
  const messaging = async (id: string) => (await s.json(`/api/admin/reservations/${id}/messaging`, { token })).body;
  const outbox = async (id: string) => (await s.json(`/api/admin/outbox?reservationId=${id}`, { token })).body as any[];

  test('"CANCEL" with OptOutType=STOP: recorded, shown on the booking, the reminder is not sent', async () => {
    const phone = '+33655500201';
    const id = await book('Madame Desabonnee', phone, '19:30');
    await until('the confirmation', () => twilio.to(phone)[0]);
    const r = await twilioPost(s.base, '/twilio/messaging', {
      AccountSid: ACCOUNT,
      MessageSid: `SM${'a'.repeat(32)}`,
      From: phone,
      To: OUR_NUMBER,
      Body: 'CANCEL',
      OptOutType: 'STOP',
      NumMedia: '0',
    });
    assert.equal(r.status, 200, r.text);
    assert.match(r.text, /<Response\/>/, 'nothing said back: Twilio confirms the opt-out itself');

    const m = await messaging(id);
    assert.equal(m.optOuts.length, 1);
    assert.equal(m.optOuts[0].channel, 'sms');
    assert.equal(m.optOuts[0].word, 'CANCEL');
    assert.ok(!Number.isNaN(Date.parse(m.optOuts[0].at)));
    const booking = (await s.json(`/api/admin/reservations/${id}`, { token })).body;
    assert.equal(booking.status, 'confirmed', 'an opt-out is not a cancellation');

    const sentBefore = twilio.to(phone).length;
    const reminder = await s.json(`/api/notifications/reminder/${id}`, { method: 'POST', token });
    assert.equal(reminder.status, 202, JSON.stringify(reminder.body));
    const entry = await until('the reminder settled', async () =>
      (await outbox(id)).find((e) => e.purpose === 'reminder' && e.status !== 'pending' && e.status !== 'sending'),
    );
    assert.equal(entry.status, 'suppressed');
    assert.equal(twilio.to(phone).length, sentBefore, 'nothing more went to Twilio');
  });

  test('Twilio refusing a send with 21610: the guest is recorded as opted out', async () => {
    const phone = '+33655500202';
    twilio.refuse.set(phone, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    const id = await book('Monsieur Stop', phone, '20:00');
    const entry = await until('the confirmation refused', async () =>
      (await outbox(id)).find((e) => e.kind === 'sms' && e.status === 'suppressed'),
    );
    assert.match(entry.lastError, /21610/);
    const m = await messaging(id);
    assert.deepEqual(
      m.optOuts.map((o: { channel: string; word: string }) => [o.channel, o.word]),
      [['sms', 'provider']],
    );
  });

  test('an undelivered confirmation is listed with its code, its meaning and its time', async () => {
    const phone = '+33655500203';
    const id = await book('Madame Injoignable', phone, '20:30');
    const sms = await until('the confirmation', () => twilio.to(phone)[0]);
    await until('the entry sent', async () => (await outbox(id)).find((e) => e.kind === 'sms')?.status === 'sent');
    assert.deepEqual((await messaging(id)).undelivered, []);
    const r = await twilioPost(s.base, '/twilio/messaging/status', {
      AccountSid: ACCOUNT,
      MessageSid: sms.sid,
      From: sms.From,
      To: sms.To,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    assert.equal(r.status, 200, r.text);
    const m = await messaging(id);
    assert.equal(m.undelivered.length, 1);
    assert.equal(m.undelivered[0].purpose, 'guest_confirmation');
    assert.equal(m.undelivered[0].errorCode, '30003');
    assert.match(m.undelivered[0].errorMeaning.fr, /injoignable/i);
    assert.ok(!Number.isNaN(Date.parse(m.undelivered[0].at)));
    assert.deepEqual(m.optOuts, []);
  });

  test('staff only', async () => {
    const id = await book('Monsieur Prive', '+33655500204', '21:00');
    assert.equal((await s.json(`/api/admin/reservations/${id}/messaging`)).status, 401);
  });
});
