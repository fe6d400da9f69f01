// Which sender each SMS goes from, over the whole server and Twilio's REST API (a local double):
// with an alphanumeric sender set, a confirmation goes from it (and says to call, since nobody
// can answer it) while a reminder asking for 1 or 9 goes from the number; every send names the
// Messaging Service; a guest writing to any number of that service is answered; an undelivered
// reminder raises a staff alert.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { twilioPost } from '../../adapters/adapter-harness';
import { startTestServer, type TestServer } from '../../helpers/app';
import { SmtpSink, TwilioApiDouble } from './fakes';
import { until } from '../../helpers/until';

const ACCOUNT = `AC${'0'.repeat(32)}`;
const SERVICE = `MG${'1'.repeat(32)}`;
const NUMBER = '+33900000000';

describe('SMS senders: Messaging Service, alphanumeric sender, number', () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 6 }).toISODate() as string;

  before(async () => {
    const smtpUrl = await smtp.start();
    const twilioUrl = await twilio.start();
    s = await startTestServer({
      env: {
        SMTP_URL: smtpUrl,
        MANAGER_EMAILS: 'manager@example.test',
        TWILIO_PHONE_NUMBER: NUMBER,
        TWILIO_MESSAGING_SERVICE_SID: SERVICE,
        TWILIO_SMS_SENDER_ID: 'PetitBistro',
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

  async function book(name: string, phone: string, time: string, language = 'fr'): Promise<string> {
    const r = await s.json('/api/reservations', {
      body: { customerName: name, phoneNumber: phone, partySize: 2, date, time, source: 'website', language },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id;
  }

  test('a confirmation goes from the alphanumeric sender, a reminder from the number', async () => {
    const phone = '+33655500301';
    const id = await book('Madame Alpha', phone, '19:30');
    const confirmation = await until('the confirmation', () => twilio.to(phone)[0]);
    assert.equal(confirmation.From, 'PetitBistro');
    assert.equal(confirmation.MessagingServiceSid, SERVICE);
    assert.match(confirmation.Body ?? '', /Pour modifier ou annuler votre réservation, appelez le /);
    assert.doesNotMatch(confirmation.Body ?? '', /écrivez-nous ici/, 'nobody can answer an alphanumeric sender');

    const r = await s.json(`/api/notifications/reminder/${id}`, { method: 'POST', token });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const reminder = await until('the reminder', () => twilio.to(phone)[1]);
    assert.match(reminder.Body ?? '', /Répondez 1 pour confirmer ou 9 pour annuler/);
    assert.equal(reminder.From, NUMBER, 'a text that asks for an answer goes from a number');
    assert.equal(reminder.MessagingServiceSid, SERVICE);
  });

  test('an English confirmation from the alphanumeric sender says to call too', async () => {
    const phone = '+447400123456';
    await book('Mr Alpha', phone, '20:00', 'en');
    const confirmation = await until('the confirmation', () => twilio.to(phone)[0]);
    assert.equal(confirmation.From, 'PetitBistro');
    assert.match(confirmation.Body ?? '', /To change or cancel your booking, call /);
  });

  test('an undelivered reminder raises a staff alert on the booking', async () => {
    const phone = '+33655500302';
    const id = await book('Monsieur Rappel', phone, '20:30');
    await until('the confirmation', () => twilio.to(phone)[0]);
    await s.json(`/api/notifications/reminder/${id}`, { method: 'POST', token });
    const reminder = await until('the reminder', () => twilio.to(phone)[1]);
    await until('the reminder recorded as sent', async () => {
      const list = (await s.json(`/api/admin/outbox?reservationId=${id}`, { token })).body as any[];
      return list.find((e) => e.purpose === 'reminder')?.status === 'sent';
    });
    const r = await twilioPost(s.base, '/twilio/messaging/status', {
      AccountSid: ACCOUNT,
      MessageSid: reminder.sid,
      From: reminder.From,
      To: reminder.To,
      MessageStatus: 'undelivered',
      ErrorCode: '30007',
    });
    assert.equal(r.status, 200, r.text);
    const mail = await until('the staff alert', () =>
      smtp.mails.find((m) => /Message non re/.test(m.text) && /Monsieur Rappel/.test(m.text)),
    );
    assert.match(mail.text, /Le rappel de Monsieur Rappel/);
    assert.match(mail.text, /filtré par l'opérateur/);
    const messaging = (await s.json(`/api/admin/reservations/${id}/messaging`, { token })).body;
    assert.equal(messaging.undelivered[0].purpose, 'reminder');
    assert.equal(messaging.undelivered[0].errorCode, '30007');
  });

  test("a guest writing to another number of the Messaging Service is answered; elsewhere it's 404", async () => {
    const inbound = (to: string, extra: Record<string, string>) =>
      twilioPost(s.base, '/twilio/messaging', {
        AccountSid: ACCOUNT,
        MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
        From: '+33655500303',
        To: to,
        Body: 'bonjour',
        NumMedia: '0',
        ...extra,
      });
    const pooled = await inbound('+33900000077', { MessagingServiceSid: SERVICE });
    assert.equal(pooled.status, 200, pooled.text);
    assert.match(pooled.text, /<Message>/);
    const stranger = await inbound('+33900000078', {});
    assert.equal(stranger.status, 404);
    const otherService = await inbound('+33900000079', { MessagingServiceSid: `MG${'2'.repeat(32)}` });
    assert.equal(otherService.status, 404);
  });
});
