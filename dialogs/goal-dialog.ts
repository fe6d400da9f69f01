// The base of every goal dialog (book, change, cancel): the interruption layer, written once.
// Before a goal reads the guest's answer, it handles "help", "cancel that", "start over",
// "speak to a person", a language switch, a side question (hours, address, menu) and a
// change of goal. Then the goal's `absorb` merges the answer into its state and the steps
// run again from the top: each step skips what is already known and asks for the first
// thing missing, so "everything at once" and "piece by piece" are the same path.
import {
  ComponentDialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStep,
} from 'botbuilder-dialogs';
import { infoAnswer, isInfoIntent } from './info-dialog';
import type { HandoffReason } from './outcome';
import { note, turnOf, type DialogDeps, type Turn } from './turn';
import type { Intent } from './understanding';

export const MAX_MISSES = 3;
const STEPS = 'steps';

/** How a goal dialog ended, for the root dialog. */
export type GoalResult =
  | { kind: 'done'; outcome: 'booked' | 'modified' | 'cancelled' | 'waitlisted' | 'nothing' }
  | { kind: 'handoff'; reason: HandoffReason; summary: string }
  | { kind: 'aborted' }
  | { kind: 'restart' }
  | { kind: 'switch'; intent: Intent };

/** What the guest's answer did to a goal's state. */
export type Absorbed = { kind: 'rerun' } | { kind: 'misunderstood' } | { kind: 'end'; result: GoalResult };

export abstract class GoalDialog<S extends object> extends ComponentDialog<S> {
  /** The goal intent this dialog serves (a guest asking for it again is not a change of goal). */
  protected abstract readonly goal: Intent;

  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

  /** Registers the goal's steps; each returns `this.waitForAnswer()` after asking, or moves on. */
  protected steps(steps: Array<WaterfallStep<S>>): void {
    this.addDialog(new WaterfallDialog<S>(STEPS, steps));
    this.initialDialogId = STEPS;
  }

  /** Merges the guest's answer into the state. */
  protected abstract absorb(dc: DialogContext, state: S, turn: Turn): Promise<Absorbed>;

  /**
   * Whether the goal reads this utterance itself, before the interruptions: "annulez celle
   * du 12" is a stop to most goals, but names the booking to a cancellation.
   */
  protected takesAsAnswer(_state: S, _turn: Turn): boolean {
    return false;
  }

  /** Lets go of whatever the goal holds (a table hold) when it ends early. */
  protected async release(_state: S): Promise<void> {}

  /** One line for the staff when the guest is handed over. */
  protected abstract summary(state: S, turn: Turn): string;

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const turn = turnOf(innerDc.context);
    const state = this.stateOf(innerDc);
    if (!state) return innerDc.continueDialog();
    const t = turn.texts;
    if (turn.switched) note(innerDc.context, t.switchedLanguage);
    if (this.takesAsAnswer(state, turn)) return this.absorbed(innerDc, state, turn);
    const u = turn.u;
    switch (u.intent) {
      case 'help':
        note(innerDc.context, t.helpInBooking);
        return this.rerun(innerDc, state);
      case 'human':
        return this.finish(innerDc, state, {
          kind: 'handoff',
          reason: 'requested',
          summary: this.summary(state, turn),
        });
      case 'abort':
        return this.finish(innerDc, state, { kind: 'aborted' });
      case 'restart':
        return this.finish(innerDc, state, { kind: 'restart' });
      default:
        break;
    }
    if (isInfoIntent(u.intent) && !this.answersQuestion(turn)) {
      note(innerDc.context, infoAnswer(u.intent, turn, this.goal === 'book' || !!turn.profile.bookedId));
      return this.rerun(innerDc, state);
    }
    if (
      (u.intent === 'book' || u.intent === 'modify' || u.intent === 'cancel') &&
      u.intent !== this.goal &&
      !this.answersQuestion(turn)
    ) {
      return this.finish(innerDc, state, { kind: 'switch', intent: u.intent });
    }
    if (turn.switched && !this.answersQuestion(turn) && u.intent === 'none') return this.rerun(innerDc, state);
    return this.absorbed(innerDc, state, turn);
  }

  /** Lets the goal read the answer, and acts on what it made of it. */
  private async absorbed(innerDc: DialogContext, state: S, turn: Turn): Promise<DialogTurnResult> {
    const t = turn.texts;
    const absorbed = await this.absorb(innerDc, state, turn);
    switch (absorbed.kind) {
      case 'end':
        turn.profile.misses = 0;
        return this.finish(innerDc, state, absorbed.result);
      case 'rerun':
        turn.profile.misses = 0;
        return this.rerun(innerDc, state);
      case 'misunderstood':
        turn.profile.misses += 1;
        if (turn.profile.misses >= MAX_MISSES) {
          turn.profile.misses = 0;
          return this.finish(innerDc, state, {
            kind: 'handoff',
            reason: 'misunderstood',
            summary: this.summary(state, turn),
          });
        }
        note(innerDc.context, t.didNotUnderstand);
        return this.rerun(innerDc, state);
    }
  }

  /** Whether the utterance carries facts, a yes/no or a choice: then it answers the question. */
  protected answersQuestion(turn: Turn): boolean {
    const u = turn.u;
    return (
      u.partySize !== undefined ||
      u.date !== undefined ||
      u.time !== undefined ||
      u.name !== undefined ||
      u.phone !== undefined ||
      u.yesNo !== undefined ||
      u.choice !== undefined
    );
  }

  /** Runs the steps again from the top on the updated state. */
  protected rerun(innerDc: DialogContext, state: S): Promise<DialogTurnResult> {
    return innerDc.replaceDialog(STEPS, state);
  }

  private async finish(innerDc: DialogContext, state: S, result: GoalResult): Promise<DialogTurnResult> {
    if (result.kind !== 'done') await this.release(state);
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result };
  }

  /** The goal's state: the options its steps were (re)started with, updated in place. */
  private stateOf(innerDc: DialogContext): S | undefined {
    const active = innerDc.activeDialog;
    if (!active || active.id !== STEPS) return undefined;
    const options: S | undefined = active.state.options;
    return options;
  }
}
