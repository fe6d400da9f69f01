// Twilio's replays, over HTTP on the whole server: a signed SMS sent again long after (twenty
// other messages of the same conversation later) gets the answer it got the first time, and
// the bot does not run its turn twice; so does a call's turn (CallSid and turn). The answers are
// expiring records, kept 48 hours, then swept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sid, twilioPost, twimlAttributes, twimlTexts } from '../../adapters/adapter-harness';
import { WEBHOOK_REPLY_MS } from '../../../bot/channels';
import { manualClock, startTestServer, type TestServer } from '../../helpers/app';

const ACCOUNT = `AC${'0'.repeat(32)}`;
const FROM = '+33612349876';

describe('webhook replays', () => {
  const clock = manualClock(new Date(Date.now() + 24 * 3600_000));
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ clock });
  });
  after(() => s.close());

  const sms = (MessageSid: string, Body: string) =>
    twilioPost(s.base, '/twilio/messaging', {
      MessageSid,
      AccountSid: ACCOUNT,
      From: FROM,
      To: '+33100000000',
      Body,
      NumMedia: '0',
    });
  const guestLines = async (text: string) =>
    (await s.app.ctx.store.getTranscript(`sms:${FROM}`)).filter((l) => l.from === 'guest' && l.text === text).length;

  it('answers a replay twenty messages later with the stored answer, without running the bot again', async () => {
    const firstSid = sid('SM');
    const first = await sms(firstSid, 'Bonjour, quels sont vos horaires ?');
    assert.equal(first.status, 200);
    assert.ok(twimlTexts(first.text, 'Message').join(' ').length > 10, first.text);
    for (let i = 0; i < 20; i++) assert.equal((await sms(sid('SM'), `merci ${i}`)).status, 200);

    clock.advance(47 * 60); // 47 hours on: still inside the 48 kept
    const replay = await sms(firstSid, 'Bonjour, quels sont vos horaires ?');
    assert.equal(replay.status, 200);
    assert.equal(replay.text, first.text);
    assert.equal(await guestLines('Bonjour, quels sont vos horaires ?'), 1, 'the bot ran the turn once');
    assert.equal(WEBHOOK_REPLY_MS, 48 * 3600_000);
  });

  it('answers a replayed call turn (CallSid and turn) later in the call with its first answer', async () => {
    const call = {
      CallSid: sid('CA'),
      AccountSid: ACCOUNT,
      From: '+33612349877',
      To: '+33100000000',
      Direction: 'inbound',
    };
    const incoming = await twilioPost(s.base, '/twilio/voice/incoming', { ...call, CallStatus: 'ringing' });
    const firstAction = twimlAttributes(incoming.text, 'Gather')?.action ?? '';
    assert.ok(firstAction, incoming.text);
    const turn = (action: string, SpeechResult: string) =>
      twilioPost(s.base, action, { ...call, CallStatus: 'in-progress', SpeechResult, Confidence: '0.9' });
    const first = await turn(firstAction, 'Quels sont vos horaires ?');
    assert.equal(first.status, 200);
    let action = twimlAttributes(first.text, 'Gather')?.action ?? '';
    for (let i = 0; i < 5 && action; i++)
      action = twimlAttributes((await turn(action, 'Et le menu ?')).text, 'Gather')?.action ?? '';

    clock.advance(60);
    const replay = await turn(firstAction, 'Quels sont vos horaires ?');
    assert.equal(replay.text, first.text);
    const heard = (await s.app.ctx.store.getTranscript(`voice:${call.CallSid}`)).filter(
      (l) => l.from === 'guest' && l.text === 'Quels sont vos horaires ?',
    );
    assert.equal(heard.length, 1, 'the bot ran the turn once');
  });

  it('forgets the answers after 48 hours: the sweep deletes them', async () => {
    const records = s.app.ctx.store.records();
    clock.advance(49 * 60);
    assert.ok((await records.sweep(clock())) > 0, 'expired answers swept');
    assert.equal(await records.sweep(clock()), 0);
  });
});
