// Bot Framework types the dialogs need, taken through botbuilder-dialogs so the dialog tree
// depends on nothing else (dialogs import only booking-core and botbuilder-dialogs).
import type { DialogContext } from 'botbuilder-dialogs';

export type TurnContext = DialogContext['context'];
export type OutgoingActivity = Extract<Parameters<TurnContext['sendActivity']>[0], object>;
export type IncomingActivity = TurnContext['activity'];

/** The part of a botbuilder StatePropertyAccessor the dialogs use. */
export interface StateAccessor<T> {
  get(context: TurnContext, defaultValue: T): Promise<T>;
}
