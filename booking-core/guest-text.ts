// Text a guest typed (a name, a note) on its way into the restaurant's own messages. Kept as
// typed in the booking, minus control characters; in an SMS or an email it carries no link and
// nothing that could turn the message around, so the restaurant's number cannot be used to
// send someone else's words (a link, "call this number") to a stranger.

/** C0 and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides and isolates, and the zero-width characters that hide text. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** A link or anything a phone would turn into one: a scheme, www., a domain name, an email address. */
const LINKS =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|[\p{L}\p{N}._%+-]*@?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,24}\b\S*/giu;

/** As stored: what was typed, without control or invisible direction characters. */
export function storedText(text: string): string {
  return text.normalize('NFC').replace(CONTROLS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/** A phone number in a name or a note: "call this number" is not the restaurant's to send. */
const PHONE_NUMBERS = /\+?\d[\d .()-]{5,}\d/g;

/** As written into a message: no links, domain-like strings or phone numbers, at most `max` characters. */
export function messageText(text: string, max: number): string {
  const clean = storedText(text)
    .replace(/\s+/g, ' ')
    .replace(LINKS, '')
    .replace(PHONE_NUMBERS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** The longest a guest's name gets in an SMS or an email. */
export const MESSAGE_NAME_MAX = 40;
/** The longest a guest's note gets in a message to the managers. */
export const MESSAGE_NOTES_MAX = 300;
