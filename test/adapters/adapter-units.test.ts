// The adapters' pure parts: signatures, language guesses, opt-out words, message splitting,
// text cleaning, the retry guard and the per-conversation serialiser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyedSerializer } from '../../adapters/activity-adapter';
import { cleanText } from '../../adapters/http-io';
import { e164, localeFromPhone, normaliseLocale } from '../../adapters/locale';
import { packMessages, splitMessage } from '../../adapters/message-split';
import { readKeyword } from '../../adapters/opt-out';
import { MemoryReplyCache, ReplayGuard } from '../../adapters/replay-guard';
import { publicUrl, signTwilioRequest, verifyTwilioSignature } from '../../adapters/twilio-signature';
import { twilioSignature } from './adapter-harness';

describe('Twilio signatures', () => {
  const config = { authToken: 'secret-token', publicBaseUrl: 'https://bistro.example/' };
  const params = { CallSid: 'CA1', From: '+33612345678', SpeechResult: 'deux personnes' };

  it('checks PUBLIC_BASE_URL + the exact path and query, as Twilio signs them', () => {
    const url = 'https://bistro.example/twilio/voice/gather?turn=2&lang=fr';
    const sig = twilioSignature(url, params, 'secret-token');
    assert.equal(signTwilioRequest('secret-token', url, params), sig);
    assert.deepEqual(verifyTwilioSignature(config, '/twilio/voice/gather?turn=2&lang=fr', sig, params), { ok: true });
    assert.deepEqual(verifyTwilioSignature(config, '/twilio/voice/gather?turn=3&lang=fr', sig, params), {
      ok: false,
      reason: 'mismatch',
    });
    assert.deepEqual(
      verifyTwilioSignature(config, '/twilio/voice/gather?turn=2&lang=fr', sig, { ...params, SpeechResult: 'huit' }),
      { ok: false, reason: 'mismatch' },
    );
    assert.deepEqual(verifyTwilioSignature(config, '/twilio/voice/gather?turn=2&lang=fr', undefined, params), {
      ok: false,
      reason: 'missing',
    });
    assert.deepEqual(
      verifyTwilioSignature({ ...config, authToken: undefined }, '/twilio/voice/gather?turn=2&lang=fr', sig, params),
      { ok: false, reason: 'not_configured' },
    );
  });

  it('builds the public URL without doubling slashes', () => {
    assert.equal(publicUrl('https://x.example/', '/twilio/messaging'), 'https://x.example/twilio/messaging');
    assert.equal(publicUrl('https://x.example', 'twilio/messaging?a=1'), 'https://x.example/twilio/messaging?a=1');
  });
});

describe('Language guesses', () => {
  it('reads the country code of the caller', () => {
    assert.equal(localeFromPhone('+33612345678', 'en-US'), 'fr-FR');
    assert.equal(localeFromPhone('whatsapp:+41791234567', 'en-US'), 'fr-FR');
    assert.equal(localeFromPhone('+12125550100', 'fr-FR'), 'en-US');
    assert.equal(localeFromPhone('+14185550100', 'en-US'), 'fr-FR');
    assert.equal(localeFromPhone('+4915112345678', 'fr-FR'), 'en-US');
    assert.equal(localeFromPhone('anonymous', 'fr-FR'), 'fr-FR');
    assert.equal(e164('whatsapp:+33 6 12 34 56 78'), '+33612345678');
    assert.equal(e164('client:alice'), null);
    assert.equal(normaliseLocale('fr-BE'), 'fr-FR');
    assert.equal(normaliseLocale('EN_gb'), 'en-US');
    assert.equal(normaliseLocale('de'), null);
  });
});

