// Changing a booking: find it by the guest's phone number (the one they describe, when they
// have several), learn the new day, time or party, or take them from a change stated as a
// fact ("on sera finalement 6 au lieu de 4", "can we push Friday to 8:30"), ask the core
// whether the table is free (offering the nearest free times when not), read back what changes
// against what it was, change on yes.
import { Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Alternative, Reservation } from '../booking-core';
import { isNo, isYes } from './guest-input';
import { pickAlternative, type SlotFacts } from './draft';
import { clock, type ChangeStatement } from './change-statement';
import { ExistingBookingDialog, type ExistingBookingState } from './existing-booking-dialog';
import type { Absorbed } from './goal-dialog';
import { dietNote, notesWithDiet } from './diet-answer';
import { recordOutcome } from './outcome';
import { checkSlot, verdictOfError, type SlotRequest, type SlotVerdict } from './slot-check';
import type { BookingFacts } from './texts';
import { note, send, turnOf, type DialogDeps, type Turn } from './turn';
import type { Understanding } from './understanding';

export const MODIFY_BOOKING_DIALOG = 'modifyBooking';

export interface ModifyBookingState extends ExistingBookingState {
  /** What the guest wants different. */
  change: SlotFacts;
  checked?: boolean;
  offered?: Alternative[];
}

type Step = WaterfallStepContext<ModifyBookingState>;

export class ModifyBookingDialog extends ExistingBookingDialog<ModifyBookingState> {
  protected readonly goal = 'modify' as const;

  constructor(deps: DialogDeps) {
    super(MODIFY_BOOKING_DIALOG, deps);
    this.steps([
      (s) => this.phoneStep(s),
      (s) => this.findStep(s),
      (s) => this.changeStep(s),
      (s) => this.slotStep(s),
      (s) => this.readBackStep(s),
    ]);
  }

  /**
   * "Move my booking to 9 pm": the facts of the first utterance are the change. A value said as
   * replaced ("au lieu de 4", "not 8pm") names the booking instead.
   */
  static initialState(u: Partial<Understanding>, statement?: ChangeStatement | null): ModifyBookingState {
    const change: SlotFacts = {};
    const partySize = u.partySize ?? statement?.partySize;
    if (partySize !== undefined) change.partySize = partySize;
    if (u.date) change.date = u.date;
    if (u.time) change.time = u.time;
    const state: ModifyBookingState = { change, reference: {} };
    const old = statement?.old;
    if (old && state.reference) {
      // A bare number replaced is a time when the change is a time, else a party.
      const asTime = old.time !== undefined || (change.time !== undefined && change.partySize === undefined);
      const time = old.time ?? (asTime ? clock(old.value, 0) : undefined);
      if (time && time !== change.time) state.reference.time = time;
      else if (!asTime && old.value !== change.partySize) state.reference.partySize = old.value;
    }
    if (u.phone) state.phone = u.phone;
    return state;
  }

  /**
   * "Can we push Friday to 8:30", "change my booking on Saturday": a day said beside the change,
   * or alone, names the booking when the guest has one that day; otherwise it is the new day.
   */
  protected override preselect(state: ModifyBookingState, list: Reservation[], turn: Turn): Reservation | undefined {
    const day = state.change.date;
    if (!day) return undefined;
    const onDay = this.matching(list, { ...state.reference, date: day }, turn);
    if (!onDay.length) return undefined;
    delete state.change.date;
    state.reference = { ...state.reference, date: day };
    return onDay.length === 1 ? onDay[0] : undefined;
  }

  private async changeStep(step: Step): Promise<DialogTurnResult> {
    const state = step.options;
    const { change, target } = state;
    // A change that changes nothing ("my booking on Saturday" for a Saturday booking) is no change yet.
    if (
      target &&
      (change.partySize ?? target.partySize) === target.partySize &&
      (change.date ?? target.date) === target.date &&
      (change.time ?? target.time) === target.time
    ) {
      state.change = {};
    }
    if (state.change.partySize !== undefined || state.change.date || state.change.time) return step.next();
    return this.askFor(step, 'change', turnOf(step.context).texts.askChange, null);
  }

  private async slotStep(step: Step): Promise<DialogTurnResult> {
    const state = step.options;
    if (state.checked || !state.targetId) return step.next();
    const turn = turnOf(step.context);
    const verdict = await checkSlot(this.deps.bookings, turn, this.requested(state), state.targetId);
    if (verdict.kind === 'free') {
      state.checked = true;
      return step.next();
    }
    return this.onVerdict(step, verdict);
  }

