// The phone keypad and the disclosure, through the whole server: a caller who presses 0 is put
// through to the restaurant, one who keys in digits answers "how many people?", and the first
// sentence on every channel says an automated assistant answers and a person can be asked for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GATHER_SPEECH_MODEL } from '../../adapters/twilio-voice';
import { startTestServer, type TestServer } from '../helpers/app';
import { sid, twilioPost, twimlAttributes, twimlTexts } from './adapter-harness';

const ACCOUNT = `AC${'0'.repeat(32)}`;

/** A call to the bot's line; the restaurant's own phone (+33100000000, its settings) is another number. */
function newCall(from: string) {
  return { CallSid: sid('CA'), AccountSid: ACCOUNT, From: from, To: '+33199999999', Direction: 'inbound' };
}

/** The first sentence of what was said (up to the first full stop, question or exclamation mark). */
const firstSentence = (said: string) => said.split(/(?<=[.!?])\s/)[0];

describe('phone keypad and disclosure', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('greets a French caller as the automated assistant, says what 0 does, listens for keys and speech', async () => {
    const r = await twilioPost(s.base, '/twilio/voice/incoming', newCall('+33612349001'));
    const said = twimlTexts(r.text, 'Say').join(' ');
    assert.match(firstSentence(said), /assistant automatique.*parler à quelqu'un/);
    assert.match(said, /zéro pour joindre l'équipe/);
    const g = twimlAttributes(r.text, 'Gather');
    assert.equal(g?.input, 'dtmf speech');
    assert.equal(g?.speechModel, GATHER_SPEECH_MODEL);
    assert.equal(g?.finishOnKey, '#');
  });

  it('greets an English caller the same way in English', async () => {
    const r = await twilioPost(s.base, '/twilio/voice/incoming', newCall('+12125550199'));
    const said = twimlTexts(r.text, 'Say').join(' ');
    assert.match(firstSentence(said), /automated assistant.*ask for a person/);
    assert.match(said, /press zero to reach our team/);
  });

  it('puts a caller who presses 0 in the middle of a booking through to the restaurant', async () => {
    const c = newCall('+33612349002');
    let r = await twilioPost(s.base, '/twilio/voice/incoming', c);
    r = await twilioPost(s.base, twimlAttributes(r.text, 'Gather')?.action ?? '', {
      ...c,
      SpeechResult: 'une table demain à 20 heures',
    });
    assert.match(twimlTexts(r.text, 'Say').join(' '), /combien de personnes/i);
    r = await twilioPost(s.base, twimlAttributes(r.text, 'Gather')?.action ?? '', { ...c, Digits: '0' });
    assert.match(r.text, /<Dial [^>]*>\+33100000000<\/Dial>/, r.text);
    assert.match(twimlTexts(r.text, 'Say').join(' '), /équipe/);
  });

  it('reads digits keyed in as the party size, asked or not, and books with them', async () => {
    const c = newCall('+33612349003');
    let r = await twilioPost(s.base, '/twilio/voice/incoming', c);
    // Keys pressed right after the greeting: the number of people of a new booking.
    r = await twilioPost(s.base, twimlAttributes(r.text, 'Gather')?.action ?? '', { ...c, Digits: '3#' });
    let said = twimlTexts(r.text, 'Say').join(' ');
    assert.doesNotMatch(said, /combien de personnes/i, said);
    r = await twilioPost(s.base, twimlAttributes(r.text, 'Gather')?.action ?? '', {
      ...c,
      SpeechResult: 'demain à 20 heures au nom de Keller',
    });
    said = twimlTexts(r.text, 'Say').join(' ');
    assert.match(said, /3 personnes/, said);
  });

  it('answers "how many people?" with digits', async () => {
    const c = newCall('+33612349004');
    let r = await twilioPost(s.base, '/twilio/voice/incoming', c);
    r = await twilioPost(s.base, twimlAttributes(r.text, 'Gather')?.action ?? '', {
      ...c,
      SpeechResult: 'je voudrais réserver demain à 20 heures au nom de Lambert',
    });
    assert.match(twimlTexts(r.text, 'Say').join(' '), /combien de personnes/i);
    r = await twilioPost(s.base, twimlAttributes(r.text, 'Gather')?.action ?? '', { ...c, Digits: '6' });
    assert.match(twimlTexts(r.text, 'Say').join(' '), /6 personnes/);
  });

  for (const [channel, prefix] of [
    ['sms', ''],
    ['whatsapp', 'whatsapp:'],
  ] as const) {
    it(`opens the first ${channel} reply of a conversation with the disclosure, once`, async () => {
      const from = `${prefix}+3361234${channel === 'sms' ? '9010' : '9011'}`;
      const text = async (body: string) => {
        const r = await twilioPost(s.base, '/twilio/messaging', {
          MessageSid: sid('SM'),
          AccountSid: ACCOUNT,
          From: from,
          To: `${prefix}+33100000000`,
          Body: body,
          NumMedia: '0',
        });
        return twimlTexts(r.text, 'Message').join(' ');
      };
      const first = await text('une table pour 2 demain à 20h');
      assert.match(firstSentence(first), /assistant automatique du restaurant.*parler à quelqu'un/, first);
      assert.match(first, /nom/);
      const second = await text('Martin');
      assert.doesNotMatch(second, /assistant automatique/);
    });
  }

  it('opens an English text conversation with the English disclosure', async () => {
    const r = await twilioPost(s.base, '/twilio/messaging', {
      MessageSid: sid('SM'),
      AccountSid: ACCOUNT,
      From: '+12125550188',
      To: '+33100000000',
      Body: 'a table for 2 tomorrow at 8pm',
      NumMedia: '0',
    });
    const reply = twimlTexts(r.text, 'Message').join(' ');
    assert.match(firstSentence(reply), /restaurant's automated assistant.*ask for a person/, reply);
  });
});
