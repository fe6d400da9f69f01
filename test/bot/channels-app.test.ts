// The whole product over real HTTP: phone calls, SMS and WhatsApp driven by webhooks signed as
// Twilio signs them, through the channel adapters and the real dialog tree, to bookings in
// the store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Reservation } from '../../booking-core';
import { startTestServer, type TestServer } from '../helpers/app';
import { sid, twilioPost, twimlAttributes, twimlTexts, type PostResult } from '../adapters/adapter-harness';

const ACCOUNT = `AC${'0'.repeat(32)}`;

/** Answers the bot as a guest would: gives the fact it asks for, or confirms the read-back. */
function answerFor(said: string, facts: { name: string; yes: string }): string | null {
  const low = said.toLowerCase();
  if (/(confirm|c.est bien ça|is that right|correct)/.test(low)) return facts.yes;
  if (/(nom|name)/.test(low)) return facts.name;
  return null;
}

async function bookingsOf(s: TestServer, phone: string): Promise<Reservation[]> {
  return s.app.ctx.store.findReservations({ restaurantId: s.app.ctx.restaurantId, customerPhone: phone });
}

async function phoneCall(s: TestServer, from: string, opening: string, facts: { name: string; yes: string }) {
  const c = {
    CallSid: sid('CA'),
    AccountSid: ACCOUNT,
    From: from,
    To: '+33100000000',
    Direction: 'inbound',
    CallStatus: 'ringing',
  };
  const gathers: Array<Record<string, string>> = [];
  const says: Array<Record<string, string>> = [];
  const heard: string[] = [];
  let r: PostResult = await twilioPost(s.base, '/twilio/voice/incoming', c);
  assert.equal(r.status, 200, r.text);
  let speech: string | null = opening;
  for (let turn = 0; turn < 8 && speech; turn++) {
    const g = twimlAttributes(r.text, 'Gather');
    assert.ok(g, `no <Gather> after: ${heard.join(' | ')}`);
    gathers.push(g);
    const say = twimlAttributes(r.text, 'Say');
    if (say) says.push(say);
    const started = performance.now();
    r = await twilioPost(s.base, g.action, {
      ...c,
      CallStatus: 'in-progress',
      SpeechResult: speech,
      Confidence: '0.91',
    });
    // Well inside Twilio's 15 s, with room for a loaded CI machine (a turn takes ~20 ms here).
    assert.ok(performance.now() - started < 10_000, "a turn answers well inside Twilio's 15 s");
    assert.equal(r.status, 200);
    const said = twimlTexts(r.text, 'Say').join(' ');
    heard.push(said);
    speech = /<Hangup\/>/.test(r.text) ? null : answerFor(said, facts);
  }
  const end = await twilioPost(s.base, '/twilio/voice/status', { ...c, CallStatus: 'completed', CallDuration: '95' });
  assert.equal(end.status, 200);
  return { call: c, gathers, says, heard, last: r.text };
}

async function textConversation(
  s: TestServer,
  from: string,
  channel: 'sms' | 'whatsapp',
  opening: string,
  facts: { name: string; yes: string },
) {
  const pre = channel === 'whatsapp' ? 'whatsapp:' : '';
  const heard: string[] = [];
  let text: string | null = opening;
  for (let i = 0; i < 8 && text; i++) {
    const params = {
      MessageSid: sid('SM'),
      AccountSid: ACCOUNT,
      From: pre + from,
      To: `${pre}+33100000000`,
      Body: text,
      NumMedia: '0',
    };
    const r = await twilioPost(s.base, '/twilio/messaging', params);
    assert.equal(r.status, 200, r.text);
    assert.match(r.text, /^<\?xml[^>]*><Response>(<Message>[\s\S]*<\/Message>)+<\/Response>$/);
    const reply = twimlTexts(r.text, 'Message').join(' ');
    heard.push(reply);
    text = /(confirmée|confirmed)/i.test(reply) ? null : answerFor(reply, facts);
  }
  return heard;
}

