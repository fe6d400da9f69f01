// The outbox end to end: a booking's messages over real SMTP and Twilio's Messages API
// (loopback doubles), retries with backoff, reminders on an injected clock, 1 / 9 answers,
// opt-outs, and two workers on one store.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { answerReminder, pendingReminderFor, StoreOptOuts, testMessage } from '../../../booking-core/notifications';
import { ACCOUNT_SID, manualClock, SmtpSink, TwilioApiDouble } from './fakes';
import { flush, MANAGER_EMAIL, MANAGER_PHONE, notificationsConfig, rig, seededStore } from './harness';

const GUEST = '+33612345678';
// Tuesday 1 December 2026, 10:00 in Paris; the booking is Friday 4 December at 19:30 (18:30Z).
const NOW = '2026-12-01T09:00:00.000Z';
const booking = (
  over: Partial<{
    customerName: string;
    customerPhone: string;
    channel: 'sms' | 'whatsapp' | 'website' | 'voice';
    customerEmail: string;
    time: string;
    language: 'fr' | 'en';
  }> = {},
) => ({
  customerName: 'Dupont',
  customerPhone: GUEST,
  partySize: 4,
  date: '2026-12-04',
  time: '19:30',
  channel: 'sms' as const,
  language: 'fr' as const,
  ...over,
});

