// SMS / WhatsApp opt-out words. A guest who texts STOP (or ARRET, or Twilio's other words) gets
// no more messages until they text START; the adapter records it and runs no bot turn.
//
// "CANCEL" is one of Twilio's default opt-out words, but to a restaurant's guest it means
// "cancel my booking", so it is left to the bot — unless Twilio itself says it was an opt-out
// (Advanced Opt-Out sends OptOutType=STOP with the webhook), which is then honoured.

export type OptOutIntent = 'stop' | 'start' | null;

const STOP_WORDS = new Set([
  'STOP',
  'STOPALL',
  'STOP ALL',
  'STOP SMS',
  'UNSUBSCRIBE',
  'END',
  'QUIT',
  'OPTOUT',
  'OPT OUT',
  'REVOKE',
  'ARRET',
  'ARRETER',
  'ARRETEZ',
  'DESABONNER',
  'DESINSCRIRE',
  'DESINSCRIPTION',
]);
const START_WORDS = new Set(['START', 'UNSTOP', 'DEMARRER', 'REPRENDRE']);

/** The opt-out meaning of a whole message: only a message that is just the keyword counts. */
export function optOutIntent(body: string, twilioOptOutType?: string): OptOutIntent {
  const type = twilioOptOutType?.trim().toUpperCase();
  if (type === 'STOP') return 'stop';
  if (type === 'START') return 'start';
  const word = body
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (STOP_WORDS.has(word)) return 'stop';
  if (START_WORDS.has(word)) return 'start';
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
