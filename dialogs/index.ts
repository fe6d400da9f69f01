// The dialog tree's public face, for bot/: build the root dialog with its dependencies, greet,
// read how a turn ended.
export { RootDialog, ROOT_DIALOG, greet } from './root-dialog';
export { RestaurantSource } from './restaurant-source';
export { prepareTurn, localeLanguage, type DialogDeps, type LlmUnderstander } from './turn';
export { outcomeOf, type TurnOutcome, type ConversationOutcome, type HandoffReason } from './outcome';
export { newProfile, type ConversationProfile, type GuestProfile } from './profile';
export type { BookingDraft } from './draft';
