// The deterministic understanding layer (FR/EN): one call turns a guest's utterance into an
// intent plus the booking facts it carries. Pure and synchronous; see understand.ts.
export type { Lang, Intent, Understanding, UnderstandContext, Expecting, BookingReference, DietNeed } from './types';
export { INTENTS } from './types';
export { understand, warmUp, type WarmUpOptions } from './understand';
