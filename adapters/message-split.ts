// A text reply cut into messages a phone shows well. Twilio accepts up to 1,600 characters per
// message and splits it into carrier segments itself; we cut before that, at a paragraph, then a
// sentence, then a word, so no message ends mid-word and nothing is lost.

export const SMS_MAX_CHARS = 1600;

export function splitMessage(text: string, max = SMS_MAX_CHARS): string[] {
  const clean = text.trim();
  if (!clean) return [];
  if (clean.length <= max) return [clean];
  const parts: string[] = [];
  let rest = clean;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut =
      lastBreak(window, /\n\s*\n/g, max) ??
      lastBreak(window, /\n/g, max) ??
      lastBreak(window, /[.!?…](?=\s)/g, max, 1) ??
      lastBreak(window, /\s/g, max) ??
      max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Joins the turn's messages into as few texts as fit, keeping each bot message whole if it can. */
export function packMessages(messages: string[], max = SMS_MAX_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  for (const message of messages.flatMap((m) => splitMessage(m, max))) {
    const joined = current ? `${current}\n\n${message}` : message;
    if (joined.length <= max) current = joined;
    else {
      if (current) out.push(current);
      current = message;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Index just after the last match of `re` in `text` within `max`, if it is not too early. */
function lastBreak(text: string, re: RegExp, max: number, keep = 0): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(re)) {
    const at = (m.index ?? 0) + keep;
    if (at > 0 && at <= max) best = at;
  }
  // A break in the first third would leave a tiny message and a long tail: try a finer break.
  return best !== null && best >= max / 3 ? best : null;
}
