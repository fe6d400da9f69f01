// The calendar invite that goes with a guest's confirmation email (iCalendar, built by the `ics`
// library): one event per booking, always under the same UID, so that a calendar updates the
// event on a change (a higher SEQUENCE, METHOD:REQUEST) and removes it on a cancellation
// (METHOD:CANCEL, STATUS:CANCELLED). Pure: every value comes from the booking and the caller
// (the notifier counts the changes the guest was told of).
import { createEvent, type EventAttributes } from 'ics';
import type { Language, PublicReservation, Restaurant } from '../model';
import type { ChangeKind } from './texts';

export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  /** The whole VCALENDAR text. */
  content: string;
}

/** The booking's event UID: the same in every invite about it. */
export const calendarUid = (reservationId: string): string => `${reservationId}@maitre`;

const TITLE: Record<Language, (restaurant: string, party: number) => string> = {
  fr: (name, party) => `${name} : table pour ${party}`,
  en: (name, party) => `${name}: table for ${party}`,
};

export interface InviteDetails {
  /** The address the email comes from. */
  organizerEmail: string;
  description: string;
  /** 0 when booked, one more at each change the guest is told of (the cancellation included). */
  sequence: number;
}

/**
 * The invite for one change of a booking, or null when none can be built: the email goes
 * without it rather than not at all. An address `ics` refuses (a MAIL_FROM without an email
 * address in it) drops the organizer and attendee lines, not the invite.
 */
export function calendarInvite(
  kind: ChangeKind,
  restaurant: Pick<Restaurant, 'name' | 'address'>,
  r: PublicReservation,
  details: InviteDetails,
): CalendarInvite | null {
  return buildInvite(kind, restaurant, r, details, true) ?? buildInvite(kind, restaurant, r, details, false);
}

function buildInvite(
  kind: ChangeKind,
  restaurant: Pick<Restaurant, 'name' | 'address'>,
  r: PublicReservation,
  { organizerEmail, description, sequence }: InviteDetails,
  withPeople: boolean,
): CalendarInvite | null {
  const cancelled = kind === 'cancelled';
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  // DTSTAMP from the booking, not the clock, so that the same change gives the same invite
  // (`ics` reads `timestamp`; its typings do not list it).
  const attributes: EventAttributes & { timestamp: number } = {
    productId: 'maitre/reservations',
    method,
    uid: calendarUid(r.id),
    sequence,
    timestamp: Date.parse(r.updatedAt),
    start: Date.parse(r.startAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(r.endAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: TITLE[r.language](restaurant.name, r.partySize),
    description,
    location: `${restaurant.name}, ${restaurant.address}`,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    ...(withPeople
      ? {
          organizer: { name: restaurant.name, email: organizerEmail },
          attendees: r.customerEmail
            ? [{ name: r.customerName, email: r.customerEmail, rsvp: false, role: 'REQ-PARTICIPANT' as const }]
            : [],
        }
      : {}),
  };
  const { error, value } = createEvent(attributes);
  return error || !value ? null : { method, content: value };
}
