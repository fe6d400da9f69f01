// Every error the product can answer with, in one table. The server maps `status` once;
// the dialogs map codes to their own words.

export const ERROR_CODES = {
  invalid_input: { status: 400, message: 'The request is not valid.' },
  invalid_phone: { status: 400, message: 'That phone number cannot be used.' },
  invalid_date: { status: 400, message: 'That date does not exist.' },
  past_time: { status: 400, message: 'That time has already passed.' },
  too_soon: { status: 400, message: 'That time is too soon to book.' },
  too_far: { status: 400, message: 'That date is too far ahead to book.' },
  closed: { status: 400, message: 'The restaurant is closed at that time.' },
  party_too_large: { status: 400, message: 'That party is too large to book online.' },
  unauthorized: { status: 401, message: 'Authentication is required.' },
  forbidden: { status: 403, message: 'You are not allowed to do that.' },
  not_found: { status: 404, message: 'Not found.' },
  unavailable: { status: 409, message: 'That time is not available.' },
  conflict: { status: 409, message: 'That change conflicts with the current state.' },
  invalid_transition: { status: 409, message: 'That status change is not allowed.' },
  hold_expired: { status: 409, message: 'The table hold has expired.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send JSON (application/json).' },
  rate_limited: { status: 429, message: 'Too many requests; try again shortly.' },
  too_many: { status: 429, message: 'Too many bookings; change or cancel one first, or try again later.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
  unavailable_service: { status: 503, message: 'The service is not ready.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Alternative {
  date: string;
  time: string;
}

export class BookingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: { field?: string; alternatives?: Alternative[] } = {},
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'BookingError';
  }
}

/** Raised by a store when a unique constraint refuses a claim: the database had the last word. */
export class SlotTakenError extends Error {
  constructor(readonly key?: string) {
    super('table-slot already claimed');
    this.name = 'SlotTakenError';
  }
}
