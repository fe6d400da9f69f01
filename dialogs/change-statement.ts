// A change stated as a fact about a booking the guest already has, not a new booking: "on sera
// finalement 6 au lieu de 4", "we'll be 5 not 4 on Saturday", "can we push Friday to 8:30".
// The words are data (vocabulary/change-statements.json); what the understanding already read
// (the new party, day and time) is used as it is, this adds the cue and the value replaced.
import words from './vocabulary/change-statements.json';

export interface ChangeStatement {
  /** Whether the words only hint at a change ("finalement", "actually"). */
  weak: boolean;
  /** The value the guest says is replaced ("au lieu de 4", "not 8pm"): a time when it shows. */
  old?: { value: number; time?: string };
  /** The new party ("on sera finalement 6"), for when the understanding did not read it. */
  partySize?: number;
}

type Key = 'strong' | 'weak' | 'instead' | 'party';
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
function phrases(key: Key): string {
  const all = [...words.fr[key], ...words.en[key]];
  return all
    .sort((a, b) => b.length - a.length)
    .map(escaped)
    .join('|');
}
const word = (body: string) => new RegExp(`(?<![\\p{L}])(?:${body})(?![\\p{L}])`, 'iu');

const STRONG = word(phrases('strong'));
const WEAK = word(phrases('weak'));
const OLD = new RegExp(
  `(?<![\\p{L}])(?:${phrases('instead')})\\s+(?:à\\s+|at\\s+|the\\s+)?(\\d{1,2})` +
    `(?:\\s*(?:h|heures?|:)\\s*(\\d{2})?|\\s*(am|pm))?(?![\\d\\p{L}])`,
  'iu',
);
const NEW_PARTY = new RegExp(
  `(?<![\\p{L}])(?:${phrases('party')})\\s+(?:finalement\\s+|plutôt\\s+|maintenant\\s+|seulement\\s+|` +
    `plus\\s+que\\s+|que\\s+|now\\s+|actually\\s+|only\\s+)?(\\d{1,2})(?!\\s*(?:h\\b|heures?|:|am|pm)|\\d)`,
  'iu',
);

/** The change the words state, or null when they state none. */
export function changeStatementOf(text: string): ChangeStatement | null {
  const low = text.normalize('NFC').toLowerCase();
  const old = OLD.exec(low);
  const strong = STRONG.test(low) || old !== null;
  if (!strong && !WEAK.test(low)) return null;
  const out: ChangeStatement = { weak: !strong };
  if (old) {
    const value = Number(old[1]);
    out.old = { value };
    if (old[2] !== undefined || old[3] !== undefined || /h|:/.test(old[0].slice(old[0].indexOf(old[1])))) {
      const time = clock(value, Number(old[2] ?? 0), old[3]);
      if (time) out.old.time = time;
    }
  }
  const party = NEW_PARTY.exec(low);
  if (party) {
    const n = Number(party[1]);
    if (n >= 1 && n <= 99) out.partySize = n;
  }
  return out;
}

/** A time said of a restaurant booking: without am, hours 1 to 11 are afternoon and evening. */
export function clock(hour: number, minutes: number, meridiem?: string): string | undefined {
  let h = hour;
  if (h > 23 || minutes > 59) return undefined;
  if (meridiem === 'am') h %= 12;
  else if (h >= 1 && h <= 11) h += 12;
  return `${String(h).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
