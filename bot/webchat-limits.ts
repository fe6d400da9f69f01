// How much one web chat conversation, and one client address, may ask of the server in a
// minute. Per conversation: what one guest does (the widget polls every 15 s and a person
// types a few messages a minute). Per address: many guests behind one network share it, so it
// is larger, but a script opening conversations or spreading messages over many of them meets it.
import type { Request } from 'restify';
import type { WebchatRequestKind } from '../adapters/webchat';
import { clientKey } from './http';
import { consumeAll, type Limiters } from './rate-limiters';

/** Bot turns per conversation per minute. */
export const WEBCHAT_TURNS_PER_MINUTE = 30;
/** Polls per conversation per minute (the widget makes 4). */
export const WEBCHAT_POLLS_PER_MINUTE = 20;
/**
 * Of an address's requests a minute, how many may open (or resume) a conversation: one in
 * twelve, 10 with the default 120 (RATE_LIMIT_PER_MINUTE).
 */
const OPENS_SHARE = 12;

/** The web chat's budget check: every request counts for its address, and for its conversation. */
export function webchatLimits(
  limiters: Limiters,
  requestsPerAddressPerMinute: number,
): (req: Request, what: WebchatRequestKind) => Promise<boolean> {
  const perAddress = limiters('webchat-address', requestsPerAddressPerMinute, 60);
  const opensPerAddress = limiters('webchat-opens', Math.ceil(requestsPerAddressPerMinute / OPENS_SHARE), 60);
  const turns = limiters('webchat-turns', WEBCHAT_TURNS_PER_MINUTE, 60);
  const polls = limiters('webchat-polls', WEBCHAT_POLLS_PER_MINUTE, 60);
  return (req, what) => {
    const address = clientKey(req);
    switch (what.kind) {
      case 'open':
        return consumeAll([
          [perAddress, address],
          [opensPerAddress, address],
        ]);
      case 'message':
        return consumeAll([
          [perAddress, address],
          [turns, what.conversationId],
        ]);
      case 'poll':
        return consumeAll([
          [perAddress, address],
          [polls, what.conversationId],
        ]);
    }
  };
}
