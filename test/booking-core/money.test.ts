// Prices as a French or an English reader writes them, in the restaurant's currency.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPrice, isKnownCurrency } from '../../booking-core/money';

test('prices are written as each language writes them', () => {
  const cases: Array<[number, 'fr' | 'en', string | undefined, string]> = [
    [9.5, 'fr', 'EUR', '9,50 €'],
    [9.5, 'en', 'EUR', '€9.50'],
    [22, 'fr', undefined, '22 €'],
    [22, 'en', undefined, '€22'],
    [12.5, 'en', 'GBP', '£12.50'],
    [12.5, 'fr', 'GBP', '12,50 £GB'],
    [1250, 'fr', 'EUR', '1 250 €'],
    [1250, 'en', 'USD', 'US$1,250'],
  ];
  for (const [amount, language, currency, expected] of cases)
    assert.equal(formatPrice(amount, language, currency), expected, `${amount} ${currency ?? 'EUR'} in ${language}`);
});

test('only spaces an SMS can carry', () => {
  assert.doesNotMatch(formatPrice(1250.5, 'fr', 'CHF'), /[\u00a0\u202f]/);
});

test('currency codes are ISO 4217 ones the runtime knows', () => {
  assert.equal(isKnownCurrency('EUR'), true);
  assert.equal(isKnownCurrency('CHF'), true);
  assert.equal(isKnownCurrency('eur'), false);
  assert.equal(isKnownCurrency('EURO'), false);
  assert.equal(isKnownCurrency('ZZZ'), false);
});
