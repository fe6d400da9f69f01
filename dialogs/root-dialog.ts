// The root of the tree: recognises the guest's goal and runs the goal's dialog (book, change,
// cancel, information, a person). It never ends; when a goal is over it waits for the next.
import { noteOnBooking, rememberDiet } from './diet-answer';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { BOOK_TABLE_DIALOG, BookTableDialog } from './book-table-dialog';
import { CANCEL_BOOKING_DIALOG, CancelBookingDialog } from './cancel-booking-dialog';
import { hasAnyFact } from './draft';
import { MAX_MISSES, type GoalResult } from './goal-dialog';
import { HANDOFF_DIALOG, HandoffDialog, type HandoffOptions } from './handoff-dialog';
import { INFO_DIALOG, InfoDialog, isInfoIntent } from './info-dialog';
import { MODIFY_BOOKING_DIALOG, ModifyBookingDialog } from './modify-booking-dialog';
import { readReminderAnswer } from '../booking-core/notifications/answer';
import { describesBooking } from './booking-reference';
import { changeStatementOf, type ChangeStatement } from './change-statement';
import { referenceOf } from './existing-booking-dialog';
import { saysCancel } from './guest-input';
import { recordOutcome } from './outcome';
import type { Said } from './texts';
import { ask, note, prepareTurn, send, setLanguage, turnOf, type DialogDeps, type Turn } from './turn';
import type { TurnContext } from './turn-types';

export const ROOT_DIALOG = 'root';
const WAITING: DialogTurnResult = { status: DialogTurnStatus.waiting };

