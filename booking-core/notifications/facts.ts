// Turns a reservation into the facts a message states: day and time in the restaurant's
// timezone, said the way each language says them.
import { DateTime } from 'luxon';
import { MESSAGE_NAME_MAX, MESSAGE_NOTES_MAX, messageText } from '../guest-text';
import type { Language, PublicReservation, Restaurant } from '../model';
import { countryOf, phoneForReader } from '../phone';
import type { BookingFacts } from './texts';

export function formatDay(instant: Date, zone: string, language: Language): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(language).toFormat('cccc d LLLL');
}

/** "19h30", "20h" in French; "7:30 pm", "8 pm" in English. */
export function formatTime(instant: Date, zone: string, language: Language): string {
  const t = DateTime.fromJSDate(instant, { zone });
  if (language === 'fr') return t.minute ? t.toFormat("H'h'mm") : t.toFormat("H'h'");
  const suffix = t.hour < 12 ? 'am' : 'pm';
  const h = t.hour % 12 || 12;
  return t.minute ? `${h}:${t.toFormat('mm')} ${suffix}` : `${h} ${suffix}`;
}

/** The dashboard's bookings list on the booking's day, with the booking open. */
export function dashboardLinkFor(dashboardBaseUrl: string, reservationId: string, localDate: string): string {
  const base = dashboardBaseUrl.replace(/\/+$/, '');
  return `${base}/#/bookings?date=${localDate}&open=${encodeURIComponent(reservationId)}`;
}

export function bookingFacts(
  restaurant: Restaurant,
  r: PublicReservation,
  language: Language,
  dashboardBaseUrl: string,
): BookingFacts {
  const start = new Date(r.startAt);
  const restaurantCountry = countryOf(restaurant.phone);
  return {
    restaurantName: restaurant.name,
    // Each number as its reader writes it: the restaurant's for the guest ("01 23 45 67 89" to a
    // French mobile, "+33 1 23 45 67 89" to a British one), the guest's for the staff.
    restaurantPhone: phoneForReader(restaurant.phone, countryOf(r.customerPhone) ?? restaurantCountry),
    restaurantAddress: restaurant.address,
    // What the guest typed goes out under the restaurant's name: no links, nothing hidden.
    customerName: messageText(r.customerName, MESSAGE_NAME_MAX) || (language === 'fr' ? 'client' : 'guest'),
    customerPhone: phoneForReader(r.customerPhone, restaurantCountry),
    customerEmail: r.customerEmail,
    partySize: r.partySize,
    day: formatDay(start, restaurant.timezone, language),
    time: formatTime(start, restaurant.timezone, language),
    tables: r.tableIds.join(', '),
    channel: r.channel,
    notes: messageText(r.notes, MESSAGE_NOTES_MAX),
    dashboardLink: dashboardLinkFor(
      dashboardBaseUrl,
      r.id,
      DateTime.fromJSDate(start, { zone: restaurant.timezone }).toISODate() ?? '',
    ),
  };
}
