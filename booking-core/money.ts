// Prices as people read them, in the restaurant's currency and the reader's language:
// "9,50 €" in French, "€9.50" in English, whole amounts without decimals ("22 €", "€22").
import type { Language } from './model';

export const DEFAULT_CURRENCY = 'EUR';

/** An ISO 4217 code the runtime can format ("EUR", "GBP", "CHF"…). */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

export function formatPrice(amount: number, language: Language, currency: string = DEFAULT_CURRENCY): string {
  const whole = Number.isInteger(amount);
  return (
    new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    })
      .format(amount)
      // Plain spaces: texts go out by SMS, whose basic alphabet has no no-break spaces.
      .replace(/[\u00a0\u202f]/g, ' ')
  );
}
