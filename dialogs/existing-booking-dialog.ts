// The shared start of changing or cancelling a booking: know the guest's phone number (given
// by the phone, SMS and WhatsApp channels, asked on web chat), find their upcoming bookings,
// and settle which one.
import { Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { addDays, weekdayOf, type Reservation } from '../booking-core';
import { countryOf, phoneForReader } from '../booking-core/phone';
import { describesBooking, matchingBookings, type BookingReference } from './booking-reference';
import { GoalDialog, type Absorbed } from './goal-dialog';
import { dayOfMonthIn, phoneFrom } from './guest-input';
import type { BookingFacts, Said } from './texts';
import { ask, note, send, turnOf, type Turn } from './turn';
import type { Expecting, Understanding } from './understanding';

const MAX_LISTED = 5;

export interface ExistingBookingState {
  phone?: string;
  /** What the guest said of the booking they mean ("my Saturday booking", "the 8 pm one"). */
  reference?: BookingReference;
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
    const t = turn.texts;
    const upcoming = await this.deps.bookings.upcomingFor(state.phone);
    if (!upcoming.length) {
      // The guest's own number, written as they write it ("06 12 34 56 78" for a French mobile).
      const written = phoneForReader(state.phone, countryOf(state.phone));
      await send(
        step.context,
        {
          text: `${t.noBookingFound(written).text} ${t.anythingElse.text}`,
          voice: `${t.noBookingFound(written).voice ?? ''} ${t.anythingElse.text}`,
        },
        { question: true },
      );
      return step.endDialog({ kind: 'done', outcome: 'nothing' });
    }
    const named = this.preselect(state, upcoming, turn);
    const matching = named ? [named] : this.matching(upcoming, state.reference, turn);
    // One booking, or one that fits what the guest said of it: no need to ask which.
    const only = matching.length === 1 ? matching[0] : upcoming.length === 1 ? upcoming[0] : undefined;
    if (only) {
      this.choose(state, only, turn);
      note(step.context, t.foundOne(this.factsOf(only, turn), turn.today, turn.voice));
      return step.next();
    }
    // Several fit what was said: only those are listed. None fits: said, and all are listed.
    const narrowed = matching.length > 0 && matching.length < upcoming.length;
    const listed = (matching.length ? matching : upcoming).slice(0, MAX_LISTED);
    if (!matching.length) {
      note(step.context, t.noneMatching);
      state.reference = undefined;
    }
    state.candidates = listed.map((r) => r.id);
    const facts = listed.map((r) => this.factsOf(r, turn));
    const which = narrowed ? t.whichMatching : t.whichBooking;
    return this.askFor(step, 'which', which(facts, turn.today, turn.voice), 'choice');
  }

  /**
   * The bookings that fit what the guest said (booking-reference.ts says what fits). A weekday said
   * ("my Saturday booking") is read as the nearest such day: when no booking is on that very
   * day, any booking on that weekday fits.
   */
  protected matching(list: Reservation[], ref: BookingReference | undefined, turn: Turn): Reservation[] {
    if (!ref || !describesBooking(ref)) return list;
    const tz = turn.restaurant.timezone;
    const exact = matchingBookings(list, ref, tz);
    if (exact.length || !ref.date || ref.date >= addDays(turn.today, 7)) return exact;
    const { date, ...rest } = ref;
    return matchingBookings(list, { ...rest, weekday: weekdayOf(date) }, tz);
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
      const said = referenceOf(u, turn.text);
      // "le 12" after a list of two is the 12th, not the twelfth of the list.
      if (u.choice !== undefined && !list[u.choice - 1] && u.choice <= 31) said.dayOfMonth ??= u.choice;
      let picks: Reservation[] = [];
      if (u.choice !== undefined && list[u.choice - 1]) picks = [list[u.choice - 1]];
      else if (describesBooking(said)) picks = this.matching(list, said, turn);
      if (!picks.length) return { kind: 'misunderstood' };
      state.candidates = undefined;
      if (picks.length > 1) {
        // Still several: what was said narrows the list, and only those are offered again.
        state.reference = { ...state.reference, ...said };
        return { kind: 'rerun' };
      }
      this.choose(state, picks[0], turn);
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

/** What an utterance says of a booking it names: its day, time, party or part of the day. */
export function referenceOf(u: Partial<Understanding>, text = ''): BookingReference {
  const ref: BookingReference = {};
  if (u.date) ref.date = u.date;
  else {
    const day = dayOfMonthIn(text);
    if (day !== undefined) ref.dayOfMonth = day;
  }
  if (u.time) ref.time = u.time;
  if (u.partySize !== undefined) ref.partySize = u.partySize;
  if (u.partOfDay && !u.time) ref.partOfDay = u.partOfDay;
  return ref;
}
