// A guest's emails over the whole server and a real SMTP exchange: HTML with a plain-text part,
// the restaurant's name and address, and a calendar invite that an iCalendar parser (ical.js)
// reads as one event, kept under one UID: REQUEST on booking, a higher SEQUENCE on a change,
// METHOD:CANCEL on the cancellation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { startTestServer, type TestServer } from '../../helpers/app';
import { SmtpSink, type ReceivedMail } from './fakes';
import { until } from '../../helpers/until';

/** The decoded body of the first MIME part of `type` in a raw message. */
function mimePart(raw: string, type: string): string | null {
  const at = raw.search(new RegExp(`Content-Type: ${type.replace('/', '\\/')}`, 'i'));
  if (at < 0) return null;
  const headEnd = raw.indexOf('\r\n\r\n', at);
  const head = raw.slice(at, headEnd);
  const boundaryAt = raw.indexOf('\r\n--', headEnd + 4);
  const body = raw.slice(headEnd + 4, boundaryAt < 0 ? undefined : boundaryAt);
  const encoding = /Content-Transfer-Encoding: *([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

interface Invite {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  start: string;
  end: string;
  summary: string;
  location: string;
}

function invite(mail: ReceivedMail): Invite {
  const ics = mimePart(mail.raw, 'text/calendar');
  assert.ok(ics, 'the email carries a text/calendar part');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  assert.equal(events.length, 1, 'one event');
  const event = new ICAL.Event(events[0]);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    status: String(events[0].getFirstPropertyValue('status')),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    location: event.location,
  };
}

describe('guest emails: HTML, plain text and a calendar invite kept under one UID', () => {
  const smtp = new SmtpSink();
  let s: TestServer;
  let token = '';
  const date = DateTime.now().setZone('Europe/Paris').plus({ days: 7 }).toISODate() as string;

  before(async () => {
    s = await startTestServer({
      env: { SMTP_URL: await smtp.start(), MAIL_FROM: 'Le Petit Bistro <booking@example.test>' },
    });
    token = await s.login();
  });
  after(async () => {
    await s.close();
    await smtp.stop();
  });

  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));

  test('booked, changed, cancelled: one event, updated then cancelled', async () => {
    const guest = 'marie.invite@example.test';
    const r = await s.json('/api/reservations', {
      body: {
        customerName: 'Marie <b>Invite</b>',
        phoneNumber: '+33655500401',
        email: guest,
        partySize: 2,
        date,
        time: '19:30',
        source: 'website',
        language: 'fr',
      },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const id = r.body.id as string;

    const booked = await until('the confirmation email', () => mailsTo(guest)[0]);
    assert.match(booked.raw, /multipart\/(mixed|alternative)/);
    const text = mimePart(booked.raw, 'text/plain') ?? '';
    const html = mimePart(booked.raw, 'text/html') ?? '';
    assert.match(text, /Votre table est réservée : 2 personnes/);
    assert.match(html, /<h1[^>]*>Le Petit Bistro<\/h1>/);
    assert.match(html, /Votre table est réservée : 2 personnes/);
    assert.match(html, /12 rue des Martyrs, 75009 Paris/, "the restaurant's address");
    assert.doesNotMatch(html, /<b>Invite<\/b>/, "the guest's name is text, not markup");
    const first = invite(booked);
    assert.equal(first.method, 'REQUEST');
    assert.equal(first.status, 'CONFIRMED');
    assert.equal(first.uid, `${id}@maitre`);
    assert.equal(first.start, r.body.startAt);
    assert.equal(first.end, r.body.endAt);
    assert.match(first.summary, /^Le Petit Bistro : table pour 2$/);
    assert.match(first.location, /^Le Petit Bistro, /);

    const changed = await s.json(`/api/admin/reservations/${id}`, { method: 'PATCH', body: { partySize: 3 }, token });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const changeMail = await until('the change email', () => mailsTo(guest)[1]);
    const second = invite(changeMail);
    assert.equal(second.method, 'REQUEST');
    assert.equal(second.uid, first.uid, 'the same event');
    assert.ok(second.sequence > first.sequence, `${second.sequence} > ${first.sequence}`);
    assert.match(second.summary, /table pour 3$/);

    const cancelled = await s.json(`/api/admin/reservations/${id}`, {
      method: 'PATCH',
      body: { status: 'cancelled' },
      token,
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const cancelMail = await until('the cancellation email', () => mailsTo(guest)[2]);
    const third = invite(cancelMail);
    assert.equal(third.method, 'CANCEL');
    assert.equal(third.status, 'CANCELLED');
    assert.equal(third.uid, first.uid, 'the same event, so calendars remove it');
    assert.ok(third.sequence > second.sequence, `${third.sequence} > ${second.sequence}`);
    assert.match(mimePart(cancelMail.raw, 'text/html') ?? '', /annulée/);
  });

  test('an English guest gets the English invite and email', async () => {
    const guest = 'john.invite@example.test';
    const r = await s.json('/api/reservations', {
      body: {
        customerName: 'John Invite',
        phoneNumber: '+447400123457',
        email: guest,
        partySize: 4,
        date,
        time: '20:00',
        source: 'website',
        language: 'en',
      },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const mail = await until('the confirmation email', () => mailsTo(guest)[0]);
    assert.match(mimePart(mail.raw, 'text/html') ?? '', /<html lang="en">/);
    assert.match(mimePart(mail.raw, 'text/html') ?? '', /Your table is booked: 4 guests/);
    assert.equal(invite(mail).summary, 'Le Petit Bistro: table for 4');
  });
});
