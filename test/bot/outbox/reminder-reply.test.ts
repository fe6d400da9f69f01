// A reminder answered by SMS, through the whole server: the guest's "9" arrives on Twilio's
// messaging webhook, runs through the dialog tree, cancels the booking and frees the table;
// "1" confirms; STOP stops further messages on that channel.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { startTestServer, type TestServer } from '../../helpers/app';
import { sid, twilioPost, twimlTexts } from '../../adapters/adapter-harness';
import { TwilioApiDouble } from './fakes';
import { until } from '../../helpers/until';

const sms = (from: string, body: string) => ({
  MessageSid: sid('SM'),
  AccountSid: `AC${'0'.repeat(32)}`,
  From: from,
  To: '+33900000000',
  Body: body,
  NumMedia: '0',
});

describe('reminder replies over the messaging webhook', () => {
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 4 }).toISODate() as string;

  before(async () => {
    const twilioUrl = await twilio.start();
    s = await startTestServer({ env: { TWILIO_PHONE_NUMBER: '+33900000000', TWILIO_API_BASE_URL: twilioUrl } });
    token = await s.login();
  });
  after(async () => {
    await s.close();
    await twilio.stop();
  });

  async function bookAndRemind(phone: string, time: string): Promise<string> {
    const r = await s.json('/api/reservations', {
      body: { customerName: 'Lefebvre', phoneNumber: phone, partySize: 6, date, time, source: 'sms' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const q = await s.json(`/api/notifications/reminder/${r.body.id}`, { method: 'POST', token });
    assert.equal(q.status, 202, JSON.stringify(q.body));
    await until('the reminder SMS', () =>
      twilio.to(phone).find((m) => /Répondez 1 pour confirmer ou 9 pour annuler/.test(m.Body ?? '')),
    );
    return r.body.id as string;
  }

  test('9 cancels the booking and frees the table; 1 confirms', async () => {
    const phone = '+33655501234';
    const id = await bookAndRemind(phone, '20:00');
    const reply = await twilioPost(s.base, '/twilio/messaging', sms(phone, '9'));
    assert.equal(reply.status, 200);
    assert.match(twimlTexts(reply.text, 'Message').join(' '), /votre réservation du .* 20h est annulée/);
    const r = await s.json(`/api/admin/reservations/${id}`, { token });
    assert.equal(r.body.status, 'cancelled');
    assert.deepEqual(await s.app.ctx.store.claimsOf(id), [], 'the table-slots are released');

    const other = '+33655505678';
    const kept = await bookAndRemind(other, '20:00');
    const yes = await twilioPost(s.base, '/twilio/messaging', sms(other, '1'));
    assert.match(twimlTexts(yes.text, 'Message').join(' '), /Merci Lefebvre/);
    assert.equal((await s.json(`/api/admin/reservations/${kept}`, { token })).body.status, 'confirmed');
  });

  test('STOP: nothing more is sent on SMS to that guest', async () => {
    const phone = '+33655509999';
    const id = await bookAndRemind(phone, '12:30');
    const count = twilio.to(phone).length;
    await twilioPost(s.base, '/twilio/messaging', sms(phone, 'STOP'));
    const q = await s.json(`/api/notifications/reminder/${id}`, { method: 'POST', token });
    assert.equal(q.status, 202);
    const entry = await until('the entry suppressed', async () => {
      const list = (await s.json(`/api/admin/outbox?reservationId=${id}`, { token })).body as Array<{
        id: string;
        status: string;
      }>;
      return list.find((e) => e.id === q.body.queued[0].id && e.status === 'suppressed');
    });
    assert.ok(entry);
    assert.equal(twilio.to(phone).length, count, 'Twilio was not asked to send');
  });
});
