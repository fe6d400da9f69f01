// The voice adapter over real HTTP with a scripted bot: TwiML shape, languages, silence,
// transfers, hang-ups, signatures, retries and slow turns.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RecordingReadiness } from '../../adapters/recording-readiness';
import { startHarness, sid, twilioPost, twimlAttributes, twimlTexts, type Harness } from './adapter-harness';

const ACCOUNT = `AC${'0'.repeat(32)}`;

function call(from: string) {
  return {
    CallSid: sid('CA'),
    AccountSid: ACCOUNT,
    From: from,
    To: '+33100000000',
    Direction: 'inbound',
    CallStatus: 'ringing',
  };
}

describe('Twilio voice adapter', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('greets a French caller with a French <Gather> for keys and speech whose action continues the call', async () => {
    const c = call('+33612340001');
    const r = await twilioPost(h.base, '/twilio/voice/incoming', c);
    assert.equal(r.status, 200);
    assert.match(r.type, /text\/xml/);
    const g = twimlAttributes(r.text, 'Gather');
    assert.ok(g, r.text);
    assert.equal(g.input, 'dtmf speech');
    assert.equal(g.language, 'fr-FR');
    assert.equal(g.action, `${h.base}/twilio/voice/gather?turn=1&lang=fr`);
    assert.equal(g.method, 'POST');
    assert.equal(g.actionOnEmptyResult, 'true');
    assert.equal(g.speechTimeout, '2');
    assert.match(g.hints, /demain/);
    const say = twimlAttributes(r.text, 'Say');
    assert.equal(say?.voice, 'Polly.Lea-Neural');
    assert.equal(say?.language, 'fr-FR');
    assert.match(twimlTexts(r.text, 'Say').join(' '), /Bonjour/);
    // The <Say> is inside the <Gather>, so the caller can answer over it.
    assert.match(r.text, /<Gather[^>]*><Say/);
    const join = h.bot.seen.find((a) => a.conversation?.id === `voice:${c.CallSid}`);
    assert.equal(join?.type, 'conversationUpdate');
    assert.equal(join?.channelId, 'voice');
    assert.equal(join?.from?.id, '+33612340001');
    assert.deepEqual(
      join?.membersAdded?.map((m) => m.id),
      ['+33612340001'],
    );
  });

  it('guesses the language from the country code: English for +1 and +44, French for Quebec', async () => {
    for (const [from, lang, voice] of [
      ['+12125550100', 'en-US', 'Polly.Joanna-Neural'],
      ['+447700900123', 'en-US', 'Polly.Joanna-Neural'],
      ['+15145550100', 'fr-FR', 'Polly.Lea-Neural'],
      ['+32470123456', 'fr-FR', 'Polly.Lea-Neural'],
    ]) {
      const r = await twilioPost(h.base, '/twilio/voice/incoming', call(from));
      assert.equal(twimlAttributes(r.text, 'Gather')?.language, lang, from);
      assert.equal(twimlAttributes(r.text, 'Say')?.voice, voice, from);
    }
  });

  it('gives a caller with a withheld number an id that is no phone number', async () => {
    for (const from of ['+266696687', 'anonymous', '']) {
      const c = call(from);
      const r = await twilioPost(h.base, '/twilio/voice/incoming', c);
      assert.equal(twimlAttributes(r.text, 'Gather')?.language, 'fr-FR');
      const join = h.bot.seen.find((a) => a.conversation?.id === `voice:${c.CallSid}`);
      assert.match(join?.from?.id ?? '', /^anonymous:[a-z]+$/, from);
    }
  });

  it('makes each SpeechResult one turn and follows the language the bot switches to', async () => {
    const c = call('+33612340002');
    await twilioPost(h.base, '/twilio/voice/incoming', c);
    let r = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', {
      ...c,
      CallStatus: 'in-progress',
      SpeechResult: 'une table pour deux',
      Confidence: '0.9',
    });
    assert.equal(r.status, 200);
    assert.deepEqual(twimlTexts(r.text, 'Say'), ['echo une table pour deux']);
    assert.equal(twimlAttributes(r.text, 'Gather')?.action, `${h.base}/twilio/voice/gather?turn=2&lang=fr`);
    const msg = h.bot.messages().find((a) => a.conversation?.id === `voice:${c.CallSid}`);
    assert.equal(msg?.text, 'une table pour deux');
    assert.equal(msg?.locale, 'fr-FR');
    assert.equal(msg?.from?.id, '+33612340002');
    assert.equal(
      (msg?.channelData as { raw: Record<string, string> } | undefined)?.raw.SpeechResult,
      'une table pour deux',
    );

    r = await twilioPost(h.base, '/twilio/voice/gather?turn=2&lang=fr', {
      ...c,
      CallStatus: 'in-progress',
      SpeechResult: 'in english please',
    });
    const g = twimlAttributes(r.text, 'Gather');
    assert.equal(g?.language, 'en-US');
    assert.equal(g?.action, `${h.base}/twilio/voice/gather?turn=3&lang=en`);
    assert.equal(twimlAttributes(r.text, 'Say')?.voice, 'Polly.Joanna-Neural');
  });

  it('re-prompts once on silence, then says goodbye and hangs up', async () => {
    const c = call('+33612340003');
    await twilioPost(h.base, '/twilio/voice/incoming', c);
    const before = h.bot.messages().length;
    let r = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', { ...c, CallStatus: 'in-progress' });
    assert.match(twimlTexts(r.text, 'Say').join(' '), /répéter/);
    const action = twimlAttributes(r.text, 'Gather')?.action ?? '';
    assert.equal(action, `${h.base}/twilio/voice/gather?turn=2&lang=fr&silence=1`);
    r = await twilioPost(h.base, action, { ...c, CallStatus: 'in-progress', SpeechResult: '' });
    assert.match(twimlTexts(r.text, 'Say').join(' '), /Au revoir/);
    assert.match(r.text, /<Hangup\/>/);
    assert.equal(twimlAttributes(r.text, 'Gather'), null);
    assert.equal(h.bot.messages().length, before, 'silence runs no bot turn');
  });

  it('speech after one silence resets the count', async () => {
    const c = call('+33612340004');
    const r = await twilioPost(h.base, '/twilio/voice/gather?turn=2&lang=fr&silence=1', {
      ...c,
      CallStatus: 'in-progress',
      SpeechResult: 'oui',
    });
    assert.equal(twimlAttributes(r.text, 'Gather')?.action, `${h.base}/twilio/voice/gather?turn=3&lang=fr`);
  });

  it('transfers a handoff to the restaurant with <Dial>, and hangs up politely when nobody answers', async () => {
    const c = call('+33612340005');
    let r = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', {
      ...c,
      CallStatus: 'in-progress',
      SpeechResult: 'handoff',
    });
    assert.match(r.text, /<Dial[^>]*>\+33140000000<\/Dial>/);
    const dial = twimlAttributes(r.text, 'Dial');
    assert.equal(dial?.action, `${h.base}/twilio/voice/dial?lang=fr`);
    assert.match(twimlTexts(r.text, 'Say').join(' '), /ne quittez pas/);
    for (let i = 0; i < 50 && h.handoffs.at(-1)?.conversationId !== `voice:${c.CallSid}`; i++)
      await new Promise((res) => setTimeout(res, 20));
    assert.equal(h.handoffs.at(-1)?.conversationId, `voice:${c.CallSid}`);
    assert.equal(h.handoffs.at(-1)?.reason, 'requested');
    r = await twilioPost(h.base, '/twilio/voice/dial?lang=fr', {
      ...c,
      CallStatus: 'in-progress',
      DialCallStatus: 'no-answer',
    });
    assert.match(twimlTexts(r.text, 'Say').join(' '), /rappellera/);
    assert.match(r.text, /<Hangup\/>/);
    r = await twilioPost(h.base, '/twilio/voice/dial?lang=fr', {
      ...c,
      CallStatus: 'in-progress',
      DialCallStatus: 'completed',
    });
    assert.equal(twimlTexts(r.text, 'Say').length, 0);
  });

  it('says goodbye and hangs up when the bot ends the conversation', async () => {
    const c = call('+33612340006');
    const r = await twilioPost(h.base, '/twilio/voice/gather?turn=4&lang=fr', {
      ...c,
      CallStatus: 'in-progress',
      SpeechResult: 'bye',
    });
    assert.deepEqual(twimlTexts(r.text, 'Say'), ['Au revoir !']);
    assert.match(r.text, /<Hangup\/>/);
  });

  it('closes the conversation once on the status callback, keeping the call for the transcript', async () => {
    const c = call('+33612340007');
    const status = { ...c, CallStatus: 'completed', CallDuration: '42' };
    const [a, b] = await Promise.all([
      twilioPost(h.base, '/twilio/voice/status', status),
      twilioPost(h.base, '/twilio/voice/status', status),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const ends = h.bot.seen.filter(
      (x) => x.type === 'endOfConversation' && x.conversation?.id === `voice:${c.CallSid}`,
    );
    assert.equal(ends.length, 1);
    assert.deepEqual(
      h.callsEnded.filter((e) => e.callSid === c.CallSid).map((e) => [e.status, e.durationSeconds, e.from]),
      [['completed', 42, '+33612340007']],
    );
    // Progress callbacks change nothing.
    await twilioPost(h.base, '/twilio/voice/status', { ...c, CallStatus: 'in-progress' });
    assert.equal(h.callsEnded.filter((e) => e.callSid === c.CallSid).length, 1);
  });

  it('refuses unsigned, tampered and wrongly keyed webhooks with 403 and runs nothing', async () => {
    const c = call('+33612340008');
    const seen = h.bot.seen.length;
    const unsigned = await twilioPost(h.base, '/twilio/voice/incoming', c, { sign: false });
    assert.equal(unsigned.status, 403);
    assert.equal(JSON.parse(unsigned.text).error, 'forbidden');
    const wrongKey = await twilioPost(h.base, '/twilio/voice/incoming', c, { token: 'another-token' });
    assert.equal(wrongKey.status, 403);
    // Signed for one SpeechResult, sent with another.
    const signedFor = await import('./adapter-harness').then((m) =>
      m.twilioSignature(`${h.base}/twilio/voice/gather?turn=1&lang=fr`, { ...c, SpeechResult: 'deux personnes' }),
    );
    const tampered = await twilioPost(
      h.base,
      '/twilio/voice/gather?turn=1&lang=fr',
      { ...c, SpeechResult: 'huit personnes' },
      { signature: signedFor },
    );
    assert.equal(tampered.status, 403);
    // Signed for turn 1, replayed against turn 2 (the query is part of what is signed).
    const otherTurn = await twilioPost(
      h.base,
      '/twilio/voice/gather?turn=2&lang=fr',
      { ...c, SpeechResult: 'deux personnes' },
      { signature: signedFor },
    );
    assert.equal(otherTurn.status, 403);
    assert.equal(h.bot.seen.length, seen);
  });

  it('answers a retried turn with the same TwiML without running the bot twice, even concurrently', async () => {
    const c = call('+33612340009');
    const body = { ...c, CallStatus: 'in-progress', SpeechResult: 'slow 150' };
    const before = h.bot.messages().length;
    const [a, b] = await Promise.all([
      twilioPost(h.base, '/twilio/voice/gather?turn=3&lang=fr', body),
      twilioPost(h.base, '/twilio/voice/gather?turn=3&lang=fr', body),
    ]);
    const later = await twilioPost(h.base, '/twilio/voice/gather?turn=3&lang=fr', body);
    assert.equal(a.text, b.text);
    assert.equal(a.text, later.text);
    assert.equal(h.bot.messages().length, before + 1);
  });

  it('rejects a webhook without CallSid with 400, not 500', async () => {
    const params = { AccountSid: ACCOUNT, From: '+33612340010', To: '+33100000000' };
    const r = await twilioPost(h.base, '/twilio/voice/incoming', params);
    assert.equal(r.status, 400);
    assert.equal(JSON.parse(r.text).error, 'invalid_input');
  });

  it('cuts a 10,000-character SpeechResult and strips control bytes', async () => {
    const c = call('+33612340011');
    const r = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', {
      ...c,
      SpeechResult: `a\u0000b\u0007 ${'x'.repeat(10_000)}`,
    });
    assert.equal(r.status, 200);
    const msg = h.bot.messages().find((a) => a.conversation?.id === `voice:${c.CallSid}`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    assert.ok(msg?.text && msg.text.length <= 600 && !/[\u0000\u0007]/.test(msg.text));
  });
});

