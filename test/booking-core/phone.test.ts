// Guests' phone numbers as the core reads them: which are refused, which get no SMS, which
// countries are texted by default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BookingError } from '../../booking-core';
import { checkPhone, defaultSmsCountries, readPhone, smsWithheldReason } from '../../booking-core/phone';

describe('phone numbers', () => {
  const cases: Array<[string, string | null, string]> = [
    ['06 12 34 56 78', '+33612345678', 'mobile'],
    ['0033 6 12 34 56 78', '+33612345678', 'mobile'],
    ['+33 1 40 00 00 00', '+33140000000', 'fixed_line'],
    ['09 12 34 56 78', '+33912345678', 'voip'],
    ['+1 212 555 0142', '+12125550142', 'mobile_or_fixed'],
    ['+49 151 12345678', '+4915112345678', 'mobile'],
    ['whatsapp:+447400123456', '+447400123456', 'mobile'],
  ];
  for (const [raw, e164, line] of cases) {
    it(`reads ${raw} as a ${line} ${e164}`, () => {
      const r = readPhone(raw, 'FR');
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.info.e164, e164);
      assert.equal(r.info.line, line);
    });
  }

  const refused: Array<[string, RegExp]> = [
    ['08 99 12 34 56', /premium rate/],
    ['08 10 00 00 00', /shared cost/],
    ['08 00 12 34 56', /toll free/],
    ['+881 6123 456789', /satellite/],
    ['+44 70 1234 5678', /personal number/],
    ['+44 56 1234 5678', /VoIP/],
    ['+33 6 12 34', /not a valid/],
    ['hello', /not a valid/],
  ];
  for (const [raw, reason] of refused) {
    it(`refuses ${raw} with invalid_phone naming the field`, () => {
      assert.throws(
        () => checkPhone(raw, 'phoneNumber', 'FR'),
        (err: unknown) =>
          err instanceof BookingError &&
          err.code === 'invalid_phone' &&
          err.details.field === 'phoneNumber' &&
          reason.test(err.message),
      );
    });
  }

  it('texts France and its neighbours by default from a Paris restaurant', () => {
    assert.deepEqual(defaultSmsCountries('FR'), ['FR', 'BE', 'CH', 'LU', 'MC', 'DE', 'ES', 'IT', 'GB', 'AD']);
    assert.deepEqual(defaultSmsCountries(null), []);
  });

  it('says why no SMS goes to a landline, a VoIP line or a country not texted', () => {
    const countries = defaultSmsCountries('FR');
    assert.equal(smsWithheldReason('+33612345678', countries), null);
    assert.equal(smsWithheldReason('+4915112345678', countries), null);
    assert.match(smsWithheldReason('+33140000000', countries) ?? '', /landline/);
    assert.match(smsWithheldReason('+33912345678', countries) ?? '', /VoIP/);
    assert.match(smsWithheldReason('+12125550142', countries) ?? '', /US is not in SMS_COUNTRIES/);
    assert.equal(smsWithheldReason('+12125550142', []), null);
  });
});