export class RootDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ROOT_DIALOG);
    this.addDialog(new BookTableDialog(deps));
    this.addDialog(new ModifyBookingDialog(deps));
    this.addDialog(new CancelBookingDialog(deps));
    this.addDialog(new InfoDialog());
    this.addDialog(new HandoffDialog());
  }

  protected override onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.onContinueDialog(innerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const ctx = innerDc.context;
    if (ctx.activity.type !== 'message') return WAITING;
    const turn = await prepareTurn(ctx, this.deps);
    if (await this.reminderAnswered(turn, ctx)) return WAITING;
    if (turn.u.name && turn.u.intent !== 'yes' && turn.u.intent !== 'no') turn.profile.name = turn.u.name;
    if (rememberDiet(turn)) {
      // "table pour 2 demain, je suis allergique aux noix": said noted here; a menu question answers itself.
      if (turn.u.intent !== 'menu' && turn.u.diet) {
        const { diets, allergens } = turn.u.diet;
        note(ctx, turn.texts.dietNoted(diets, allergens, true));
        note(ctx, turn.texts.kitchenConfirms);
      }
      if (!innerDc.activeDialog) await noteOnBooking(turn, this.deps.bookings);
    }
    let result = innerDc.activeDialog ? await innerDc.continueDialog() : await this.route(innerDc, turn);
    // A goal that ends may hand over to another (a change of goal, a person).
    for (let hops = 0; result.status === DialogTurnStatus.complete && hops < 3; hops++) {
      result = await this.afterGoal(innerDc, turn, result.result);
    }
    await send(ctx, null);
    return WAITING;
  }

  /** "1" or "9" in answer to a reminder confirms or cancels that booking, whatever else is going on. */
  private async reminderAnswered(turn: Turn, ctx: TurnContext): Promise<boolean> {
    if (!this.deps.reminders || !turn.channelPhone || !readReminderAnswer(turn.text)) return false;
    const answer = await this.deps.reminders(turn.channelPhone, turn.text, turn.channel);
    if (!answer.handled) return false;
    if (answer.action === 'cancelled')
      recordOutcome(ctx, { outcome: 'cancelled', reservationId: answer.reservationId });
    // The reply is in the booking's language: the message says so.
    setLanguage(turn, answer.language);
    await send(ctx, { text: answer.reply });
    return true;
  }

  /** Starts the dialog of the goal the guest's words express. */
  private async route(dc: DialogContext, turn: Turn): Promise<DialogTurnResult> {
    const { u, texts: t } = turn;
    const ctx = dc.context;
    if (turn.switched) note(ctx, t.switchedLanguage);
    const understood = u.intent !== 'none' || hasAnyFact(u);
    if (understood) turn.profile.misses = 0;
    const stated = await this.statedChange(turn);
    if (stated) {
      turn.profile.misses = 0;
      return dc.beginDialog(MODIFY_BOOKING_DIALOG, ModifyBookingDialog.initialState(u, stated));
    }
    switch (u.intent) {
      case 'book':
        return dc.beginDialog(BOOK_TABLE_DIALOG, BookTableDialog.initialState(u));
      case 'modify': {
        const statement = changeStatementOf(turn.text);
        if (statement && (await this.nothingToChange(turn)))
          return dc.beginDialog(BOOK_TABLE_DIALOG, BookTableDialog.initialState({ ...u, intent: 'book' }));
        return dc.beginDialog(MODIFY_BOOKING_DIALOG, ModifyBookingDialog.initialState(u, statement));
      }
      case 'cancel':
        return dc.beginDialog(CANCEL_BOOKING_DIALOG, CancelBookingDialog.initialState(u, turn.text));
      case 'human':
        return dc.beginDialog(HANDOFF_DIALOG, {
          reason: 'requested',
          summary:
            `Guest asked for a person (${turn.lang}, ${turn.channel}` +
            `${turn.channelPhone ? `, ${turn.channelPhone}` : ''}).`,
        } satisfies HandoffOptions);
      case 'thanks':
        await send(ctx, t.youAreWelcome);
        if (turn.voice) await ctx.sendActivity({ type: 'endOfConversation' });
        return WAITING;
      case 'help':
        return this.ask(ctx, t.help);
      case 'restart':
        note(ctx, t.startOver);
        return this.ask(ctx, t.howCanIHelp);
      case 'abort':
        // "Cancel the 8pm one", "annulez celle du 12": with nothing going on, a booking to cancel.
        if (saysCancel(turn.text) && describesBooking(referenceOf(u, turn.text)))
          return dc.beginDialog(CANCEL_BOOKING_DIALOG, CancelBookingDialog.initialState(u, turn.text));
        note(ctx, t.nothingToAbort);
        return this.ask(ctx, t.howCanIHelp);
      default:
        break;
    }
    if (isInfoIntent(u.intent)) return dc.beginDialog(INFO_DIALOG, { topic: u.intent });
    // Facts without a stated goal ("4 people tomorrow at 8") can only be a booking.
    if (hasAnyFact(u) && (u.partySize !== undefined || u.date || u.time))
      return dc.beginDialog(BOOK_TABLE_DIALOG, BookTableDialog.initialState(u));
    // "This is Priya Sharma": a guest introducing themselves is greeted by name, not misunderstood.
    if (u.name && (u.intent === 'greeting' || u.intent === 'none')) note(ctx, t.helloName(u.name));
    if (u.intent === 'greeting' || u.intent === 'yes' || u.intent === 'no' || turn.switched || u.name) {
      const said = u.intent !== 'none' && !u.name && !turn.profile.greeted ? greeting(turn) : t.howCanIHelp;
      turn.profile.greeted = true;
      return this.ask(ctx, said);
    }
    turn.profile.misses += 1;
    if (turn.profile.misses >= MAX_MISSES) {
      return dc.beginDialog(HANDOFF_DIALOG, {
        reason: 'misunderstood',
        summary:
          `Guest not understood three times (${turn.lang}, ${turn.channel}); ` +
          `last words: "${turn.text.slice(0, 200)}".`,
      } satisfies HandoffOptions);
    }
    return this.ask(ctx, t.didNotUnderstandRoot);
  }

  /**
   * "On sera finalement 6 au lieu de 4", "we'll be 5 not 4 on Saturday": a change stated as a
   * fact, by a guest who has a booking to change, is a change of it, not a new booking. Words
   * that only hint at a change ("actually") with a whole request (party, day and time) are a
   * new booking.
   */
  private async statedChange(turn: Turn): Promise<ChangeStatement | null> {
    const u = turn.u;
    if (u.intent !== 'book' && u.intent !== 'none') return null;
    const statement = changeStatementOf(turn.text);
    if (!statement) return null;
    const party = u.partySize ?? statement.partySize;
    if (party === undefined && !u.date && !u.time) return null;
    if (statement.weak && party !== undefined && u.date && u.time) return null;
    const phone = turn.channelPhone ?? turn.profile.phone;
    if (!phone) return null;
    return (await this.deps.bookings.upcomingFor(phone)).length ? statement : null;
  }

  /**
   * A change stated as a fact ("we'll be 5 not 4 on Saturday") by a guest whose number has no
   * booking to change, with the facts of a request in it: the same words are a new booking.
   */
  private async nothingToChange(turn: Turn): Promise<boolean> {
    const u = turn.u;
    if (u.partySize === undefined && !u.date && !u.time) return false;
    const phone = turn.channelPhone ?? turn.profile.phone;
    if (!phone) return false;
    return (await this.deps.bookings.upcomingFor(phone)).length === 0;
  }

  private async afterGoal(dc: DialogContext, turn: Turn, result: GoalResult | undefined): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const t = turn.texts;
    switch (result?.kind) {
      case 'done':
        if (turn.voice && result.outcome !== 'nothing') await ctx.sendActivity({ type: 'endOfConversation' });
        return WAITING;
      case 'handoff':
        return dc.beginDialog(HANDOFF_DIALOG, {
          reason: result.reason,
          summary: result.summary,
        } satisfies HandoffOptions);
      case 'aborted':
        note(ctx, t.abandoned);
        return this.ask(ctx, t.howCanIHelp);
      case 'restart':
        note(ctx, t.startOver);
        return this.ask(ctx, t.howCanIHelp);
      case 'switch':
        turn.u = { ...turn.u, intent: result.intent };
        return this.route(dc, { ...turn, switched: false });
      default:
        return WAITING;
    }
  }

  private async ask(ctx: TurnContext, said: Said): Promise<DialogTurnResult> {
    await ask(ctx, said);
    return WAITING;
  }
}

/** Greets a guest who opens a chat or calls, in the channel's language guess. */
export async function greet(ctx: TurnContext, deps: DialogDeps): Promise<void> {
  await ask(ctx, greeting(await prepareTurn(ctx, deps)));
}

/** The greeting opens with the disclosure, so nothing is said before it. */
function greeting(turn: Turn): Said {
  turn.profile.greeted = true;
  turn.profile.disclosed = true;
  return turn.texts.greeting(turn.restaurant.name);
}

export { turnOf };