describe('outbox', () => {
  const smtp = new SmtpSink();
  const twilio = new TwilioApiDouble();
  let smtpUrl = '';
  let twilioUrl = '';
  before(async () => {
    smtpUrl = await smtp.start();
    twilioUrl = await twilio.start();
  });
  after(async () => {
    await smtp.stop();
    await twilio.stop();
  });

  test('a booking by SMS: manager email over SMTP, manager SMS and guest SMS, all sent', async () => {
    const clock = manualClock(NOW);
    const r = await rig(clock, notificationsConfig({ smtpUrl, twilioUrl }));
    try {
      const { reservation } = await r.bookings.book(booking({ customerName: 'Madame Smsbook' }));
      await flush(r);
      const mail = smtp.mails.find((m) => m.raw.includes('Smsbook'));
      assert.ok(mail, 'the manager email arrived over SMTP');
      assert.deepEqual(mail.to, [MANAGER_EMAIL]);
      assert.match(
        mail.text,
        /Subject: Nouvelle réservation : Madame Smsbook, 4 personnes, vendredi 4 décembre à 19h30/,
      );
      assert.match(mail.text, /From: .*booking@example\.test/);
      assert.match(mail.text, /Couverts : 4/);
      assert.ok(
        mail.text.includes(`#/bookings?date=2026-12-04&open=${reservation.id}`),
        'links to the booking in the dashboard',
      );
      const guestSms = twilio.to(GUEST);
      assert.equal(guestSms.length, 1);
      assert.equal(guestSms[0].accountSid, ACCOUNT_SID);
      assert.equal(guestSms[0].From, '+33900000000');
      assert.match(guestSms[0].Body ?? '', /Dupont|Smsbook/);
      assert.match(guestSms[0].Body ?? '', /vendredi 4 décembre à 19h30/);
      assert.equal(twilio.to(MANAGER_PHONE).length, 1);
      const entries = (await r.store.listOutbox(50)).filter((e) => e.reservationId === reservation.id);
      assert.equal(entries.length, 3);
      for (const e of entries) {
        assert.equal(e.status, 'sent', `${e.kind} to ${e.to}: ${e.lastError}`);
        assert.equal(e.attempts, 1);
        assert.equal(e.leaseOwner, null);
      }
      assert.ok(entries.find((e) => e.kind === 'sms' && e.to === GUEST)?.meta.providerId?.startsWith('SM'));
    } finally {
      await r.close();
    }
  });

  test('SMTP failing: retries with backoff, then failed with the error; the booking stands; later mail', async () => {
    const clock = manualClock(NOW);
    const r = await rig(clock, notificationsConfig({ smtpUrl, twilioUrl }));
    smtp.failing = true;
    try {
      const { reservation: first } = await r.bookings.book(
        booking({ customerName: 'Failfirst', customerPhone: '+33611111111' }),
      );
      await flush(r);
      const emailOf = async (id: string) =>
        (await r.store.listOutbox(100)).find((e) => e.reservationId === id && e.kind === 'email');
      let e = await emailOf(first.id);
      assert.equal(e?.status, 'pending');
      assert.equal(e?.attempts, 1);
      assert.match(e?.lastError ?? '', /451/);
      assert.equal(
        new Date(e?.nextAttemptAt ?? 0).getTime() - clock().getTime(),
        1000,
        'first retry after the base delay',
      );
      await r.n.worker.drain();
      assert.equal((await emailOf(first.id))?.attempts, 1, 'not retried before its time');
      clock.advance(1000);
      await r.n.worker.drain();
      e = await emailOf(first.id);
      assert.equal(e?.attempts, 2);
      assert.equal(new Date(e?.nextAttemptAt ?? 0).getTime() - clock().getTime(), 2000, 'the delay doubles');
      clock.advance(2000);
      await r.n.worker.drain();
      e = await emailOf(first.id);
      assert.equal(e?.status, 'failed');
      assert.equal(e?.attempts, 3);
      assert.match(e?.lastError ?? '', /SMTP 451/);
      assert.equal((await r.bookings.get(first.id))?.status, 'confirmed', 'the booking is unaffected');
      assert.equal(twilio.to('+33611111111').length, 1, 'the SMS went out all the same');

      const { reservation: second } = await r.bookings.book(
        booking({ customerName: 'Waitforit', customerPhone: '+33622222222', time: '20:00' }),
      );
      await flush(r);
      assert.equal((await emailOf(second.id))?.status, 'pending');
      smtp.failing = false;
      clock.advance(1000);
      await r.n.worker.drain();
      clock.advance(60_000);
      await r.n.worker.drain();
      assert.equal((await emailOf(second.id))?.status, 'sent');
      assert.equal(smtp.mails.filter((m) => m.raw.includes('Waitforit')).length, 1, 'sent once');
      assert.equal(smtp.mails.filter((m) => m.raw.includes('Failfirst')).length, 0, 'a failed entry stays failed');
    } finally {
      smtp.failing = false;
      await r.close();
    }
  });

  test('a reminder goes out at its time; 9 cancels and frees the table', async () => {
    const clock = manualClock(NOW);
    const r = await rig(clock, notificationsConfig({ smtpUrl, twilioUrl }));
    const phone = '+33633333333';
    try {
      const { reservation } = await r.bookings.book(booking({ customerPhone: phone }));
      await flush(r);
      assert.ok((await r.store.claimsOf(reservation.id)).length > 0);
      clock.set('2026-12-03T08:59:00.000Z');
      assert.equal((await r.n.scheduler.tick()).length, 0, 'not before 10:00 the day before');
      clock.set('2026-12-03T09:00:00.000Z');
      const queued = await r.n.scheduler.tick();
      assert.equal(queued.length, 1);
      assert.equal((await r.n.scheduler.tick()).length, 0, 'queued once');
      await r.n.worker.drain();
      const reminder = twilio.to(phone).at(-1);
      assert.match(
        reminder?.Body ?? '',
        /rappel.*vendredi 4 décembre à 19h30.*Répondez 1 pour confirmer ou 9 pour annuler/,
      );
      assert.equal((await pendingReminderFor(r.store, phone))?.reservationId, reservation.id);

      assert.deepEqual(
        await answerReminder(r.bookings, r.store, phone, 'bonjour'),
        { handled: false },
        'other words are ordinary turns',
      );
      assert.deepEqual(
        await answerReminder(r.bookings, r.store, phone, '9', 'voice'),
        { handled: false },
        'a "9" said in a call is not the answer to an SMS',
      );
      const answer = await answerReminder(r.bookings, r.store, phone, '9', 'sms');
      assert.equal(answer.handled && answer.action, 'cancelled');
      assert.match(answer.handled ? answer.reply : '', /annulée/);
      assert.equal((await r.bookings.get(reservation.id))?.status, 'cancelled');
      assert.deepEqual(await r.store.claimsOf(reservation.id), [], 'the table is free');
      const avail = await r.bookings.availability('2026-12-04', 4);
      assert.ok(avail.slots.some((s) => s.time === '19:30'));
      await flush(r);
      const sent = twilio.to(phone).length;
      assert.ok(
        (await r.store.listOutbox(100)).some((e) =>
          e.dedupeKey?.startsWith(`cancelled:${reservation.id}:manager:email`),
        ),
        'managers hear of it',
      );
      assert.equal(sent, 2, 'confirmation + reminder; the reply itself told the guest of the cancellation');
      clock.set('2026-12-04T16:30:00.000Z');
      assert.equal((await r.n.scheduler.tick()).length, 0, 'no reminder for a cancelled booking');
      assert.equal(await pendingReminderFor(r.store, phone), null);
    } finally {
      await r.close();
    }
  });

  test('1 confirms; the two-hour reminder follows the day-before one', async () => {
    const clock = manualClock(NOW);
    const r = await rig(clock, notificationsConfig({ smtpUrl, twilioUrl }));
    const phone = '+447400123123';
    try {
      const { reservation } = await r.bookings.book(
        booking({ customerPhone: phone, language: 'en', customerName: 'Smith' }),
      );
      clock.set('2026-12-03T09:30:00.000Z');
      await r.n.scheduler.tick();
      await flush(r);
      assert.match(
        twilio.to(phone).at(-1)?.Body ?? '',
        /Friday 4 December at 7:30 pm.*Reply 1 to confirm or 9 to cancel/,
      );
      const answer = await answerReminder(r.bookings, r.store, phone, ' 1 ');
      assert.ok(answer.handled);
      assert.equal(answer.action, 'confirmed');
      assert.match(answer.reply, /Thank you Smith/);
      assert.equal((await r.bookings.get(reservation.id))?.status, 'confirmed');
      assert.deepEqual(await answerReminder(r.bookings, r.store, phone, '1'), { handled: false }, 'answered once');
      clock.set('2026-12-04T16:31:00.000Z');
      assert.equal((await r.n.scheduler.tick()).length, 1, 'two hours before');
      await r.n.worker.drain();
      assert.equal(twilio.to(phone).length, 3);
      assert.equal(
        (await r.store.getTranscript(`sms:${phone}`)).filter((l) => l.from === 'bot').length,
        2,
        'reminders show in the conversation',
      );
      // The guest then talks about something else: a "9" now answers the bot's question, not the reminder.
      await r.store.appendTranscript({
        conversationId: `sms:${phone}`,
        channel: 'sms',
        from: 'bot',
        text: 'How many guests?',
        at: '2026-12-04T16:33:00.000Z',
      });
      clock.set('2026-12-04T16:34:00.000Z');
      assert.deepEqual(await answerReminder(r.bookings, r.store, phone, '9'), { handled: false });
      assert.equal((await r.bookings.get(reservation.id))?.status, 'confirmed');
    } finally {
      await r.close();
    }
  });

  test('STOP: an opted-out guest gets nothing more on that channel; Twilio 21610 records the opt-out', async () => {
    const clock = manualClock(NOW);
    const r = await rig(clock, notificationsConfig({ smtpUrl, twilioUrl }));
    const stopped = '+33644444444';
    const unsubscribed = '+33655555555';
    twilio.refuse.set(unsubscribed, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    try {
      // The registry the messaging adapter records STOP / ARRET / START in.
      const optOuts = new StoreOptOuts(r.store, clock);
      await optOuts.record('sms', stopped, true, 'ARRET');
      assert.equal(await optOuts.isOptedOut('sms', stopped), true);
      assert.equal(await optOuts.isOptedOut('whatsapp', stopped), false, 'one channel at a time');
      const { reservation } = await r.bookings.book(booking({ customerPhone: stopped, customerName: 'Stopped' }));
      await flush(r);
      assert.equal(twilio.to(stopped).length, 0);
      const guest = (await r.store.listOutbox(100)).find((e) => e.reservationId === reservation.id && e.to === stopped);
      assert.equal(guest?.status, 'suppressed');
      assert.equal(smtp.mails.filter((m) => m.raw.includes('Stopped')).length, 1, 'managers are still told');
      await optOuts.record('sms', stopped, false, 'START');
      await r.bookings.modify(reservation.id, { time: '21:00' });
      await flush(r);
      assert.equal(twilio.to(stopped).length, 1, 'START: messages again');

      const { reservation: other } = await r.bookings.book(
        booking({ customerPhone: unsubscribed, customerName: 'Unsub', time: '20:00' }),
      );
      await flush(r);
      const refused = (await r.store.listOutbox(100)).find(
        (e) => e.reservationId === other.id && e.to === unsubscribed,
      );
      assert.equal(refused?.status, 'suppressed');
      assert.match(refused?.lastError ?? '', /21610/);
      twilio.refuse.delete(unsubscribed);
      await r.bookings.modify(other.id, { time: '20:30' });
      await flush(r);
      const changed = (await r.store.listOutbox(100)).find(
        (e) => e.reservationId === other.id && e.to === unsubscribed && e.dedupeKey?.startsWith('changed:'),
      );
      assert.equal(changed?.status, 'suppressed', 'the opt-out Twilio reported is remembered');
      assert.equal(twilio.to(unsubscribed).length, 0);
    } finally {
      twilio.refuse.clear();
      await r.close();
    }
  });

  test('two workers on one store send each entry once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maitre-outbox-'));
    const clock = manualClock(NOW);
    const storeA = await seededStore(join(dir, 'db.sqlite'));
    const storeB = await seededStore(join(dir, 'db.sqlite'));
    const config = notificationsConfig({ smtpUrl, twilioUrl });
    const a = await rig(clock, config, { store: storeA, owner: 'instance-a' });
    const b = await rig(clock, config, { store: storeB, owner: 'instance-b' });
    try {
      const restaurant = await a.n.notifier.restaurant();
      const before = twilio.messages.length;
      const planned = Array.from({ length: 40 }, (_, i) => ({
        ...testMessage(restaurant, 'sms', `+3361000${String(i).padStart(4, '0')}`, clock(), 'fr'),
      }));
      assert.equal((await a.n.notifier.queue(planned)).length, 40);
      assert.equal((await b.n.notifier.queue(planned)).length, 0, 'the dedupe key refuses a second copy');
      const [sentA, sentB] = await Promise.all([a.n.worker.drain(), b.n.worker.drain()]);
      assert.equal(sentA + sentB, 40);
      const got = twilio.messages.slice(before).map((m) => m.To);
      assert.equal(got.length, 40);
      assert.equal(new Set(got).size, 40, 'no message twice');
      const entries = (await storeA.listOutbox(100)).filter((e) => e.meta.purpose === 'test');
      assert.ok(entries.every((e) => e.status === 'sent' && e.attempts === 1));
    } finally {
      await a.close();
      await b.close();
      await storeA.close();
      await storeB.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a booking whose messages were never queued (crash in between) gets them at the next start, once', async () => {
    const clock = manualClock(NOW);
    const r = await rig(clock, notificationsConfig({ smtpUrl, twilioUrl }));
    try {
      const { reservation } = await r.bookings.book(booking({ customerPhone: '+33677777777' }));
      await r.n.notifier.settled();
      const queued = (await r.store.listOutbox(100)).filter((e) => e.reservationId === reservation.id).length;
      assert.equal(queued, 3);
      assert.equal((await r.n.notifier.catchUp(new Date(clock().getTime() - 3600_000))).length, 0, 'nothing twice');
      // The same booking in a store whose outbox lost it: written without any listener.
      const store = await seededStore();
      const bare = await rig(clock, notificationsConfig({ smtpUrl, twilioUrl }), { store });
      const original = await r.store.getReservation(reservation.id);
      const restaurant = await store.firstRestaurant();
      assert.ok(original && restaurant);
      await store.createReservation({ ...original, restaurantId: restaurant.id }, [], clock());
      assert.equal((await bare.n.notifier.catchUp(new Date(clock().getTime() - 3600_000))).length, 3);
      assert.equal((await bare.n.notifier.catchUp(new Date(clock().getTime() - 3600_000))).length, 0);
      await bare.close();
      await store.close();
    } finally {
      await r.close();
    }
  });

  test('without credentials entries are kept as not_configured, and the booking is made', async () => {
    const clock = manualClock(NOW);
    const r = await rig(clock, notificationsConfig({ smtpUrl: null, twilioUrl: null }));
    try {
      const { reservation } = await r.bookings.book(
        booking({ channel: 'website', customerEmail: 'guest@example.test' }),
      );
      await flush(r);
      const entries = (await r.store.listOutbox(100)).filter((e) => e.reservationId === reservation.id);
      assert.deepEqual(
        entries.map((e) => e.kind).sort(),
        ['email', 'email', 'sms', 'sms'],
        'manager + guest, by email and SMS',
      );
      assert.ok(entries.every((e) => e.status === 'not_configured'));
      assert.match(entries.find((e) => e.kind === 'email')?.lastError ?? '', /SMTP_URL/);
      assert.equal((await r.bookings.get(reservation.id))?.status, 'confirmed');
    } finally {
      await r.close();
    }
  });

  test('WhatsApp reminder: its quick-reply template even inside the 24-hour window', async () => {
    const clock = manualClock(NOW);
    const phone = '+33666666667';
    const r = await rig(
      clock,
      notificationsConfig({ smtpUrl, twilioUrl, templates: { 'reminder:fr': 'HX0123456789abcdef0123456789abcdef' } }),
    );
    try {
      const { reservation } = await r.bookings.book(booking({ channel: 'whatsapp', customerPhone: phone }));
      await flush(r);
      clock.set('2026-12-03T09:00:00.000Z');
      // The guest wrote an hour ago: free text would be allowed, the buttons are still wanted.
      await r.store.appendTranscript({
        conversationId: `whatsapp:${phone}`,
        channel: 'whatsapp',
        from: 'guest',
        text: 'merci',
        at: '2026-12-03T08:00:00.000Z',
        address: phone,
      });
      await r.n.scheduler.tick();
      await r.n.worker.drain();
      const reminder = twilio.to(phone).find((m) => m.ContentSid);
      assert.ok(reminder, 'the reminder went as the template');
      assert.equal(reminder.ContentSid, 'HX0123456789abcdef0123456789abcdef');
      assert.equal(reminder.Body, undefined);
      assert.deepEqual(Object.keys(JSON.parse(reminder.ContentVariables ?? '{}')), ['1', '2', '3', '4', '5']);
      const entry = (await r.store.listOutbox(100)).find(
        (e) => e.reservationId === reservation.id && e.meta.purpose === 'reminder',
      );
      assert.equal(entry?.status, 'sent');
    } finally {
      await r.close();
    }
  });

  test('WhatsApp: free text inside the 24-hour window, an approved template outside it', async () => {
    const clock = manualClock(NOW);
    const phone = '+33666666666';
    const r = await rig(
      clock,
      notificationsConfig({ smtpUrl, twilioUrl, templates: { 'reminder:fr': 'HX0123456789abcdef0123456789abcdef' } }),
    );
    try {
      await r.store.appendTranscript({
        conversationId: `whatsapp:${phone}`,
        channel: 'whatsapp',
        from: 'guest',
        text: 'Une table pour 4 vendredi',
        at: '2026-12-01T08:55:00.000Z',
        address: phone,
      });
      const { reservation } = await r.bookings.book(booking({ channel: 'whatsapp', customerPhone: phone }));
      await flush(r);
      const confirmation = twilio.to(phone)[0];
      assert.equal(confirmation.To, `whatsapp:${phone}`);
      assert.equal(confirmation.From, 'whatsapp:+33900000009');
      assert.match(confirmation.Body ?? '', /votre table est réservée/);
      clock.set('2026-12-03T09:00:00.000Z');
      await r.n.scheduler.tick();
      await r.n.worker.drain();
      const reminder = twilio.to(phone)[1];
      assert.equal(reminder.ContentSid, 'HX0123456789abcdef0123456789abcdef');
      assert.equal(reminder.Body, undefined);
      assert.equal(JSON.parse(reminder.ContentVariables ?? '{}')['4'], '19h30');
      await r.bookings.cancel(reservation.id);
      await flush(r);
      const cancelled = (await r.store.listOutbox(100)).find(
        (e) => e.dedupeKey === `cancelled:${reservation.id}:guest:whatsapp`,
      );
      assert.equal(cancelled?.status, 'not_configured', 'no template for it outside the window');
      assert.match(cancelled?.lastError ?? '', /WHATSAPP_TEMPLATES/);
    } finally {
      await r.close();
    }
  });
});