describe('Twilio voice adapter, slow turns and other settings', () => {
  it('holds the caller with a short message and picks the answer up on the redirect', async () => {
    const h = await startHarness({ turnBudgetMs: 400 });
    try {
      const c = call('+33612340020');
      const r = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', {
        ...c,
        CallStatus: 'in-progress',
        SpeechResult: 'slow 600',
      });
      assert.match(twimlTexts(r.text, 'Say').join(' '), /Un instant/);
      const redirect = twimlTexts(r.text, 'Redirect')[0];
      assert.equal(redirect, `${h.base}/twilio/voice/wait?turn=1&lang=fr&tries=1`);
      // Each wait holds up to the budget again; the 600 ms turn is ready within the first or second.
      let final = await twilioPost(h.base, redirect, { ...c, CallStatus: 'in-progress' });
      const again = twimlTexts(final.text, 'Redirect')[0];
      if (again) final = await twilioPost(h.base, again, { ...c, CallStatus: 'in-progress' });
      assert.doesNotMatch(final.text, /souci technique/, 'the slow answer was picked up, not given up on');
      assert.deepEqual(twimlTexts(final.text, 'Say'), ['echo slow 600']);
      assert.equal(twimlAttributes(final.text, 'Gather')?.action, `${h.base}/twilio/voice/gather?turn=2&lang=fr`);
    } finally {
      await h.close();
    }
  });

  it('says a short goodbye to calls for a number that is not ours, and hangs up without a transfer loop', async () => {
    const h = await startHarness({ ownNumbers: ['+33100000000'], transferNumber: '+33100000000' });
    try {
      const stranger = await twilioPost(h.base, '/twilio/voice/incoming', {
        ...call('+33612340021'),
        To: '+33199999999',
      });
      assert.equal(stranger.status, 200);
      assert.match(stranger.text, /<Hangup\/>/);
      // The restaurant's line is the Twilio number itself: a transfer would ring the bot again.
      const r = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', {
        ...call('+33612340022'),
        SpeechResult: 'handoff',
      });
      assert.doesNotMatch(r.text, /<Dial/);
      assert.match(r.text, /<Hangup\/>/);
    } finally {
      await h.close();
    }
  });

  it('never transfers a call to the number that was called, configured or not', async () => {
    const h = await startHarness({ transferNumber: '+33100000000' });
    try {
      const r = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', {
        ...call('+33612340023'),
        SpeechResult: 'handoff',
      });
      assert.doesNotMatch(r.text, /<Dial/);
      assert.match(twimlTexts(r.text, 'Say').join(' '), /rappellera/);
    } finally {
      await h.close();
    }
  });
});

