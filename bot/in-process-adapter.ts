// A channel-free adapter: runs one inbound activity through the bot in this process and
// returns what the bot said. Used by `npm run chat`, the dialog tests and the benchmark.
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { randomUUID } from 'node:crypto';

type Logic = (ctx: TurnContext) => Promise<void>;

const REPLIES = Symbol('maitre.inProcessReplies');

export class InProcessAdapter extends BotAdapter {
  /** Replies sent outside a turn (continueConversation), by conversation id. */
  readonly proactive = new Map<string, Partial<Activity>[]>();

  /** Runs one activity; resolves with the activities the bot sent during the turn. */
  async process(activity: Partial<Activity>, logic: Logic): Promise<Partial<Activity>[]> {
    const request: Partial<Activity> = {
      id: randomUUID(),
      timestamp: new Date(),
      recipient: { id: 'maitre', name: 'Maître' },
      serviceUrl: 'inprocess://',
      ...activity,
    };
    const ctx = new TurnContext(this, request);
    const replies: Partial<Activity>[] = [];
    ctx.turnState.set(REPLIES, replies);
    await this.runMiddleware(ctx, logic);
    return replies;
  }

  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies: Partial<Activity>[] | undefined = ctx.turnState.get(REPLIES);
    const sink = replies ?? this.proactiveFor(ctx.activity.conversation?.id ?? '');
    return activities.map((a) => {
      if (a.type !== 'delay') sink.push(a);
      return { id: randomUUID() };
    });
  }

  async updateActivity(): Promise<void> {
    throw new Error('InProcessAdapter: updating a sent activity is not supported.');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('InProcessAdapter: deleting a sent activity is not supported.');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const ctx = new TurnContext(
      this,
      TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true),
    );
    await this.runMiddleware(ctx, logic);
  }

  private proactiveFor(conversationId: string): Partial<Activity>[] {
    let list = this.proactive.get(conversationId);
    if (!list) {
      list = [];
      this.proactive.set(conversationId, list);
    }
    return list;
  }
}
