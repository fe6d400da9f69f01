// The shared start of changing or cancelling a booking: know the guest's phone number (given
// by the phone, SMS and WhatsApp channels, asked on web chat), find their upcoming bookings,
// and settle which one.
import { Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Reservation } from '../booking-core';
import { GoalDialog, type Absorbed } from './goal-dialog';
import { phoneFrom } from './guest-input';
import type { BookingFacts, Said } from './texts';
import { ask, note, send, turnOf, type Turn } from './turn';
import type { Expecting } from './understanding';

const MAX_LISTED = 5;

export interface ExistingBookingState {
  phone?: string;
  /** Reservation ids on offer when the guest has several. */
  candidates?: string[];
  targetId?: string;
  /** The chosen booking as it stands (local day and time). */
  target?: BookingFacts;
  asked?: string;
}

export abstract class ExistingBookingDialog<S extends ExistingBookingState> extends GoalDialog<S> {
  protected async phoneStep(step: WaterfallStepContext<S>): Promise<DialogTurnResult> {
    const state = step.options;
    if (state.phone || state.targetId) return step.next();
    const turn = turnOf(step.context);
    // The channel's number, or the one given for a booking earlier in this web chat.
    const known = turn.channelPhone ?? turn.profile.phone;
    if (known) {
      state.phone = known;
      return step.next();
    }
    return this.askFor(step, 'phone', turn.texts.askPhone, 'phone');
  }

  protected async findStep(step: WaterfallStepContext<S>): Promise<DialogTurnResult> {
    const state = step.options;
    if (state.targetId || !state.phone) return step.next();
    const turn = turnOf(step.context);
    const upcoming = (await this.deps.bookings.upcomingFor(state.phone)).slice(0, MAX_LISTED);
    if (!upcoming.length) {
      await send(
        step.context,
        {
          text: `${turn.texts.noBookingFound(state.phone).text} ${turn.texts.anythingElse.text}`,
          voice: `${turn.texts.noBookingFound(state.phone).voice ?? ''} ${turn.texts.anythingElse.text}`,
        },
        { question: true },
      );
      return step.endDialog({ kind: 'done', outcome: 'nothing' });
    }
    if (upcoming.length === 1) {
      this.choose(state, upcoming[0], turn);
      note(step.context, turn.texts.foundOne(state.target as BookingFacts, turn.today, turn.voice));
      return step.next();
    }
    const named = this.preselect(state, upcoming, turn);
    if (named) {
      this.choose(state, named, turn);
      note(step.context, turn.texts.foundOne(this.factsOf(named, turn), turn.today, turn.voice));
      return step.next();
    }
    state.candidates = upcoming.map((r) => r.id);
    return this.askFor(
      step,
      'which',
      turn.texts.whichBooking(
        upcoming.map((r) => this.factsOf(r, turn)),
        turn.today,
        turn.voice,
      ),
      'choice',
    );
  }

  /** Reads the answers to the shared questions; returns null for the goal's own questions. */
  protected async absorbShared(_dc: DialogContext, state: S, turn: Turn): Promise<Absorbed | null> {
    const u = turn.u;
    if (state.asked === 'phone') {
      const phone = u.phone ? (phoneFrom(u.phone) ?? u.phone) : phoneFrom(turn.text);
      if (!phone) return { kind: 'misunderstood' };
      state.phone = phone;
      return { kind: 'rerun' };
    }
    if (state.asked === 'which') {
      const list = await this.candidates(state);
      let pick: Reservation | undefined;
      if (u.choice !== undefined) pick = list[u.choice - 1];
      if (!pick && (u.date || u.time)) {
        const matches = list.filter((r) => {
          const local = this.deps.bookings.localOf(turn.restaurant, r);
          return (!u.date || local.date === u.date) && (!u.time || local.time === u.time);
        });
        if (matches.length === 1) pick = matches[0];
      }
      if (!pick) return { kind: 'misunderstood' };
      this.choose(state, pick, turn);
      state.candidates = undefined;
      return { kind: 'rerun' };
    }
    return null;
  }

  /** The booking the guest's first words already name ("my booking on Saturday"), if exactly one. */
  protected preselect(_state: S, _list: Reservation[], _turn: Turn): Reservation | undefined {
    return undefined;
  }

  protected factsOf(r: Reservation, turn: Turn): BookingFacts {
    const local = this.deps.bookings.localOf(turn.restaurant, r);
    return { partySize: r.partySize, date: local.date, time: local.time, name: r.customerName };
  }

  protected async askFor(
    step: WaterfallStepContext<S>,
    asked: string,
    said: Said,
    expecting: Expecting | null,
  ): Promise<DialogTurnResult> {
    step.options.asked = asked;
    await ask(step.context, said, expecting);
    return Dialog.EndOfTurn;
  }

  protected summary(state: S, turn: Turn): string {
    const what = this.goal === 'cancel' ? 'Cancellation' : 'Change';
    const t = state.target;
    const from = state.phone ?? turn.channelPhone ?? 'unknown number';
    const booking = t ? `: booking of ${t.partySize} on ${t.date} at ${t.time}, name ${t.name ?? '?'}` : '';
    return `${what} request (${turn.lang}, ${turn.channel}) from ${from}${booking}.`;
  }

  private choose(state: S, r: Reservation, turn: Turn): void {
    state.targetId = r.id;
    state.target = this.factsOf(r, turn);
  }

  private async candidates(state: S): Promise<Reservation[]> {
    const ids = state.candidates ?? [];
    const found = await Promise.all(ids.map((id) => this.deps.bookings.get(id)));
    return found.filter((r): r is Reservation => !!r);
  }
}