  private async readBackStep(step: Step): Promise<DialogTurnResult> {
    const turn = turnOf(step.context);
    return this.askFor(
      step,
      'readBack',
      turn.texts.readBackChange(
        step.options.target ?? this.newFacts(step.options),
        this.newFacts(step.options),
        turn.today,
        turn.voice,
      ),
      'confirm',
    );
  }

  protected async absorb(dc: DialogContext, state: ModifyBookingState, turn: Turn): Promise<Absorbed> {
    const shared = await this.absorbShared(dc, state, turn);
    if (shared) return shared;
    const u = turn.u;
    if (state.asked === 'alternative') {
      const pick = pickAlternative(state.offered ?? [], u, this.requested(state).date);
      if (pick) {
        state.change.date = pick.date;
        state.change.time = pick.time;
        state.offered = undefined;
        state.checked = false;
        return { kind: 'rerun' };
      }
      if (isNo(u) && !this.takeChange(state, u)) {
        state.offered = undefined;
        state.change = {};
        return { kind: 'rerun' };
      }
    }
    if (state.asked === 'readBack' && isYes(u) && !this.takeChange(state, u)) return this.apply(dc, state, turn);
    if (state.asked === 'readBack' && isNo(u) && !this.takeChange(state, u)) {
      state.change = {};
      state.checked = false;
      return { kind: 'rerun' };
    }
    return this.takeChange(state, u) ? { kind: 'rerun' } : { kind: 'misunderstood' };
  }

  /** Merges a new day, time or party into the change; true when something changed. */
  private takeChange(state: ModifyBookingState, u: Partial<Understanding>): boolean {
    let changed = false;
    if (u.partySize !== undefined && u.partySize !== state.change.partySize) {
      state.change.partySize = u.partySize;
      changed = true;
    }
    if (u.date !== undefined && u.date !== state.change.date) {
      state.change.date = u.date;
      changed = true;
    }
    if (u.time !== undefined && u.time !== state.change.time) {
      state.change.time = u.time;
      changed = true;
    }
    if (changed) {
      state.checked = false;
      state.offered = undefined;
    }
    return changed;
  }

  private async apply(dc: DialogContext, state: ModifyBookingState, turn: Turn): Promise<Absorbed> {
    const id = state.targetId;
    if (!id) return { kind: 'misunderstood' };
    const req = this.requested(state);
    try {
      // An allergy told during the change goes on the booking with it, in the same update.
      const current = dietNote(turn) ? await this.deps.bookings.get(id) : null;
      const notes = current ? notesWithDiet(turn, current.notes) : undefined;
      await this.deps.bookings.modify(id, { partySize: req.partySize, date: req.date, time: req.time, notes });
    } catch (err) {
      // Taken meanwhile, or refused: look at the table again, which says why and offers what is free.
      if (!(await verdictOfError(this.deps.bookings, turn, req, err, id))) throw err;
      state.checked = false;
      return { kind: 'rerun' };
    }
    recordOutcome(dc.context, { outcome: 'modified', reservationId: id });
    // A booking changed in this conversation is the one an allergy said next is noted on.
    turn.profile.bookedId = id;
    await send(dc.context, turn.texts.modified(this.newFacts(state), turn.today, turn.voice));
    return { kind: 'end', result: { kind: 'done', outcome: 'modified' } };
  }

  private async onVerdict(step: Step, verdict: Exclude<SlotVerdict, { kind: 'free' }>): Promise<DialogTurnResult> {
    const state = step.options;
    const turn = turnOf(step.context);
    if (verdict.kind === 'too_large') {
      return step.endDialog({ kind: 'handoff', reason: 'large_party', summary: this.summary(state, turn) });
    }
    note(step.context, verdict.said);
    if (verdict.kind === 'offer' && verdict.offered.length) {
      state.offered = verdict.offered;
      state.asked = 'alternative';
      await send(step.context, null, { question: true, expecting: 'choice' });
      return Dialog.EndOfTurn;
    }
    state.change = {};
    return this.askFor(step, 'change', turn.texts.askChange, null);
  }

  private requested(state: ModifyBookingState): SlotRequest {
    const t = state.target;
    return {
      partySize: state.change.partySize ?? t?.partySize ?? 0,
      date: state.change.date ?? t?.date ?? '',
      time: state.change.time ?? t?.time ?? '',
    };
  }

  private newFacts(state: ModifyBookingState): BookingFacts {
    return { ...this.requested(state), name: state.target?.name };
  }
}
