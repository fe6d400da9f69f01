// A WhatsApp reminder over the whole server: sent as the quick-reply template (ContentSid and
// ContentVariables) when one is set; the guest's tap comes back with ButtonPayload "9" (Body
// holds the button's words) and cancels the booking like a typed 9; "1" confirms it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { twilioPost, twimlTexts } from '../adapters/adapter-harness';
import { TwilioApiDouble } from './outbox/fakes';
import { startTestServer, type TestServer } from '../helpers/app';
import { until } from '../helpers/until';

const ACCOUNT = `AC${'0'.repeat(32)}`;
const WHATSAPP = '+33900000009';
const TEMPLATE = `HX${'ab'.repeat(16)}`;

describe('WhatsApp reminder with quick-reply buttons', () => {
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 3 }).toISODate() as string;

  before(async () => {
    s = await startTestServer({
      env: {
        TWILIO_PHONE_NUMBER: '+33900000000',
        TWILIO_WHATSAPP_NUMBER: WHATSAPP,
        TWILIO_API_BASE_URL: await twilio.start(),
        WHATSAPP_TEMPLATES: JSON.stringify({ 'reminder:fr': TEMPLATE, 'reminder:en': TEMPLATE }),
      },
    });
    token = await s.login();
  });
  after(async () => {
    await s.close();
    await twilio.stop();
  });

  async function bookAndRemind(name: string, phone: string, time: string, language: string) {
    const r = await s.json('/api/reservations', {
      body: { customerName: name, phoneNumber: phone, partySize: 2, date, time, source: 'whatsapp', language },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const sent = await s.json(`/api/notifications/reminder/${r.body.id}`, { method: 'POST', token });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    const reminder = await until('the reminder', () => twilio.to(phone).find((m) => m.ContentSid));
    await until('the reminder recorded as sent', async () => {
      const list = (await s.json(`/api/admin/outbox?reservationId=${r.body.id}`, { token })).body as any[];
      return list.find((e) => e.purpose === 'reminder')?.status === 'sent';
    });
    return { id: r.body.id as string, reminder };
  }

  const tap = (phone: string, payload: string, text: string) =>
    twilioPost(s.base, '/twilio/messaging', {
      AccountSid: ACCOUNT,
      MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
      From: `whatsapp:${phone}`,
      To: `whatsapp:${WHATSAPP}`,
      Body: text,
      ButtonText: text,
      ButtonPayload: payload,
      ProfileName: 'Anne',
      NumMedia: '0',
    });

  test('"J\'annule" (payload 9) cancels the booking', async () => {
    const phone = '+33655500501';
    const { id, reminder } = await bookAndRemind('Anne Bouton', phone, '19:30', 'fr');
    assert.equal(reminder.ContentSid, TEMPLATE);
    assert.equal(reminder.From, `whatsapp:${WHATSAPP}`);
    const vars = JSON.parse(reminder.ContentVariables ?? '{}');
    assert.equal(vars['2'], 'Anne Bouton');
    assert.equal(vars['4'], '19h30');
    const r = await tap(phone, '9', "J'annule");
    assert.equal(r.status, 200, r.text);
    assert.match(
      twimlTexts(r.text, 'Message').join(' '),
      /C'est fait : votre réservation du .* est annulée\. Merci de nous avoir prévenus\.$/,
    );
    const booking = (await s.json(`/api/admin/reservations/${id}`, { token })).body;
    assert.equal(booking.status, 'cancelled');
  });

  test('"I confirm" (payload 1) confirms it', async () => {
    const phone = '+447400123458';
    const { id } = await bookAndRemind('Tom Button', phone, '20:00', 'en');
    const r = await tap(phone, '1', 'I confirm');
    assert.match(twimlTexts(r.text, 'Message').join(' '), /Thank you Tom Button, noted/);
    const booking = (await s.json(`/api/admin/reservations/${id}`, { token })).body;
    assert.equal(booking.status, 'confirmed');
  });
});
