// What one sender can make the restaurant do, over HTTP on the whole server: a number that has
// never written gets at most the daily cap of messages however often its bookings change;
// one phone number or email holds at most 3 bookings to come; one client address books at
// most so many an hour over the API and the web chat together; past the hourly SMS budget,
// messages wait (and go out later) and staff get one alert.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { sid, twilioPost } from '../../adapters/adapter-harness';
import { manualClock, startTestServer, type TestServer } from '../../helpers/app';
import { SmtpSink, TwilioApiDouble } from '../outbox/fakes';
import { until } from '../../helpers/until';

interface Entry {
  kind: string;
  to: string;
  status: string;
  lastError: string | null;
  purpose: string;
}

const dayAfter = (days: number, from = new Date()) =>
  DateTime.fromJSDate(from).setZone('Europe/Paris').plus({ days }).toISODate() as string;

function client(s: TestServer) {
  let token = '';
  return {
    async login() {
      token = await s.login();
    },
    book: (phoneNumber: string, date: string, time: string, email?: string) =>
      s.json('/api/reservations', {
        body: { customerName: 'Alex Guest', phoneNumber, partySize: 2, date, time, ...(email ? { email } : {}) },
      }),
    outbox: async () => (await s.json('/api/admin/outbox?limit=1000', { token })).body as Entry[],
    reservations: async (date: string) => {
      const list = (await s.json(`/api/admin/reservations?date=${date}`, { token })).body;
      return (Array.isArray(list) ? list : list.reservations) as Array<{ customerPhone: string; status: string }>;
    },
  };
}