describe('Twilio voice adapter with Whisper transcription (VOICE_STT=whisper)', () => {
  const REC = `RE${'a1'.repeat(16)}`;
  const BASIC = `Basic ${Buffer.from(`${ACCOUNT}:tok`).toString('base64')}`;

  /**
   * A local server speaking Twilio's recording URLs (a file is 404 until Twilio made it ready,
   * DELETE removes it) and OpenAI's transcription API.
   */
  async function fakeTwilioAndOpenAi() {
    const { createServer } = await import('node:http');
    const { EventEmitter } = await import('node:events');
    const { once } = EventEmitter;
    const seen: Array<{ method: string; path: string; auth?: string; body: string; ready: boolean }> = [];
    const ready = new Set<string>();
    const events = new EventEmitter();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        const sidInPath = /\/Recordings\/(RE\w+?)\.(wav|json)$/.exec(path)?.[1] ?? '';
        const entry = {
          method: req.method ?? '',
          path,
          auth: req.headers.authorization,
          body: Buffer.concat(chunks).toString('latin1'),
          ready: ready.has(sidInPath),
        };
        seen.push(entry);
        if (req.method === 'GET' && sidInPath && entry.ready) {
          res.writeHead(200, { 'Content-Type': 'audio/wav' });
          res.end(Buffer.from('RIFF....WAVEfmt fake audio'));
        } else if (req.method === 'DELETE' && sidInPath && entry.ready) {
          ready.delete(sidInPath);
          res.statusCode = 204;
          res.end();
        } else if (req.method === 'POST' && path === '/v1/audio/transcriptions') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ text: ' Une table pour quatre demain soir. ' }));
        } else {
          res.writeHead(404).end();
        }
        events.emit('request', entry);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const { createWhisperStt } = await import('../../adapters/whisper-stt');
    const stt = createWhisperStt({
      apiKey: 'sk-test',
      baseUrl: `http://127.0.0.1:${port}/v1`,
      twilioAccountSid: ACCOUNT,
      twilioAuthToken: 'tok',
    });
    return {
      stt,
      seen,
      recordingUrl: (sid: string) => `http://127.0.0.1:${port}/2010-04-01/Accounts/${ACCOUNT}/Recordings/${sid}`,
      /** What Twilio does when the file is written: it becomes downloadable. */
      makeReady: (sid: string) => ready.add(sid),
      async deleted(sid: string) {
        const isDelete = (e: { method: string; path: string }) => e.method === 'DELETE' && e.path.includes(sid);
        while (!seen.some(isDelete)) await once(events, 'request');
        return seen.find(isDelete);
      },
      close: () => server.close(),
    };
  }

  it('records each answer, waits until Twilio says the file is ready, transcribes it, then deletes it', async () => {
    const fake = await fakeTwilioAndOpenAi();
    const readiness = new RecordingReadiness();
    const h = await startHarness({ stt: fake.stt, recordingWaitMs: 60_000, readiness });
    try {
      const c = call('+33612340030');
      let r = await twilioPost(h.base, '/twilio/voice/incoming', c);
      const rec = twimlAttributes(r.text, 'Record');
      assert.ok(rec, r.text);
      assert.equal(rec.action, `${h.base}/twilio/voice/recorded?turn=1&lang=fr`);
      assert.equal(rec.recordingStatusCallback, `${h.base}/twilio/voice/recording?turn=1&lang=fr`);
      assert.equal(rec.recordingStatusCallbackEvent, 'completed absent');
      assert.equal(rec.playBeep, 'false');
      assert.equal(twimlTexts(r.text, 'Redirect')[0], `${h.base}/twilio/voice/recorded?turn=1&lang=fr&empty=1`);
      const recording = { RecordingUrl: fake.recordingUrl(REC), RecordingSid: REC };
      // Twilio requests the action as the caller stops talking, before the file is written.
      const answer = twilioPost(h.base, rec.action, {
        ...c,
        CallStatus: 'in-progress',
        ...recording,
        RecordingDuration: '3',
      });
      let stop = false;
      const waiting = (async () => {
        while (!stop && !readiness.isAwaited(REC)) await new Promise((resolve) => setImmediate(resolve));
        return 'waiting for the ready callback';
      })();
      const first = await Promise.race([waiting, answer.then(() => 'answered before the file was ready')]);
      stop = true;
      assert.equal(first, 'waiting for the ready callback');
      assert.equal(fake.seen.filter((s) => s.method === 'GET').length, 0);
      fake.makeReady(REC);
      const callback = await twilioPost(h.base, rec.recordingStatusCallback, {
        ...c,
        CallStatus: 'in-progress',
        ...recording,
        RecordingStatus: 'completed',
        RecordingDuration: '3',
      });
      assert.equal(callback.status, 200);
      r = await answer;
      assert.deepEqual(twimlTexts(r.text, 'Say'), ['echo Une table pour quatre demain soir.']);
      const downloads = fake.seen.filter((s) => s.method === 'GET');
      assert.equal(downloads.length, 1, 'downloaded once');
      assert.ok(downloads[0]?.ready, 'not fetched before Twilio said the file was ready');
      assert.equal(downloads[0]?.path, `/2010-04-01/Accounts/${ACCOUNT}/Recordings/${REC}.wav`);
      assert.equal(downloads[0]?.auth, BASIC);
      const upload = fake.seen.find((s) => s.path === '/v1/audio/transcriptions');
      assert.match(upload?.body ?? '', /name="model"\r\n\r\nwhisper-1/);
      assert.match(upload?.body ?? '', /fake audio/);
      // Read, then removed from Twilio: the caller's voice is not kept.
      const deleted = await fake.deleted(REC);
      assert.equal(deleted?.path, `/2010-04-01/Accounts/${ACCOUNT}/Recordings/${REC}.json`);
      assert.equal(deleted?.auth, BASIC);
      // Nothing recorded: the redirect after <Record> is the silence path.
      r = await twilioPost(h.base, `/twilio/voice/recorded?turn=2&lang=fr&empty=1`, {
        ...c,
        CallStatus: 'in-progress',
      });
      assert.match(twimlTexts(r.text, 'Say').join(' '), /répéter/);
      assert.ok(twimlAttributes(r.text, 'Record'));
    } finally {
      await h.close();
      fake.close();
    }
  });

  it('takes a recording Twilio reports absent as silence, without trying to download it', async () => {
    const fake = await fakeTwilioAndOpenAi();
    const h = await startHarness({ stt: fake.stt, recordingWaitMs: 60_000 });
    try {
      const c = { ...call('+33612340031'), CallStatus: 'in-progress' };
      const sid = `RE${'b2'.repeat(16)}`;
      const recording = { RecordingUrl: fake.recordingUrl(sid), RecordingSid: sid };
      const callback = await twilioPost(h.base, '/twilio/voice/recording?turn=1&lang=fr', {
        ...c,
        ...recording,
        RecordingStatus: 'absent',
      });
      assert.equal(callback.status, 200);
      const r = await twilioPost(h.base, '/twilio/voice/recorded?turn=1&lang=fr', {
        ...c,
        ...recording,
        RecordingDuration: '1',
      });
      assert.match(twimlTexts(r.text, 'Say').join(' '), /répéter/);
      assert.equal(
        twimlAttributes(r.text, 'Record')?.action,
        `${h.base}/twilio/voice/recorded?turn=2&lang=fr&silence=1`,
      );
      assert.equal(fake.seen.filter((s) => s.method === 'GET').length, 0);
      assert.equal(h.bot.seen.filter((a) => a.conversation?.id === `voice:${c.CallSid}`).length, 0);
    } finally {
      await h.close();
      fake.close();
    }
  });

  it("answers an earlier design's /twilio/voice/recording action as a recorded turn", async () => {
    const fake = await fakeTwilioAndOpenAi();
    const h = await startHarness({ stt: fake.stt, recordingWaitMs: 60_000 });
    try {
      const c = { ...call('+33612340032'), CallStatus: 'in-progress' };
      const sid = `RE${'c3'.repeat(16)}`;
      fake.makeReady(sid);
      await twilioPost(h.base, '/twilio/voice/recording', {
        ...c,
        RecordingUrl: fake.recordingUrl(sid),
        RecordingSid: sid,
        RecordingStatus: 'completed',
      });
      // Its action carried no turn or language: no RecordingStatus in the body.
      const r = await twilioPost(h.base, '/twilio/voice/recording', {
        ...c,
        RecordingUrl: fake.recordingUrl(sid),
        RecordingSid: sid,
        RecordingDuration: '4',
      });
      assert.equal(r.status, 200);
      assert.deepEqual(twimlTexts(r.text, 'Say'), ['echo Une table pour quatre demain soir.']);
      assert.equal(twimlAttributes(r.text, 'Record')?.action, `${h.base}/twilio/voice/recorded?turn=2&lang=fr`);
    } finally {
      await h.close();
      fake.close();
    }
  });
});

describe("Twilio voice adapter, an earlier design's /twilio/voice/poll", () => {
  it('picks a slow answer up like /twilio/voice/wait', async () => {
    const h = await startHarness({ turnBudgetMs: 400 });
    try {
      const c = { ...call('+33612340033'), CallStatus: 'in-progress' };
      const first = await twilioPost(h.base, '/twilio/voice/gather?turn=1&lang=fr', { ...c, SpeechResult: 'slow 600' });
      assert.match(twimlTexts(first.text, 'Say').join(' '), /Un instant/);
      let r = await twilioPost(h.base, '/twilio/voice/poll?turn=1&lang=fr&tries=1', c);
      const again = twimlTexts(r.text, 'Redirect')[0];
      if (again) r = await twilioPost(h.base, again, c);
      assert.deepEqual(twimlTexts(r.text, 'Say'), ['echo slow 600']);
      assert.equal(twimlAttributes(r.text, 'Gather')?.action, `${h.base}/twilio/voice/gather?turn=2&lang=fr`);
    } finally {
      await h.close();
    }
  });
});
