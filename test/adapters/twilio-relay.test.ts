// Calls streamed through Twilio ConversationRelay (VOICE_MODE=relay), through the whole server:
// the incoming webhook hands the call to the relay, a test client plays Twilio's side of the
// socket (setup, prompt, dtmf, interrupt), and the bookings, transcripts and transfers are the
// real ones.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Reservation } from '../../booking-core';
import { startTestServer, TWILIO_TOKEN, type TestServer } from '../helpers/app';
import { sid, twilioPost, twimlAttributes, twimlTexts } from './adapter-harness';
import { handshakeStatus, RelayCall, type RelayAnswer } from './relay-client';

const ACCOUNT = `AC${'0'.repeat(32)}`;
/** The bot's line; the restaurant's own phone (its settings) is +33100000000. */
const BOT_LINE = '+33199999999';

describe('voice calls through ConversationRelay', () => {
  let s: TestServer;
  let socketUrl: string;
  before(async () => {
    s = await startTestServer({ env: { VOICE_MODE: 'relay' } });
    socketUrl = `${s.base.replace(/^http/, 'ws')}/twilio/voice/relay`;
  });
  after(() => s.close());

  /** A call as Twilio places it: the incoming webhook, then the relay socket. */
  async function dial(from: string, lang: 'fr' | 'en') {
    const params = { CallSid: sid('CA'), AccountSid: ACCOUNT, From: from, To: BOT_LINE, Direction: 'inbound' };
    const incoming = await twilioPost(s.base, '/twilio/voice/incoming', params);
    assert.equal(incoming.status, 200, incoming.text);
    const call = await RelayCall.open(socketUrl, TWILIO_TOKEN, { callSid: params.CallSid, from, to: BOT_LINE, lang });
    return { params, incoming: incoming.text, call };
  }

  /** Twilio calls the <Connect action> once the session is over, with the `end` message's handoffData. */
  async function relayEnded(twiml: string, params: Record<string, string>, answer: RelayAnswer) {
    const action = twimlAttributes(twiml, 'Connect')?.action ?? '';
    const r = await twilioPost(s.base, action, {
      ...params,
      SessionId: `VX${'0'.repeat(32)}`,
      SessionStatus: 'ended',
      SessionDuration: '42',
      HandoffData: answer.end?.handoffData ?? '',
    });
    assert.equal(r.status, 200, r.text);
    return r.text;
  }

  async function bookingsOf(phone: string): Promise<Reservation[]> {
    return s.app.ctx.store.findReservations({ restaurantId: s.app.ctx.restaurantId, customerPhone: phone });
  }

  it('hands a French call to the relay in French, with both languages ready', async () => {
    const { incoming, call } = await dial('+33612348001', 'fr');
    const connect = twimlAttributes(incoming, 'Connect');
    assert.equal(connect?.action, `${s.base}/twilio/voice/relay-ended?lang=fr`);
    const relay = twimlAttributes(incoming, 'ConversationRelay');
    assert.equal(relay?.url, socketUrl);
    assert.equal(relay?.language, 'fr-FR');
    assert.equal(relay?.interruptible, 'any');
    assert.equal(relay?.dtmfDetection, 'true');
    assert.match(relay?.hints ?? '', /demain/);
    assert.match(relay?.hints ?? '', /tomorrow/);
    assert.match(relay?.welcomeGreeting ?? '', /^Bonjour, vous êtes en ligne avec l'assistant automatique/);
    assert.match(relay?.welcomeGreeting ?? '', /zéro/);
    const languages = [...incoming.matchAll(/<Language ([^>]*)\/>/g)].map((m) => m[1]);
    assert.equal(languages.length, 2);
    assert.match(languages[0], /code="fr-FR"/);
    assert.match(languages[0], /voice="Lea-Neural"/);
    assert.match(languages[1], /code="en-US"/);
    assert.match(incoming, /<Parameter name="lang" value="fr"\/>/);
    await call.close();
  });

  it('books a table from a French call: prompts in, text tokens out, stored with channel "voice"', async () => {
    const from = '+33612348002';
    const { params, incoming, call } = await dial(from, 'fr');
    call.say('Bonjour, je voudrais une table pour trois personnes demain à vingt heures');
    let a = await call.answer();
    assert.match(a.text, /nom/i);
    assert.equal(a.tokens.at(-1)?.last, true);
    assert.ok(a.tokens.slice(0, -1).every((t) => !t.last));
    call.say('Au nom de Marchand');
    a = await call.answer();
    assert.match(a.text, /3 personnes.*Marchand.*C'est bien ça \?/);
    call.say("Oui, c'est parfait");
    a = await call.answer();
    // The booking made, the bot says so and hangs up: said by the <Connect action>, in full.
    assert.ok(a.end, 'the session ends');
    const after = await relayEnded(incoming, params, a);
    assert.match(twimlTexts(after, 'Say').join(' '), /confirmée/);
    assert.match(after, /<Hangup\/>/);
    await call.close();

    const [booking] = await bookingsOf(from);
    assert.equal(booking?.channel, 'voice');
    assert.equal(booking?.partySize, 3);
    assert.equal(booking?.customerName, 'Marchand');
    assert.equal(booking?.language, 'fr');
    const transcript = await s.app.ctx.store.getTranscript(`voice:${params.CallSid}`);
    const lines = transcript.map((e) => `${e.from}: ${e.text}`);
    assert.ok(
      lines.some((l) => /^guest: Au nom de Marchand/.test(l)),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => /^bot: .*C'est bien ça/.test(l)),
      lines.join('\n'),
    );
    assert.ok(
      lines.indexOf(lines.find((l) => /^guest: Oui/.test(l)) ?? '') > lines.findIndex((l) => /bien ça/.test(l)),
    );
  });

  it('books a table from an English call (+1 caller), keying in the party size', async () => {
    const from = '+12125550142';
    const { params, incoming, call } = await dial(from, 'en');
    assert.equal(twimlAttributes(incoming, 'ConversationRelay')?.language, 'en-US');
    call.say('I would like a table tomorrow at 8 pm under the name Taylor', 'en-US');
    let a = await call.answer();
    assert.match(a.text, /how many people/i);
    call.press('4#');
    a = await call.answer();
    assert.match(a.text, /4 people.*Taylor.*Is that right\?/);
    call.say('yes', 'en-US');
    a = await call.answer();
    const after = await relayEnded(incoming, params, a);
    assert.match(twimlTexts(after, 'Say').join(' '), /confirmed/);
    await call.close();
    const [booking] = await bookingsOf(from);
    assert.equal(booking?.channel, 'voice');
    assert.equal(booking?.partySize, 4);
    assert.equal(booking?.language, 'en');
  });

  it('refuses an unsigned or wrongly signed handshake with 403', async () => {
    assert.equal(await handshakeStatus(socketUrl, {}), 403);
    assert.equal(await handshakeStatus(socketUrl, { 'X-Twilio-Signature': 'bm90IGEgc2lnbmF0dXJl' }), 403);
    assert.equal(await handshakeStatus(`${socketUrl}?forged=1`, { 'X-Twilio-Signature': 'x' }), 403);
  });

  it('keeps in the transcript only what the caller heard of an answer they interrupted', async () => {
    const { params, call } = await dial('+33612348003', 'fr');
    call.say('une table pour deux demain à vingt heures au nom de Perrin');
    const readBack = await call.answer();
    assert.match(readBack.text, /2 personnes.*C'est bien ça \?/);
    // The caller speaks over the read-back after its first words.
    const heard = readBack.text.split(',')[0];
    call.interrupt(heard);
    call.say('plutôt à vingt et une heures');
    const next = await call.answer();
    assert.match(next.text, /21 heures|21 h/);
    await call.close();
    const transcript = await s.app.ctx.store.getTranscript(`voice:${params.CallSid}`);
    const bot = transcript.filter((e) => e.from === 'bot').map((e) => e.text);
    assert.ok(bot.includes(`${heard} …`), bot.join('\n'));
    assert.ok(
      !bot.some((t) => /20 h.*C'est bien ça/.test(t)),
      `the unspoken rest is not in the transcript:\n${bot.join('\n')}`,
    );
  });

  it('switches the language of speech and transcription when the guest does', async () => {
    const { call } = await dial('+33612348004', 'fr');
    call.say('in English please, a table for two tomorrow', 'en-US');
    const a = await call.answer();
    assert.deepEqual(a.language && { ...a.language, type: undefined }, {
      type: undefined,
      ttsLanguage: 'en-US',
      transcriptionLanguage: 'en-US',
    });
    assert.ok(a.tokens.every((t) => t.lang === 'en-US'));
    assert.match(a.text, /time|name/i);
    await call.close();
  });

  it('transfers through end → action → <Dial> when the caller asks for a person, by voice or with 0', async () => {
    for (const ask of ['speech', 'key'] as const) {
      const { params, incoming, call } = await dial(`+3361234801${ask === 'speech' ? 0 : 1}`, 'fr');
      if (ask === 'speech') call.say("je voudrais parler à quelqu'un");
      else call.press('0');
      const a = await call.answer();
      assert.ok(a.end, ask);
      assert.equal(JSON.parse(a.end.handoffData ?? '{}').reasonCode, 'transfer');
      const after = await relayEnded(incoming, params, a);
      assert.match(after, /<Say[^>]*>[^<]*équipe[^<]*<\/Say><Dial [^>]*>\+33100000000<\/Dial>/, after);
      assert.match(twimlAttributes(after, 'Dial')?.action ?? '', /\/twilio\/voice\/dial/);
      await call.close();
    }
  });

  it('goes on turn by turn when the relay session fails, and hangs up quietly when the caller did', async () => {
    const params = { CallSid: sid('CA'), AccountSid: ACCOUNT, From: '+33612348020', To: BOT_LINE };
    const action = `${s.base}/twilio/voice/relay-ended?lang=fr`;
    const failed = await twilioPost(s.base, action, { ...params, SessionStatus: 'failed' });
    assert.equal(twimlAttributes(failed.text, 'Gather')?.input, 'dtmf speech');
    const hungUp = await twilioPost(s.base, action, { ...params, SessionStatus: 'completed' });
    assert.match(hungUp.text, /<Hangup\/>/);
    const unsigned = await twilioPost(s.base, action, { ...params, SessionStatus: 'failed' }, { sign: false });
    assert.equal(unsigned.status, 403);
  });
});
