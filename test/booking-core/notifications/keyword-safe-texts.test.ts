// No text a guest can receive asks them to send a word Twilio takes as an opt-out, opt-in or
// help request (CANCEL would unsubscribe them instead of cancelling a booking). The only texts
// that name such a word are the ones about opting out, and they name STOP, to stop.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
/** Every catalogue of guest-facing words. */
const CATALOGUES = [
  'booking-core/notifications/texts/fr.ts',
  'booking-core/notifications/texts/en.ts',
  'dialogs/texts/fr.ts',
  'dialogs/texts/en.ts',
  'dialogs/texts/french.ts',
  'adapters/channel-texts.ts',
  'bot/waitlist-texts.ts',
];
const KEYWORDS = 'STOP|STOPALL|CANCEL|END|QUIT|UNSUBSCRIBE|REVOKE|OPTOUT|ARRET|ARRÊT|START|YES|UNSTOP|HELP|INFO|AIDE';
/** "reply CANCEL", "répondez « stop »", "send YES". */
const VERBS = 'reply|text|send|type|write|answer|répondez|envoyez|écrivez|tapez';
const ASKED = new RegExp(`\\b(${VERBS})\\s+(with\\s+|par\\s+)?["'«“]?\\s?(${KEYWORDS})\\b`, 'giu');
/** A keyword written in capitals, as texts write the words to send ("or CANCEL if not"). */
const SHOUTED = new RegExp(`(?<![\\p{L}])(${KEYWORDS})(?![\\p{L}])`, 'gu');
/** The lines about opting out, which must say how: "répondez STOP" / "reply STOP". */
const ABOUT_OPTING_OUT = /^\s*(resubscribed|help)\b|Pour ne plus recevoir nos messages|To stop receiving our messages/;

describe('guest texts never ask for a keyword', () => {
  for (const file of CATALOGUES)
    test(file, () => {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*\*)/.test(line)) return;
        const found = [...line.matchAll(ASKED), ...line.matchAll(SHOUTED)].map((m) => m[0]);
        if (!found.length) return;
        assert.ok(ABOUT_OPTING_OUT.test(line), `${file}:${i + 1} asks for ${found.join(', ')}: ${line.trim()}`);
        for (const f of found) assert.match(f, /STOP$/u, `${file}:${i + 1} names ${f} to stop: ${line.trim()}`);
      });
    });
});
