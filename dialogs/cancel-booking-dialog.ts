// Cancelling a booking: find it by the guest's phone number (the one they describe, "my
// Saturday booking", "celle du 12", when they have several), read it back, cancel on yes.
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { describesBooking } from './booking-reference';
import { isNo, isYes, saysCancel } from './guest-input';
import { ExistingBookingDialog, referenceOf, type ExistingBookingState } from './existing-booking-dialog';
import type { Absorbed } from './goal-dialog';
import { recordOutcome } from './outcome';
import { send, turnOf, type DialogDeps, type Turn } from './turn';
import type { Understanding } from './understanding';

export const CANCEL_BOOKING_DIALOG = 'cancelBooking';

export type CancelBookingState = ExistingBookingState;

type Step = WaterfallStepContext<CancelBookingState>;

export class CancelBookingDialog extends ExistingBookingDialog<CancelBookingState> {
  protected readonly goal = 'cancel' as const;

  constructor(deps: DialogDeps) {
    super(CANCEL_BOOKING_DIALOG, deps);
    this.steps([(s) => this.phoneStep(s), (s) => this.findStep(s), (s) => this.confirmStep(s)]);
  }

  /** "Cancel my Saturday booking": what the first words say of the booking names it. */
  static initialState(u: Partial<Understanding>, text = ''): CancelBookingState {
    const state: CancelBookingState = { reference: referenceOf(u, text) };
    if (u.phone) state.phone = u.phone;
    return state;
  }

  /** "Annulez celle du 12" names the booking; "oui, annulez" at the read-back confirms. */
  protected override takesAsAnswer(state: CancelBookingState, turn: Turn): boolean {
    if (turn.u.intent !== 'abort' || !saysCancel(turn.text)) return false;
    return state.asked === 'readBack' || (state.asked === 'which' && describesBooking(referenceOf(turn.u, turn.text)));
  }

  private async confirmStep(step: Step): Promise<DialogTurnResult> {
    const turn = turnOf(step.context);
    const target = step.options.target;
    if (!target) return step.endDialog({ kind: 'done', outcome: 'nothing' });
    return this.askFor(step, 'readBack', turn.texts.confirmCancel(target, turn.today, turn.voice), 'confirm');
  }

  protected async absorb(dc: DialogContext, state: CancelBookingState, turn: Turn): Promise<Absorbed> {
    const shared = await this.absorbShared(dc, state, turn);
    if (shared) return shared;
    if (state.asked !== 'readBack' || !state.targetId || !state.target) return { kind: 'misunderstood' };
    if (isYes(turn.u) || turn.u.intent === 'cancel' || (turn.u.intent === 'abort' && saysCancel(turn.text))) {
      const cancelled = await this.deps.bookings.cancel(state.targetId);
      recordOutcome(dc.context, { outcome: 'cancelled', reservationId: cancelled.id });
      await send(dc.context, turn.texts.cancelled(state.target, turn.today, turn.voice));
      return { kind: 'end', result: { kind: 'done', outcome: 'cancelled' } };
    }
    if (isNo(turn.u)) {
      await send(
        dc.context,
        { text: `${turn.texts.keptBooking.text} ${turn.texts.anythingElse.text}` },
        { question: true },
      );
      return { kind: 'end', result: { kind: 'done', outcome: 'nothing' } };
    }
    return { kind: 'misunderstood' };
  }
}
