// How a turn ended, told to the bot (which records it on the conversation and raises staff
// alerts) without the dialogs knowing anything of transcripts or notifications.
import type { TurnContext } from './turn-types';

export type ConversationOutcome = 'booked' | 'modified' | 'cancelled' | 'waitlisted' | 'handoff' | 'abandoned';
export type HandoffReason = 'requested' | 'large_party' | 'misunderstood';

export interface TurnOutcome {
  outcome: ConversationOutcome;
  reservationId?: string;
  handoff?: { reason: HandoffReason; summary: string };
}

const OUTCOME_KEY = Symbol('maitre.turnOutcome');

export function recordOutcome(ctx: TurnContext, outcome: TurnOutcome): void {
  ctx.turnState.set(OUTCOME_KEY, outcome);
}

export function outcomeOf(ctx: TurnContext): TurnOutcome | undefined {
  const o: TurnOutcome | undefined = ctx.turnState.get(OUTCOME_KEY);
  return o;
}
