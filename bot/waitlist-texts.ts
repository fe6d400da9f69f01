// Guests' texts about the waitlist, answered before the conversation: "OK" / "j'arrive" /
// "on annule" after a "table ready" text, and "liste d'attente pour 4" to join tonight's list.
// Anything else goes on to the bot as usual.
import type { TurnContext } from 'botbuilder';
import { BookingError, readWaitlistJoin, type Language, type WaitlistService } from '../booking-core';

export function waitlistMiddleware(waitlist: WaitlistService, log: (line: string) => void) {
  return async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
    const a = context.activity;
    const phone = a.from?.id ?? '';
    if ((a.channelId !== 'sms' && a.channelId !== 'whatsapp') || a.type !== 'message' || !a.text || !phone)
      return next();
    try {
      const answered = await waitlist.answer(phone, a.text);
      if (answered) {
        log(`[waitlist] ${a.channelId} reply "${answered.answer}" for entry ${answered.entry.id}`);
        await context.sendActivity(answered.reply);
        return;
      }
      const join = readWaitlistJoin(a.text);
      if (join) {
        const language: Language = (a.locale ?? '').startsWith('en') ? 'en' : 'fr';
        const { entry, reply } = await waitlist.join({
          phone,
          partySize: join.partySize,
          language,
          channel: a.channelId,
        });
        log(`[waitlist] ${a.channelId} guest joined the waitlist (entry ${entry.id}, party ${entry.partySize})`);
        await context.sendActivity(reply);
        return;
      }
    } catch (err) {
      // Already on the list, a party too large…: the conversation answers instead.
      if (!(err instanceof BookingError)) throw err;
      log(`[waitlist] text not taken: ${err.code}`);
    }
    return next();
  };
}