describe('Channels through the whole server', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('books a table from a French phone call: incoming, spoken turns, stored with channel "voice"', async () => {
    const from = '+33612345001';
    const call = await phoneCall(
      s,
      from,
      'Bonjour, je voudrais réserver une table pour trois personnes demain à vingt heures',
      { name: 'Au nom de Marchand', yes: "Oui, c'est parfait" },
    );
    const first = call.gathers[0];
    assert.equal(first.input, 'dtmf speech');
    assert.equal(first.language, 'fr-FR');
    assert.equal(first.action, `${s.base}/twilio/voice/gather?turn=1&lang=fr`);
    assert.equal(first.actionOnEmptyResult, 'true');
    assert.ok(Number(first.speechTimeout) > 0);
    assert.ok(call.says.every((x) => x.voice === 'Polly.Lea-Neural' && x.language === 'fr-FR'));
    assert.match(call.heard.at(-1) ?? '', /confirmée/, call.heard.join(' | '));
    assert.match(call.last, /<Hangup\/>/);
    const booked = await bookingsOf(s, from);
    assert.equal(booked.length, 1, call.heard.join(' | '));
    assert.equal(booked[0].channel, 'voice');
    assert.equal(booked[0].partySize, 3);
    assert.equal(booked[0].customerPhone, from);
    assert.equal(booked[0].language, 'fr');
    assert.equal(booked[0].status, 'confirmed');
    // The call stays in the transcript, closed by the status callback.
    const transcript = await s.app.ctx.store.getTranscript(`voice:${call.call.CallSid}`);
    assert.ok(transcript.some((e) => e.from === 'guest' && /trois personnes/.test(e.text)));
    assert.ok(transcript.some((e) => e.from === 'bot' && e.reservationId === booked[0].id));
    assert.match(transcript.at(-1)?.text ?? '', /Call ended \(completed, 95 s\)/);
  });

  it('books a table from an English phone call (+1 caller)', async () => {
    const from = '+12125550142';
    const call = await phoneCall(s, from, "Hi, I'd like a table for four tomorrow at seven thirty pm", {
      name: 'Smith',
      yes: 'Yes, that is right',
    });
    assert.equal(call.gathers[0].language, 'en-US');
    assert.equal(call.gathers[0].action, `${s.base}/twilio/voice/gather?turn=1&lang=en`);
    assert.ok(call.says.every((x) => x.voice === 'Polly.Joanna-Neural' && x.language === 'en-US'));
    const booked = await bookingsOf(s, from);
    assert.equal(booked.length, 1, call.heard.join(' | '));
    assert.equal(booked[0].channel, 'voice');
    assert.equal(booked[0].partySize, 4);
    assert.equal(booked[0].language, 'en');
  });

  for (const [channel, from, lang, opening, facts, size] of [
    ['sms', '+33612345002', 'fr', 'Bonjour, une table pour 2 demain à 20h', { name: 'Dupont', yes: 'oui' }, 2],
    [
      'sms',
      '+447400123142',
      'en',
      'Hi, a table for 5 the day after tomorrow at 8pm please',
      { name: 'Brown', yes: 'yes' },
      5,
    ],
    [
      'whatsapp',
      '+33612345003',
      'fr',
      'Réservation pour 4 personnes après-demain à 12h30',
      { name: 'Martin', yes: 'oui' },
      4,
    ],
    [
      'whatsapp',
      '+15145550199',
      'en',
      'Can I book for 2 tomorrow at 9pm? In English please',
      { name: 'Taylor', yes: 'yes please' },
      2,
    ],
  ] as const) {
    it(`books a table by ${channel} in ${lang === 'fr' ? 'French' : 'English'}`, async () => {
      const heard = await textConversation(s, from, channel, opening, facts);
      assert.match(heard.at(-1) ?? '', /confirm/i, heard.join(' | '));
      // The bot's SMS replies use plain quotes and apostrophes: one ’ would bill them in UCS-2.
      if (channel === 'sms') for (const h of heard) assert.doesNotMatch(h, /[’‘«»“”…]/, h);
      const booked = await bookingsOf(s, from);
      assert.equal(booked.length, 1, heard.join(' | '));
      assert.equal(booked[0].channel, channel);
      assert.equal(booked[0].partySize, size);
      assert.equal(booked[0].language, lang);
      assert.equal(booked[0].customerPhone, from);
      const transcript = await s.app.ctx.store.getTranscript(`${channel}:${from}`);
      assert.ok(transcript.length >= heard.length * 2);
    });
  }

  it('does not book twice when Twilio retries the confirming message, even concurrently', async () => {
    const from = '+33612345004';
    const send = (MessageSid: string, Body: string) =>
      twilioPost(s.base, '/twilio/messaging', {
        MessageSid,
        AccountSid: ACCOUNT,
        From: from,
        To: '+33100000000',
        Body,
        NumMedia: '0',
      });
    await send(sid('SM'), 'une table pour 2 demain à 13h au nom de Petit');
    const yes = sid('SM');
    const [a, b] = await Promise.all([send(yes, 'oui'), send(yes, 'oui')]);
    const c = await send(yes, 'oui');
    assert.equal(a.text, b.text);
    assert.equal(a.text, c.text);
    assert.match(twimlTexts(a.text, 'Message').join(' '), /confirmée/);
    assert.equal((await bookingsOf(s, from)).length, 1);
  });

  it('answers a 10,000-character message, binary junk and empty fields without a 500 or a booking', async () => {
    const from = '+33612345006';
    const send = (params: Record<string, string>) =>
      twilioPost(s.base, '/twilio/messaging', {
        MessageSid: sid('SM'),
        AccountSid: ACCOUNT,
        From: from,
        To: '+33100000000',
        NumMedia: '0',
        ...params,
      });
    const started = performance.now();
    const huge = await send({ Body: 'une table pour 2 demain à 20h au nom de Long '.repeat(250) });
    assert.equal(huge.status, 200);
    assert.ok(twimlTexts(huge.text, 'Message').length >= 1);
    assert.ok(performance.now() - started < 10_000);
    const junk = await send({ Body: String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 131) % 65536)) });
    assert.equal(junk.status, 200);
    assert.equal((await send({ Body: '' })).status, 200);
    const voice = await twilioPost(s.base, '/twilio/voice/gather?turn=1&lang=fr', {
      CallSid: sid('CA'),
      AccountSid: ACCOUNT,
      From: from,
      SpeechResult: '\u0000\uFFFF'.repeat(5000),
    });
    assert.equal(voice.status, 200);
    assert.ok(twimlAttributes(voice.text, 'Gather'));
    // The long message was a whole request: the bot holds the table while it reads it back, and
    // nothing is booked until the guest says yes.
    assert.deepEqual(
      (await bookingsOf(s, from)).map((r) => r.status).filter((x) => x !== 'held'),
      [],
    );
  });

  it('hands a guest who asks for a person to the staff: a transfer on the phone, an alert by text', async () => {
    s.app.ctx.config.managerEmails = ['manager@example.test'];
    const from = '+33612345007';
    const r = await twilioPost(s.base, '/twilio/messaging', {
      MessageSid: sid('SM'),
      AccountSid: ACCOUNT,
      From: from,
      To: '+33100000000',
      Body: "Je voudrais parler à quelqu'un",
      NumMedia: '0',
    });
    assert.match(twimlTexts(r.text, 'Message').join(' '), /équipe/);
    const c = { CallSid: sid('CA'), AccountSid: ACCOUNT, From: '+33612345008', To: '+33199999999' };
    const v = await twilioPost(s.base, '/twilio/voice/gather?turn=1&lang=fr', {
      ...c,
      SpeechResult: "je voudrais parler à quelqu'un",
    });
    // The restaurant's phone (its settings) is dialled; the caller hears why first.
    assert.match(v.text, /<Say[^>]*>[^<]+<\/Say><Dial [^>]*>\+33100000000<\/Dial>/);
    let alerts: Awaited<ReturnType<typeof s.app.ctx.store.listOutbox>> = [];
    for (let i = 0; i < 50 && alerts.length < 2; i++) {
      await new Promise((res) => setTimeout(res, 100));
      alerts = (await s.app.ctx.store.listOutbox(100)).filter((e) => e.meta.purpose === 'handoff_alert');
    }
    assert.ok(
      alerts.some((e) => e.kind === 'email' && e.to === 'manager@example.test' && e.body.includes(from)),
      JSON.stringify(alerts),
    );
    assert.ok(alerts.some((e) => e.body.includes('+33612345008')));
  });

  it("shows the demo site with the restaurant's own hours and the widget tag", async () => {
    const r = await fetch(`${s.base}/webchat/demo`);
    assert.equal(r.status, 200);
    const html = await r.text();
    assert.match(html, /<span>lundi – dimanche<\/span><span>12h00 – 14h30, 19h00 – 23h00<\/span>/);
    assert.ok(html.includes(`<script src="${s.base}/webchat/widget.js" async></script>`));
  });

  it('limits web chat turns per conversation: another conversation from the same address goes on', async () => {
    const open = await s.json('/webchat/api/conversations', { body: { locale: 'fr-FR' } });
    const other = await s.json('/webchat/api/conversations', { body: { locale: 'fr-FR' } });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (
          await s.json('/webchat/api/messages', {
            body: { conversationId: open.body.conversationId, text: `bonjour ${i}`, clientMessageId: `rate-${i}` },
          })
        ).status,
      );
    assert.deepEqual([statuses.slice(0, 30).every((x) => x === 200), statuses[30]], [true, 429]);
    const fine = await s.json('/webchat/api/messages', {
      body: { conversationId: other.body.conversationId, text: 'bonjour', clientMessageId: 'rate-other' },
    });
    assert.equal(fine.status, 200);
  });

  it('refuses unsigned and tampered webhooks on the real server, and books nothing', async () => {
    const from = '+33612345005';
    const params = {
      MessageSid: sid('SM'),
      AccountSid: ACCOUNT,
      From: from,
      To: '+33100000000',
      Body: 'une table pour 2 demain à 20h au nom de Faux',
      NumMedia: '0',
    };
    const unsigned = await twilioPost(s.base, '/twilio/messaging', params, { sign: false });
    assert.equal(unsigned.status, 403);
    assert.deepEqual(Object.keys(JSON.parse(unsigned.text)).sort(), ['error', 'message']);
    const forged = await twilioPost(s.base, '/twilio/messaging', params, { token: 'not-the-token' });
    assert.equal(forged.status, 403);
    const voice = await twilioPost(
      s.base,
      '/twilio/voice/gather?turn=1&lang=fr',
      { CallSid: sid('CA'), From: from, SpeechResult: 'oui' },
      { sign: false },
    );
    assert.equal(voice.status, 403);
    assert.equal((await s.app.ctx.store.getTranscript(`sms:${from}`)).length, 0);
    assert.equal((await bookingsOf(s, from)).length, 0);
  });
});
