// Booking a table: ask only for what is missing (party, day, time, name, and the phone on
// web chat), look at the table as soon as party, day and time are known, offer the nearest
// free times when taken, hold the table while reading back, book on yes, release on no.
import { dietNote, noteOnBooking } from './diet-answer';
import { Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import {
  BookingError,
  CHANNELS,
  weekdayOf,
  type Alternative,
  type BookingRequest,
  type Channel,
} from '../booking-core';
import { hasAnyFact, mergeInto, pickAlternative, type BookingDraft } from './draft';
import { GoalDialog, type Absorbed, type GoalResult } from './goal-dialog';
import { isNo, isYes, nameFrom, phoneFrom } from './guest-input';
import { seatingHoursOn } from './info-dialog';
import { recordOutcome } from './outcome';
import { checkSlot, joinSaid, verdictOfError, type SlotVerdict } from './slot-check';
import type { Said } from './texts';
import { ask, note, send, turnOf, type DialogDeps, type Turn } from './turn';
import type { Expecting, Understanding } from './understanding';

export const BOOK_TABLE_DIALOG = 'bookTable';

type BookAsk = 'partySize' | 'date' | 'time' | 'name' | 'phone' | 'alternative' | 'waitlist' | 'readBack' | 'change';

export interface BookTableState {
  draft: BookingDraft;
  /** The last question asked. */
  asked?: BookAsk;
  /** Party, day and time were found free (voided when one of them changes). */
  checked?: boolean;
  /** The table held while the guest confirms. */
  holdId?: string;
  /** Alternatives on offer, in the order they were said. */
  offered?: Alternative[];
  /** The guest said no to the read-back: ask what to change. */
  wantsChange?: boolean;
  /** The WhatsApp profile name offered as the booking's name ('' once declined: not offered again). */
  nameOffered?: string;
  /** The guest said no to tonight's waitlist: it is not offered again. */
  declinedWaitlist?: boolean;
}

type Step = WaterfallStepContext<BookTableState>;

export class BookTableDialog extends GoalDialog<BookTableState> {
  protected readonly goal = 'book' as const;

  constructor(deps: DialogDeps) {
    super(BOOK_TABLE_DIALOG, deps);
    this.steps([
      (s) => this.changeStep(s),
      (s) => this.partyStep(s),
      (s) => this.dateStep(s),
      (s) => this.timeStep(s),
      (s) => this.slotStep(s),
      (s) => this.nameStep(s),
      (s) => this.phoneStep(s),
      (s) => this.readBackStep(s),
    ]);
  }

  /** The first facts come from the utterance that started the booking. */
  static initialState(u: Partial<Understanding>): BookTableState {
    const draft: BookingDraft = {};
    mergeInto(draft, u);
    return { draft };
  }

  // Steps: each asks for one missing thing, or moves on.

  private async changeStep(step: Step): Promise<DialogTurnResult> {
    if (!step.options.wantsChange) return step.next();
    return this.ask(step, 'change', turnOf(step.context).texts.askWhatToChange, null);
  }

  private async partyStep(step: Step): Promise<DialogTurnResult> {
    const { draft } = step.options;
    const turn = turnOf(step.context);
    if (draft.partySize === undefined) return this.ask(step, 'partySize', turn.texts.askParty, 'partySize');
    if ((await this.deps.bookings.partyRefusal(draft.partySize)) === 'party_too_large') return this.tooLarge(step);
    return step.next();
  }

  private async dateStep(step: Step): Promise<DialogTurnResult> {
    if (step.options.draft.date !== undefined) return step.next();
    return this.ask(step, 'date', turnOf(step.context).texts.askDate, 'date');
  }

  private async timeStep(step: Step): Promise<DialogTurnResult> {
    const { draft } = step.options;
    if (draft.time !== undefined) return step.next();
    const turn = turnOf(step.context);
    const hours = draft.date
      ? seatingHoursOn(turn.restaurant, weekdayOf(draft.date), turn.texts, turn.voice, draft.partOfDay)
      : '';
    return this.ask(step, 'time', turn.texts.askTime(draft.partOfDay, hours), 'time');
  }

  private async slotStep(step: Step): Promise<DialogTurnResult> {
    const state = step.options;
    if (state.checked) return step.next();
    const { partySize, date, time } = state.draft;
    if (partySize === undefined || date === undefined || time === undefined) return step.next();
    const verdict = await checkSlot(this.deps.bookings, turnOf(step.context), { partySize, date, time });
    if (verdict.kind === 'free') {
      state.checked = true;
      return step.next();
    }
    return this.onVerdict(step, verdict);
  }

  private async nameStep(step: Step): Promise<DialogTurnResult> {
    const { draft } = step.options;
    const turn = turnOf(step.context);
    // A name given earlier in the conversation ("Bonjour, c'est Mme Nicolas") is not asked again.
    draft.name ??= turn.profile.name;
    if (draft.name) return step.next();
    // On WhatsApp the guest's profile name is offered: a "yes" books under it, a name replaces it.
    if (turn.profileName && step.options.nameOffered === undefined) {
      step.options.nameOffered = turn.profileName;
      return this.ask(step, 'name', turn.texts.askNameOffer(turn.profileName), 'confirm');
    }
    return this.ask(step, 'name', turn.texts.askName, 'name');
  }

  private async phoneStep(step: Step): Promise<DialogTurnResult> {
    const { draft } = step.options;
    if (draft.phone) return step.next();
    const turn = turnOf(step.context);
    if (turn.channelPhone) {
      draft.phone = turn.channelPhone;
      return step.next();
    }
    return this.ask(step, 'phone', turn.texts.askPhone, 'phone');
  }

  /** Holds the table, then reads back party, day, time and name and asks for a yes or no. */
  private async readBackStep(step: Step): Promise<DialogTurnResult> {
    const state = step.options;
    const turn = turnOf(step.context);
    if (!state.holdId) {
      const request = this.request(step.context, state.draft, turn);
      if (!request) throw new Error('read-back reached with an incomplete draft');
      try {
        const held = await this.deps.bookings.hold(request);
        state.holdId = held.id;
      } catch (err) {
        return this.onHoldError(step, err);
      }
    }
    const { partySize = 0, date = '', time = '', name } = state.draft;
    return this.ask(
      step,
      'readBack',
      turn.texts.readBack({ partySize, date, time, name }, turn.today, turn.voice),
      'confirm',
    );
  }

  // Reading the guest's answer.

  protected async absorb(dc: DialogContext, state: BookTableState, turn: Turn): Promise<Absorbed> {
    const u = turn.u;
    switch (state.asked) {
      case 'readBack':
        return this.absorbReadBack(dc, state, turn);
      case 'alternative': {
        const pick = pickAlternative(state.offered ?? [], u, state.draft.date);
        if (pick) {
          state.draft.date = pick.date;
          state.draft.time = pick.time;
          state.offered = undefined;
          state.checked = false;
          return { kind: 'rerun' };
        }
        if (isNo(u) && !hasAnyFact(u)) {
          state.offered = undefined;
          delete state.draft.time;
          state.checked = false;
          return { kind: 'rerun' };
        }
        return this.absorbFacts(state, u, turn);
      }
      case 'name': {
        if (state.nameOffered && !hasAnyFact(u)) {
          if (isYes(u)) {
            state.draft.name = state.nameOffered;
            return { kind: 'rerun' };
          }
          if (isNo(u)) {
            state.nameOffered = '';
            return { kind: 'rerun' };
          }
        }
        return this.absorbFacts(state, u, turn);
      }
      case 'waitlist': {
        if (hasAnyFact(u)) {
          state.declinedWaitlist = true;
          return this.absorbFacts(state, u, turn);
        }
        if (isYes(u)) return this.joinWaitlist(dc, state, turn);
        if (isNo(u)) {
          state.declinedWaitlist = true;
          state.checked = false;
          return { kind: 'rerun' };
        }
        return { kind: 'misunderstood' };
      }
      case 'change': {
        const merged = await this.absorbFacts(state, u, turn);
        if (merged.kind === 'rerun') state.wantsChange = false;
        return merged;
      }
      default:
        return this.absorbFacts(state, u, turn);
    }
  }

  private async absorbReadBack(dc: DialogContext, state: BookTableState, turn: Turn): Promise<Absorbed> {
    const u = turn.u;
    if (hasAnyFact(u)) {
      // "No, at 9 pm" or "yes but for five": the answer is a change.
      const changed = await this.absorbFacts(state, u, turn);
      if (changed.kind === 'rerun') return changed;
    }
    if (isYes(u)) return this.confirm(dc, state, turn);
    if (isNo(u)) {
      await this.release(state);
      state.wantsChange = true;
      return { kind: 'rerun' };
    }
    return { kind: 'misunderstood' };
  }

  /** Merges the facts of an answer; a bare name or phone number is read as what was asked. */
  private async absorbFacts(state: BookTableState, u: Understanding, turn: Turn): Promise<Absorbed> {
    const facts: Partial<Understanding> = { ...u };
    if (state.asked === 'name' && !facts.name && facts.partySize === undefined && !facts.date && !facts.time)
      facts.name = nameFrom(turn.text) ?? undefined;
    if (state.asked === 'phone' && !facts.phone) facts.phone = phoneFrom(turn.text) ?? undefined;
    if (facts.phone) facts.phone = phoneFrom(facts.phone) ?? facts.phone;
    const before = { ...state.draft };
    const merged = mergeInto(state.draft, facts);
    if (!merged.changed.length) return { kind: 'misunderstood' };
    if (merged.slotChanged) {
      state.checked = false;
      state.offered = undefined;
    }
    if (
      state.holdId &&
      (merged.slotChanged || before.name !== state.draft.name || before.phone !== state.draft.phone)
    ) {
      await this.release(state);
    }
    return { kind: 'rerun' };
  }

  private async confirm(dc: DialogContext, state: BookTableState, turn: Turn): Promise<Absorbed> {
    const bookings = this.deps.bookings;
    const holdId = state.holdId;
    if (!holdId) return { kind: 'rerun' };
    let reservationId: string;
    try {
      // An allergy told after the table was held (at the read-back) still reaches the notes.
      await noteOnBooking(turn, bookings, holdId);
      reservationId = (await bookings.confirm(holdId)).reservation.id;
    } catch (err) {
      // The hold lapsed (a long pause): try the same table again before giving up on it.
      state.holdId = undefined;
      if (!(err instanceof BookingError) || err.code !== 'hold_expired') throw err;
      const request = this.request(dc.context, state.draft, turn);
      try {
        if (!request) throw err;
        reservationId = (await bookings.confirm((await bookings.hold(request)).id)).reservation.id;
      } catch {
        note(dc.context, turn.texts.holdLost);
        state.checked = false;
        return { kind: 'rerun' };
      }
    }
    state.holdId = undefined;
    const { partySize = 0, date = '', time = '', name, phone } = state.draft;
    Object.assign(turn.profile, { name, phone, bookedId: reservationId });
    recordOutcome(dc.context, { outcome: 'booked', reservationId });
    await send(dc.context, turn.texts.confirmed({ partySize, date, time, name }, turn.today, turn.voice));
    return { kind: 'end', result: { kind: 'done', outcome: 'booked' } };
  }

  protected override async release(state: BookTableState): Promise<void> {
    const holdId = state.holdId;
    state.holdId = undefined;
    if (holdId) await this.deps.bookings.release(holdId);
  }

  protected summary(state: BookTableState, turn: Turn): string {
    const d = state.draft;
    const facts = [
      d.partySize !== undefined ? `party of ${d.partySize}` : null,
      d.date ?? null,
      d.time ?? null,
      d.name ? `name ${d.name}` : null,
      d.phone ?? turn.channelPhone ?? null,
    ].filter(Boolean);
    return `Booking request (${turn.lang}, ${turn.channel})${facts.length ? `: ${facts.join(', ')}` : ''}.`;
  }

  // Helpers

  private async ask(step: Step, asked: BookAsk, said: Said, expecting: Expecting | null): Promise<DialogTurnResult> {
    step.options.asked = asked;
    await ask(step.context, said, expecting);
    return Dialog.EndOfTurn;
  }

  private async tooLarge(step: Step): Promise<DialogTurnResult> {
    const turn = turnOf(step.context);
    const result: GoalResult = { kind: 'handoff', reason: 'large_party', summary: this.summary(step.options, turn) };
    await this.release(step.options);
    return step.endDialog(result);
  }

  private async onVerdict(step: Step, verdict: Exclude<SlotVerdict, { kind: 'free' }>): Promise<DialogTurnResult> {
    const state = step.options;
    const turn = turnOf(step.context);
    state.checked = false;
    switch (verdict.kind) {
      case 'too_large':
        return this.tooLarge(step);
      case 'bad_day':
        note(step.context, verdict.said);
        delete state.draft.date;
        return this.ask(step, 'date', turn.texts.askDate, 'date');
      case 'offer':
        if (verdict.full && (await this.waitlistOffered(step, verdict.offered))) {
          return this.ask(step, 'waitlist', joinSaid(verdict.first, turn.texts.offerWaitlist), 'confirm');
        }
        if (!verdict.offered.length) {
          note(step.context, verdict.said);
          delete state.draft.time;
          delete state.draft.date;
          return this.ask(step, 'date', turn.texts.askDate, 'date');
        }
        state.offered = verdict.offered;
        return this.ask(step, 'alternative', verdict.said, 'choice');
    }
  }

  /**
   * Whether to offer tonight's waitlist: nothing left today (only other days, or nothing), and
   * the booking core says this guest may join (it knows the channel, the day and the list).
   */
  private async waitlistOffered(step: Step, offered: Alternative[]): Promise<boolean> {
    const state = step.options;
    const { date, partySize } = state.draft;
    const turn = turnOf(step.context);
    if (!this.deps.waitlist || state.declinedWaitlist || !date || partySize === undefined) return false;
    if (offered.some((a) => a.date === date)) return false;
    return this.deps.waitlist.offerable({ date, partySize, phone: turn.channelPhone, channel: turn.channel });
  }

  /** Yes to the waitlist: the booking core adds the guest, and its answer (their place) is said. */
  private async joinWaitlist(dc: DialogContext, state: BookTableState, turn: Turn): Promise<Absorbed> {
    const { partySize } = state.draft;
    if (!this.deps.waitlist || !turn.channelPhone || partySize === undefined) return { kind: 'misunderstood' };
    try {
      const { reply } = await this.deps.waitlist.join({
        phone: turn.channelPhone,
        partySize,
        language: turn.lang,
        name: state.draft.name ?? turn.profile.name ?? undefined,
        channel: turn.channel === 'whatsapp' ? 'whatsapp' : 'sms',
      });
      recordOutcome(dc.context, { outcome: 'waitlisted' });
      await send(dc.context, { text: reply });
      return { kind: 'end', result: { kind: 'done', outcome: 'waitlisted' } };
    } catch (err) {
      // Joined meanwhile, or no longer possible: the nearest times are offered instead.
      if (!(err instanceof BookingError)) throw err;
      state.declinedWaitlist = true;
      state.checked = false;
      return { kind: 'rerun' };
    }
  }

  private async onHoldError(step: Step, err: unknown): Promise<DialogTurnResult> {
    const state = step.options;
    const turn = turnOf(step.context);
    const { partySize = 0, date = '', time = '' } = state.draft;
    if (err instanceof BookingError && err.code === 'invalid_phone') {
      delete state.draft.phone;
      note(step.context, turn.texts.invalidPhone);
      return this.ask(step, 'phone', turn.texts.askPhone, 'phone');
    }
    if (err instanceof BookingError && err.code === 'too_many') {
      // Nothing was held: say why, and leave the guest free to change or cancel instead.
      const byGuest = err.details.field === 'phoneNumber' || err.details.field === 'email';
      const why = byGuest ? turn.texts.tooManyBookings : turn.texts.tooManyAttempts;
      await send(step.context, { text: `${why.text} ${turn.texts.anythingElse.text}` }, { question: true });
      const result: GoalResult = { kind: 'done', outcome: 'nothing' };
      return step.endDialog(result);
    }
    if (err instanceof BookingError && err.code === 'invalid_input') {
      if (err.details.field === 'phoneNumber') {
        delete state.draft.phone;
        return this.ask(step, 'phone', turn.texts.askPhone, 'phone');
      }
      if (err.details.field === 'customerName') {
        delete state.draft.name;
        note(step.context, turn.texts.invalidName);
        return this.ask(step, 'name', turn.texts.askName, 'name');
      }
    }
    const verdict = await verdictOfError(this.deps.bookings, turn, { partySize, date, time }, err);
    if (!verdict || verdict.kind === 'free') throw err;
    return this.onVerdict(step, verdict);
  }

  private request(ctx: DialogContext['context'], d: BookingDraft, turn: Turn): BookingRequest | null {
    if (d.partySize === undefined || !d.date || !d.time || !d.name || !d.phone) return null;
    const channel: Channel = CHANNELS.find((c) => c === turn.channel) ?? 'webchat';
    return {
      customerName: d.name,
      customerPhone: d.phone,
      customerEmail: d.email ?? null,
      partySize: d.partySize,
      date: d.date,
      time: d.time,
      channel,
      language: turn.lang,
      conversationId: ctx.activity.conversation?.id ?? null,
      notes: dietNote(turn),
    };
  }
}