describe('Opt-out words', () => {
  const intent = (body: string, type?: string, advanced = false) => readKeyword(body, type, advanced)?.intent ?? null;

  it("knows Twilio's default words and ARRET as whole messages only, CANCEL included", () => {
    for (const w of [
      'STOP',
      'stop',
      'Stop.',
      'ARRET',
      'arrêt',
      'Arrêter',
      'UNSUBSCRIBE',
      'CANCEL',
      'cancel',
      'END',
      'quit',
      'STOPALL',
      'REVOKE',
      'optout',
      'désabonner',
    ])
      assert.equal(intent(w), 'stop', w);
    for (const w of ['START', 'unstop', 'YES', 'Démarrer']) assert.equal(intent(w), 'start', w);
    for (const w of ['HELP', 'info', 'Aide', 'aide !']) assert.equal(intent(w), 'help', w);
    for (const w of ['annuler', 'cancel my booking', 'stop ma réservation', 'oui', 'yes please', ''])
      assert.equal(intent(w), null, w);
  });

  it('opts back in with "yes" only a guest who is opted out', () => {
    assert.equal(readKeyword('yes')?.onlyWhenOptedOut, true);
    assert.equal(readKeyword('START')?.onlyWhenOptedOut, false);
  });

  it("with Advanced Opt-Out, Twilio's OptOutType alone opts out or in; help words still answered", () => {
    assert.equal(intent('CANCEL', undefined, true), null);
    assert.equal(intent('STOP', undefined, true), null);
    assert.equal(intent('CANCEL', 'STOP', true), 'stop');
    assert.equal(intent('ANNULER', 'STOP', true), 'stop');
    assert.equal(intent('YES', 'START', true), 'start');
    assert.equal(intent('SOS', 'HELP', true), 'help');
    assert.equal(intent('aide', undefined, true), 'help');
  });
});

describe('Message splitting', () => {
  it("keeps short replies whole and joins a turn's messages when they fit", () => {
    assert.deepEqual(splitMessage('Bonjour !'), ['Bonjour !']);
    assert.deepEqual(packMessages(['Bonjour !', 'Pour combien de personnes ?']), [
      'Bonjour !\n\nPour combien de personnes ?',
    ]);
    assert.deepEqual(splitMessage('   '), []);
  });

  it('cuts at paragraphs, then sentences, then words, never losing a character', () => {
    const para = `${'a'.repeat(900)}\n\n${'b'.repeat(900)}`;
    assert.deepEqual(splitMessage(para, 1600), ['a'.repeat(900), 'b'.repeat(900)]);
    const sentences = 'Une phrase complète ici. '.repeat(100).trim();
    const parts = splitMessage(sentences, 160);
    for (const p of parts) {
      assert.ok(p.length <= 160);
      assert.match(p, /ici\.$/);
    }
    assert.equal(parts.join(' '), sentences);
    const words = 'mot '.repeat(500).trim();
    for (const p of splitMessage(words, 100)) assert.match(p, /^mot( mot)*$/);
    const oneWord = 'x'.repeat(350);
    assert.deepEqual(splitMessage(oneWord, 100).join(''), oneWord);
  });
});

describe('Text cleaning', () => {
  it('drops control characters and broken surrogates and bounds the length at a word', () => {
    assert.equal(cleanText('a\u0000b\u0007c\uD800 d\uFFFF', 100), 'a b c d');
    assert.equal(cleanText('😀 ok', 100), '😀 ok');
    assert.equal(cleanText('un deux trois quatre', 14), 'un deux trois');
    assert.equal(cleanText(undefined, 10), '');
  });
});

describe('Retry guard and serialiser', () => {
  it('computes once per key, concurrent callers share the answer, a failure is not remembered', async () => {
    const guard = new ReplayGuard(new MemoryReplyCache());
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { status: 200, contentType: 'text/plain', body: `run ${runs}` };
    };
    const [a, b] = await Promise.all([guard.once('k', compute), guard.once('k', compute)]);
    assert.equal(a.body, 'run 1');
    assert.equal(b.body, 'run 1');
    assert.equal((await guard.once('k', compute)).body, 'run 1');
    assert.equal(runs, 1);
    await assert.rejects(guard.once('bad', async () => Promise.reject(new Error('boom'))));
    assert.equal((await guard.once('bad', compute)).body, 'run 2');
  });

  it("runs one conversation's turns in order, other conversations alongside, and forgets idle keys", async () => {
    const s = new KeyedSerializer();
    const log: string[] = [];
    const job = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
    };
    await Promise.all([s.run('a', job('a1', 30)), s.run('a', job('a2', 1)), s.run('b', job('b1', 1))]);
    assert.ok(log.indexOf('end a1') < log.indexOf('start a2'));
    assert.ok(log.indexOf('end b1') < log.indexOf('end a1'));
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(s.size, 0);
  });
});
