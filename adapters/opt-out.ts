// SMS / WhatsApp keywords, as Twilio reads them: a message that is just one of these words
// (any case) opts the guest out, back in, or asks for help. Twilio acts on them before Maître
// sees the message: after an opt-out word it refuses every send to that guest (error 21610)
// until they opt back in, so Maître must record the same thing to stop queuing messages.
//
// Two ways Twilio can be set up (README, "Twilio set-up"):
// - default handling: Twilio's fixed English words (below) opt out, whatever Maître would
//   rather they meant; "CANCEL" alone is an opt-out, not "cancel my booking".
// - Advanced Opt-Out on a Messaging Service: the restaurant chooses the words, and Twilio names
//   the outcome in the webhook's OptOutType (STOP, START or HELP). Then only OptOutType counts
//   and every other message, "cancel" included, goes to the conversation.

export type KeywordIntent = 'stop' | 'start' | 'help';

export interface KeywordReading {
  intent: KeywordIntent;
  /** An everyday word ("yes") that opts back in only a guest who is opted out. */
  onlyWhenOptedOut: boolean;
}

/** Twilio's default opt-out words, and ARRET (Twilio's French one) with its kin. */
const STOP_WORDS = new Set([
  'STOP',
  'STOPALL',
  'STOP ALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'OPT OUT',
  'ARRET',
  'ARRETE',
  'ARRETER',
  'ARRETEZ',
  'STOP SMS',
  'DESABONNER',
  'DESINSCRIRE',
  'DESINSCRIPTION',
]);
/** Twilio's default opt-in words, and their French kin. */
const START_WORDS = new Set(['START', 'UNSTOP', 'YES', 'DEMARRER', 'REPRENDRE']);
/** "yes" answers the bot's questions all day long: it opts back in only a guest who is out. */
const EVERYDAY_START_WORDS = new Set(['YES']);
/** Twilio's help words, and the French one. */
const HELP_WORDS = new Set(['HELP', 'INFO', 'AIDE']);

/** The whole message as a keyword: accents, punctuation and spacing do not count. */
function keyword(body: string): string {
  return body
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a message means as a keyword, or null for an ordinary message. `twilioOptOutType` is the
 * webhook's OptOutType; `advancedOptOut`: Twilio's Advanced Opt-Out is on, so it alone decides
 * opt-outs and opt-ins.
 */
export function readKeyword(body: string, twilioOptOutType?: string, advancedOptOut = false): KeywordReading | null {
  const type = twilioOptOutType?.trim().toUpperCase();
  if (type === 'STOP') return { intent: 'stop', onlyWhenOptedOut: false };
  if (type === 'START') return { intent: 'start', onlyWhenOptedOut: false };
  if (type === 'HELP') return { intent: 'help', onlyWhenOptedOut: false };
  const word = keyword(body);
  if (HELP_WORDS.has(word)) return { intent: 'help', onlyWhenOptedOut: false };
  if (advancedOptOut) return null;
  if (STOP_WORDS.has(word)) return { intent: 'stop', onlyWhenOptedOut: false };
  if (START_WORDS.has(word)) return { intent: 'start', onlyWhenOptedOut: EVERYDAY_START_WORDS.has(word) };
  return null;
}

/** Where opt-outs are kept (bot/channels.ts backs it with the store; notifications read it). */
export interface OptOutRegistry {
  isOptedOut(channel: 'sms' | 'whatsapp', phone: string): Promise<boolean>;
  record(channel: 'sms' | 'whatsapp', phone: string, optedOut: boolean, keyword: string): Promise<void>;
}

export class MemoryOptOutRegistry implements OptOutRegistry {
  private readonly out = new Set<string>();
  async isOptedOut(channel: string, phone: string): Promise<boolean> {
    return this.out.has(`${channel}:${phone}`);
  }
  async record(channel: string, phone: string, optedOut: boolean): Promise<void> {
    if (optedOut) this.out.add(`${channel}:${phone}`);
    else this.out.delete(`${channel}:${phone}`);
  }
}
