// A caller asks for a person and nobody picks up: they may leave a message, which staff find
// as a callback task (caller, language, recording, transcript) with an alert in the outbox.
// Driven through the whole server by webhooks signed as Twilio signs them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { phoneForReader } from '../../booking-core/phone';
import type { CallbackTask } from '../../booking-core';
import { startTestServer, type TestServer } from '../helpers/app';
import { sid, twilioPost, twimlAttributes, twimlTexts } from '../adapters/adapter-harness';

const ACCOUNT = `AC${'0'.repeat(32)}`;
/** The demo restaurant's own line, which transfers dial. */
const RESTAURANT_LINE = '+33100000000';

describe('Transfer with a fallback: voicemail and callback task', () => {
  let s: TestServer;
  let token: string;
  before(async () => {
    s = await startTestServer({ env: { MANAGER_EMAILS: 'manager@example.test', MANAGER_PHONES: '+33611112222' } });
    token = await s.login();
  });
  after(() => s.close());

  it('an unanswered transfer offers a recorded message that becomes a callback task, with an alert', async () => {
    const from = '+33612348001';
    const c = { CallSid: sid('CA'), AccountSid: ACCOUNT, From: from, To: '+33199999999' };
    const asked = await twilioPost(s.base, '/twilio/voice/gather?turn=1&lang=fr', {
      ...c,
      SpeechResult: "je voudrais parler à quelqu'un",
    });
    const dial = twimlAttributes(asked.text, 'Dial');
    assert.ok(dial, asked.text);
    assert.equal(dial.timeout, '20');

    // Twilio calls the <Dial action> when the restaurant's line did not pick up.
    const missed = await twilioPost(s.base, dial.action, {
      ...c,
      CallStatus: 'in-progress',
      DialCallStatus: 'no-answer',
    });
    assert.match(twimlTexts(missed.text, 'Say')[0], /enregistré/);
    const rec = twimlAttributes(missed.text, 'Record');
    assert.ok(rec, missed.text);
    assert.equal(rec.transcribe, 'true');
    assert.equal(rec.playBeep, 'true');
    assert.equal(rec.recordingStatusCallbackEvent, 'completed absent');
    // A retried action changes nothing: one task, one alert per manager.
    await twilioPost(s.base, dial.action, { ...c, CallStatus: 'in-progress', DialCallStatus: 'no-answer' });

    const done = await twilioPost(s.base, rec.action, {
      ...c,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/RE1`,
      RecordingSid: 'RE1',
      RecordingDuration: '14',
    });
    assert.match(twimlTexts(done.text, 'Say').join(' '), /bien enregistré/);
    assert.match(done.text, /<Hangup\/>/);
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Recordings/RE1`;
    await twilioPost(s.base, rec.recordingStatusCallback, {
      ...c,
      RecordingSid: 'RE1',
      RecordingUrl: recordingUrl,
      RecordingStatus: 'completed',
      RecordingDuration: '14',
    });
    await twilioPost(s.base, rec.transcribeCallback, {
      ...c,
      RecordingSid: 'RE1',
      TranscriptionStatus: 'completed',
      TranscriptionText: 'Bonjour, Marie Dupont, rappelez-moi pour un groupe de douze samedi.',
    });

    const open = await s.json('/api/admin/callbacks', { token });
    assert.equal(open.status, 200);
    const task = (open.body as CallbackTask[]).find((t) => t.id === c.CallSid);
    assert.ok(task, JSON.stringify(open.body));
    assert.equal(task.phone, from);
    assert.equal(task.language, 'fr');
    assert.equal(task.reason, 'no-answer');
    assert.equal(task.recordingUrl, recordingUrl);
    assert.equal(task.recordingSeconds, 14);
    assert.match(task.transcript ?? '', /rappelez-moi pour un groupe de douze/);
    assert.equal(task.transcriptStatus, 'completed');
    assert.equal(task.done, false);

    const alerts = (await s.app.ctx.store.listOutbox(200)).filter(
      (e) => e.meta.purpose === 'callback_alert' && e.body.includes(phoneForReader(from, 'FR')),
    );
    assert.deepEqual(alerts.map((e) => `${e.kind} ${e.to}`).sort(), ['email manager@example.test', 'sms +33611112222']);
    assert.match(alerts.find((e) => e.kind === 'email')?.body ?? '', /#\/callbacks/);

    const marked = await s.json(`/api/admin/callbacks/${c.CallSid}`, { method: 'PATCH', body: { done: true }, token });
    assert.equal(marked.status, 200);
    assert.equal(marked.body.done, true);
    assert.ok(marked.body.doneBy);
    const still = await s.json('/api/admin/callbacks', { token });
    assert.ok(!(still.body as CallbackTask[]).some((t) => t.id === c.CallSid));
    const doneList = await s.json('/api/admin/callbacks?status=done', { token });
    assert.ok((doneList.body as CallbackTask[]).some((t) => t.id === c.CallSid));
    const undone = await s.json(`/api/admin/callbacks/${c.CallSid}`, { method: 'PATCH', body: { done: false }, token });
    assert.equal(undone.body.done, false);
    assert.equal(undone.body.doneBy, null);
  });

  it('a busy line is said as such; a caller who leaves nothing is told the team will call back', async () => {
    const c = { CallSid: sid('CA'), AccountSid: ACCOUNT, From: '+12125550199', To: '+33199999999' };
    const asked = await twilioPost(s.base, '/twilio/voice/gather?turn=1&lang=en', {
      ...c,
      SpeechResult: 'can I speak to someone please',
    });
    const dial = twimlAttributes(asked.text, 'Dial');
    assert.ok(dial, asked.text);
    const missed = await twilioPost(s.base, dial.action, { ...c, DialCallStatus: 'busy' });
    assert.match(twimlTexts(missed.text, 'Say')[0], /recorded/);
    // Past <Record> only when nothing was recorded: a goodbye.
    assert.match(missed.text, /<Record [^>]*\/><Say[^>]*>[^<]*call you back[^<]*<\/Say><Hangup\/>/);
    const task = await s.app.ctx.store.getCallbackTask(c.CallSid);
    assert.equal(task?.reason, 'busy');
    assert.equal(task?.language, 'en');
    // The connected case: no message offered.
    const connected = await twilioPost(s.base, dial.action, { ...c, DialCallStatus: 'completed' });
    assert.doesNotMatch(connected.text, /<Record/);
  });

  it('never transfers a call the restaurant line forwarded to us: straight to the message', async () => {
    const c = {
      CallSid: sid('CA'),
      AccountSid: ACCOUNT,
      From: '+33612348003',
      To: '+33199999999',
      ForwardedFrom: RESTAURANT_LINE,
    };
    const greeted = await twilioPost(s.base, '/twilio/voice/incoming', c);
    const gather = twimlAttributes(greeted.text, 'Gather');
    assert.ok(gather, greeted.text);
    assert.match(gather.action, /fwd=1/);
    // Later webhooks need not repeat ForwardedFrom: the action URL carries the guard.
    const { ForwardedFrom: _dropped, ...later } = c;
    const asked = await twilioPost(s.base, gather.action, { ...later, SpeechResult: "je voudrais parler à quelqu'un" });
    assert.doesNotMatch(asked.text, /<Dial/);
    assert.ok(twimlAttributes(asked.text, 'Record'), asked.text);
    assert.equal((await s.app.ctx.store.getCallbackTask(c.CallSid))?.reason, 'forwarded-back');
  });

  it('refuses unsigned voicemail webhooks and bad staff input', async () => {
    const c = { CallSid: sid('CA'), AccountSid: ACCOUNT, From: '+33612348004', To: '+33199999999' };
    const unsigned = await twilioPost(
      s.base,
      '/twilio/voice/voicemail-transcript?lang=fr',
      { ...c, TranscriptionStatus: 'completed', TranscriptionText: 'x' },
      { sign: false },
    );
    assert.equal(unsigned.status, 403);
    assert.equal((await s.json('/api/admin/callbacks')).status, 401);
    const bad = await s.json('/api/admin/callbacks/CA0', { method: 'PATCH', body: { done: 'yes' }, token });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, 'invalid_input');
    const missing = await s.json('/api/admin/callbacks/CA-none', { method: 'PATCH', body: { done: true }, token });
    assert.equal(missing.status, 404);
    assert.equal((await s.json('/api/admin/callbacks?status=maybe', { token })).status, 400);
  });
});
