// Records every message of a conversation, both ways, in the store's transcripts (the
// dashboard shows them), with the reservation a turn made, and the conversation's outcome.
// A turn's entries are kept as they happen and written together when the turn ends (one
// commit on the embedded store rather than one per message), before the channel answers.
// A failing write is logged and never breaks the conversation. A channel that alone knows what
// the guest got of an answer (a streamed call, where the caller may speak over it) asks for the
// bot's lines instead (`channelData.recordsReplies`): each reply then carries its transcript
// entry (`channelData.transcriptEntry`), and the channel writes it as heard.
import type { Middleware, TurnContext } from 'botbuilder';
import type { Clock, Store, TranscriptEntry } from '../booking-core';
import { localeLanguage, outcomeOf } from '../dialogs';

export class TranscriptMiddleware implements Middleware {
  constructor(
    private readonly store: Pick<Store, 'appendTranscript' | 'appendTranscripts' | 'setConversationOutcome'>,
    private readonly clock: Clock,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = ctx.activity;
    const conversationId = a.conversation?.id;
    if (!conversationId) return next();
    const base = { conversationId, channel: a.channelId ?? 'unknown', address: a.from?.id ?? '' };
    const entries: TranscriptEntry[] = [];
    const channelRecords = (a.channelData as { recordsReplies?: unknown } | undefined)?.recordsReplies === true;
    if (a.type === 'message' && a.text) {
      entries.push({
        ...base,
        from: 'guest',
        text: a.text,
        at: this.now(),
        language: localeLanguage(a.locale) ?? undefined,
      });
    }
    ctx.onSendActivities(async (c, activities, send) => {
      const outcome = outcomeOf(c);
      for (const act of activities) {
        const at = this.now();
        if (act.type === 'message' && act.text) {
          const entry: TranscriptEntry = {
            ...base,
            from: 'bot',
            text: act.text,
            at,
            reservationId: outcome?.reservationId ?? null,
            language: localeLanguage(act.locale) ?? undefined,
          };
          if (channelRecords) act.channelData = { ...act.channelData, transcriptEntry: entry };
          else entries.push(entry);
        } else if (act.type === 'event' && act.name === 'handoff') {
          const v: { reason?: string; summary?: string } = act.value ?? {};
          entries.push({
            ...base,
            from: 'system',
            text: `handoff (${v.reason ?? 'requested'}): ${v.summary ?? ''}`,
            at,
          });
        } else if (act.type === 'endOfConversation') {
          entries.push({ ...base, from: 'system', text: 'end of conversation', at });
        }
      }
      return send();
    });
    try {
      await next();
    } finally {
      await this.record(entries);
    }
    const outcome = outcomeOf(ctx);
    if (outcome) {
      try {
        await this.store.setConversationOutcome(conversationId, outcome.outcome);
      } catch (err) {
        this.log(`[transcript] outcome of ${conversationId} not recorded: ${(err as Error).message}`);
      }
    }
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private async record(entries: TranscriptEntry[]): Promise<void> {
    if (!entries.length) return;
    try {
      if (this.store.appendTranscripts) await this.store.appendTranscripts(entries);
      else for (const e of entries) await this.store.appendTranscript(e);
    } catch (err) {
      this.log(`[transcript] ${entries[0].conversationId}: ${(err as Error).message}`);
    }
  }
}