/** A web chat guest who books through the conversation; returns everything the bot said. */
async function chatBooking(s: TestServer, request: string, phone: string): Promise<string[]> {
  const open = await s.json('/webchat/api/conversations', { body: { locale: 'fr-FR' } });
  assert.equal(open.status, 201);
  const heard: string[] = [];
  for (const [i, text] of [request, phone, 'oui'].entries()) {
    const r = await s.json('/webchat/api/messages', {
      body: { conversationId: open.body.conversationId, text, clientMessageId: `caps-${i}` },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const said = (r.body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'bot');
    heard.push(...said.map((m) => m.text));
    if (said.some((m) => /plusieurs réservations à venir|trop de réservations/i.test(m.text))) break;
  }
  return heard;
}

describe('caps on what one sender can make the restaurant do', () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let api: ReturnType<typeof client>;

  before(async () => {
    s = await startTestServer({
      env: {
        SMTP_URL: await smtp.start(),
        MAIL_FROM: 'booking@example.test',
        TWILIO_PHONE_NUMBER: '+33900000000',
        TWILIO_API_BASE_URL: await twilio.start(),
        // The per-address limit has its own test below: here many bookings come from one address.
        BOOKINGS_PER_ADDRESS_PER_HOUR: '1000',
      },
    });
    api = client(s);
    await api.login();
  });
  after(async () => {
    await s.close();
    await smtp.stop();
    await twilio.stop();
  });

  test('ten book-change-cancel cycles for one number text it at most 5 times; the rest are withheld', async () => {
    const number = '+33611223344';
    const date = dayAfter(4);
    for (let i = 0; i < 10; i++) {
      const booked = await api.book('06 11 22 33 44', date, '19:00');
      assert.equal(booked.status, 201, JSON.stringify(booked.body));
      const auth = { Authorization: `Bearer ${booked.body.manageToken}` };
      const moved = await s.json(`/api/reservations/${booked.body.id}`, {
        method: 'PUT',
        body: { time: '20:00' },
        headers: auth,
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(
        (await s.json(`/api/reservations/${booked.body.id}`, { method: 'DELETE', headers: auth })).status,
        200,
      );
    }
    const settled = await until('every message to the number sent or withheld', async () => {
      const mine = (await api.outbox()).filter((e) => e.to === number);
      return mine.length === 30 && mine.every((e) => e.status !== 'pending') ? mine : undefined;
    });
    assert.equal(twilio.to(number).length, 5, 'the daily cap of messages reached the phone');
    assert.equal(settled.filter((e) => e.status === 'sent' || e.status === 'delivered').length, 5);
    const withheld = settled.filter((e) => e.status === 'withheld');
    assert.equal(withheld.length, 25);
    for (const e of withheld) assert.match(e.lastError ?? '', /never written to the restaurant/);
  });

  test('a number that has written to the restaurant by SMS is not capped', async () => {
    const number = '+33622334455';
    const wrote = await twilioPost(s.base, '/twilio/messaging', {
      MessageSid: sid('SM'),
      AccountSid: `AC${'0'.repeat(32)}`,
      From: number,
      To: '+33900000000',
      Body: 'Bonjour, quels sont vos horaires ?',
      NumMedia: '0',
    });
    assert.equal(wrote.status, 200);
    const date = dayAfter(5);
    for (let i = 0; i < 4; i++) {
      const booked = await api.book(number, date, '19:00');
      assert.equal(booked.status, 201, JSON.stringify(booked.body));
      const auth = { Authorization: `Bearer ${booked.body.manageToken}` };
      assert.equal(
        (await s.json(`/api/reservations/${booked.body.id}`, { method: 'DELETE', headers: auth })).status,
        200,
      );
    }
    await until('eight messages to the guest who wrote', () => (twilio.to(number).length >= 8 ? true : undefined));
  });

  test('a fourth booking to come for one phone number is refused with 429 too_many, and nothing is made', async () => {
    const date = dayAfter(6);
    for (const time of ['19:00', '19:30', '20:00'])
      assert.equal((await api.book('+33 6 33 44 55 66', date, time)).status, 201);
    const before = (await api.reservations(date)).length;
    const fourth = await api.book('+33633445566', date, '20:30');
    assert.equal(fourth.status, 429);
    assert.equal(fourth.body.error, 'too_many');
    assert.equal(fourth.body.field, 'phoneNumber');
    assert.match(fourth.body.message, /already has 3 bookings to come/);
    assert.equal((await api.reservations(date)).length, before, 'nothing was booked');
  });

  test('and for one email, whatever its case, from several numbers', async () => {
    const date = dayAfter(7);
    const phones = ['+33644556601', '+33644556602', '+33644556603'];
    for (const [i, phone] of phones.entries())
      assert.equal((await api.book(phone, date, '19:00', i ? 'Same@Example.test' : 'same@example.test')).status, 201);
    const fourth = await api.book('+33644556604', date, '19:00', 'SAME@example.test');
    assert.equal(fourth.status, 429);
    assert.equal(fourth.body.error, 'too_many');
    assert.equal(fourth.body.field, 'email');
  });

  test('in the web chat, the guest with 3 bookings to come is told so politely, and nothing is held', async () => {
    const date = dayAfter(8);
    for (const time of ['19:00', '19:30', '20:00'])
      assert.equal((await api.book('+33655667788', date, time)).status, 201);
    const d = DateTime.fromISO(date).setLocale('fr');
    const heard = await chatBooking(
      s,
      `Une table pour 2 le ${d.toFormat('d MMMM')} à 21h au nom de Durand`,
      '06 55 66 77 88',
    );
    assert.ok(
      heard.some((t) => t.includes('Vous avez déjà plusieurs réservations à venir chez nous')),
      heard.join(' | '),
    );
    const rows = (await api.reservations(date)).filter((r) => r.customerPhone === '+33655667788');
    assert.equal(rows.length, 3);
  });
});

describe('bookings per client address, public API and web chat together', () => {
  const clock = manualClock(new Date());
  let s: TestServer;
  let api: ReturnType<typeof client>;
  before(async () => {
    s = await startTestServer({ clock, env: { BOOKINGS_PER_ADDRESS_PER_HOUR: '3' } });
    api = client(s);
    await api.login();
  });
  after(() => s.close());

  test('past the hourly count: 429 too_many on the API, a polite no in the chat; an hour on, it books', async () => {
    const date = dayAfter(9, clock());
    assert.equal((await api.book('+33612340001', date, '19:00')).status, 201);
    assert.equal((await api.book('+33612340002', date, '19:00')).status, 201);
    const d = DateTime.fromISO(date).setLocale('fr');
    const chat = await chatBooking(
      s,
      `Une table pour 2 le ${d.toFormat('d MMMM')} à 20h au nom de Leroy`,
      '06 12 34 00 03',
    );
    assert.ok(
      chat.some((t) => /confirm/i.test(t)),
      chat.join(' | '),
    );
    const refused = await api.book('+33612340004', date, '19:30');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error, 'too_many');
    const chatRefused = await chatBooking(
      s,
      `Une table pour 2 le ${d.toFormat('d MMMM')} à 20h30 au nom de Roux`,
      '06 12 34 00 05',
    );
    assert.ok(
      chatRefused.some((t) => /trop de réservations ont été faites d.ici dans la dernière heure/.test(t)),
      chatRefused.join(' | '),
    );
    assert.ok(!(await api.reservations(date)).some((r) => r.customerPhone === '+33612340005'));
    clock.advance(61);
    assert.equal((await api.book('+33612340004', date, '19:30')).status, 201);
  });
});

describe('the hourly SMS budget', () => {
  const clock = manualClock(new Date());
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let s: TestServer;
  let api: ReturnType<typeof client>;
  before(async () => {
    s = await startTestServer({
      clock,
      env: {
        SMTP_URL: await smtp.start(),
        MAIL_FROM: 'booking@example.test',
        MANAGER_EMAILS: 'manager@example.test',
        TWILIO_PHONE_NUMBER: '+33900000000',
        TWILIO_API_BASE_URL: await twilio.start(),
        SMS_PER_HOUR: '2',
      },
    });
    api = client(s);
    await api.login();
  });
  after(async () => {
    await s.close();
    await smtp.stop();
    await twilio.stop();
  });

  test('past it, SMS wait with the reason, staff get one alert, the SMS go out when the hour frees up', async () => {
    const date = dayAfter(10, clock());
    const phones = ['+33677000001', '+33677000002', '+33677000003', '+33677000004'];
    for (const phone of phones) assert.equal((await api.book(phone, date, '19:00')).status, 201);
    const waiting = await until('two SMS waiting for the budget', async () => {
      const sms = (await api.outbox()).filter((e) => e.kind === 'sms' && phones.includes(e.to));
      const held = sms.filter((e) => e.status === 'pending' && /SMS_PER_HOUR/.test(e.lastError ?? ''));
      return sms.length === 4 && held.length === 2 ? held : undefined;
    });
    assert.match(waiting[0].lastError ?? '', /the 2 SMS of the last hour are used up/);
    assert.equal(twilio.messages.length, 2);
    const alert = await until('the staff alert', () =>
      smtp.mails.find((m) => m.to.includes('manager@example.test') && /SMS/.test(m.text) && /heure/.test(m.text)),
    );
    assert.match(alert.text, /aucun n'est perdu/);

    clock.advance(61);
    await until('the waiting SMS sent', () => (twilio.messages.length === 4 ? true : undefined));
    const budgetAlerts = (await api.outbox()).filter((e) => e.purpose === 'sms_budget_alert');
    assert.equal(budgetAlerts.length, 1, 'one alert');
  });
});
