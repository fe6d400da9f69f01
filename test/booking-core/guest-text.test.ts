// What a guest typed, as stored and as written into the restaurant's messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageText, storedText } from '../../booking-core/guest-text';

describe('guest-written text', () => {
  const cases: Array<[string, string, string]> = [
    ['Dupont', 'Dupont', 'Dupont'],
    ['J. Smith', 'J. Smith', 'J. Smith'],
    ['Marie-Claire O’Neil', 'Marie-Claire O’Neil', 'Marie-Claire O’Neil'],
    ['Bob https://evil.example/x?y=1 wins', 'Bob https://evil.example/x?y=1 wins', 'Bob wins'],
    ['visit evil.com now', 'visit evil.com now', 'visit now'],
    ['Anne www.spam.fr', 'Anne www.spam.fr', 'Anne'],
    ['Zoé \u202Emoc.live\u202C', 'Zoé moc.live', 'Zoé'],
    ['Anne\u0007\u0000 Lee', 'Anne Lee', 'Anne Lee'],
    ['Paul, call +33 8 99 12 34 56', 'Paul, call +33 8 99 12 34 56', 'Paul, call'],
    ['Léa ja@x.io', 'Léa ja@x.io', 'Léa'],
  ];
  for (const [typed, stored, sent] of cases) {
    it(`keeps ${JSON.stringify(typed)} as typed and sends ${JSON.stringify(sent)}`, () => {
      assert.equal(storedText(typed), stored);
      assert.equal(messageText(typed, 40), sent);
    });
  }

  it('cuts a long name to 40 characters in a message', () => {
    const sent = messageText('Bartholomew Alexander Montgomery-Fitzgerald the Third', 40);
    assert.equal(sent.length, 40);
    assert.ok(sent.endsWith('…'));
  });
});
