// Handing the guest to a person: say so, then send the channel protocol's `handoff` event
// (the voice adapter dials the restaurant, text channels raise a staff alert).
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { recordOutcome, type HandoffReason } from './outcome';
import { send, turnOf } from './turn';

export const HANDOFF_DIALOG = 'handoff';

export interface HandoffOptions {
  reason: HandoffReason;
  summary: string;
}

export class HandoffDialog extends Dialog<HandoffOptions> {
  constructor() {
    super(HANDOFF_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: HandoffOptions): Promise<DialogTurnResult> {
    const turn = turnOf(dc.context);
    const reason = options?.reason ?? 'requested';
    const summary = options?.summary ?? `Guest asked for a person (${turn.lang}, ${turn.channel}).`;
    turn.profile.misses = 0;
    await send(dc.context, turn.texts.handoff(reason, turn.voice));
    await dc.context.sendActivity({
      type: 'event',
      name: 'handoff',
      value: { reason, summary },
      locale: turn.texts.locale,
    });
    recordOutcome(dc.context, { outcome: 'handoff', handoff: { reason, summary } });
    return dc.endDialog({ kind: 'done', outcome: 'nothing' });
  }
}
