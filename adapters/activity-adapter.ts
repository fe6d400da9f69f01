// The Bot Framework side shared by every channel adapter: a BotAdapter that runs one turn for an
// inbound Activity and hands back what the bot said during that turn, instead of posting it to a
// Bot Connector service. Channels that answer inside the HTTP response (TwiML, the web chat API)
// need exactly that: the turn's replies, collected, then rendered in the channel's format.
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';

/** The bot's turn logic, e.g. `(ctx) => bot.run(ctx)` for an ActivityHandler. */
export type BotLogic = (context: TurnContext) => Promise<void>;

/** Runs one inbound activity through the bot and returns the activities it sent back. */
export type TurnRunner = (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;

/** Where replies sent outside a request (continueConversation) go, e.g. a web chat history. */
export type ProactiveSink = (
  reference: Partial<ConversationReference>,
  activities: Partial<Activity>[],
) => Promise<void>;

const REPLIES = Symbol('maitre.collectedReplies');
const BOT_ID = 'maitre';

type CollectingContext = TurnContext & { [REPLIES]?: Partial<Activity>[] };

/** Serialises work per key: two webhooks of one conversation never run the bot at the same time. */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // Forget the key once nothing queues behind this turn, so the map does not grow forever.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}

export class CollectingAdapter extends BotAdapter {
  private readonly serializer = new KeyedSerializer();
  private sequence = 0;

  constructor(private readonly proactiveSink?: ProactiveSink) {
    super();
  }

  /**
   * Runs the bot for one inbound activity and returns its replies. Turns of one conversation
   * run one after the other (the dialog state is read and written once per turn).
   */
  runTurn(activity: Partial<Activity>, logic: BotLogic): Promise<Partial<Activity>[]> {
    const full = completeInbound(activity, () => this.nextId());
    const key = full.conversation?.id ?? 'unknown';
    return this.serializer.run(key, async () => {
      const context: CollectingContext = new TurnContext(this, full);
      const replies: Partial<Activity>[] = [];
      context[REPLIES] = replies;
      await this.runMiddleware(context, logic);
      return replies;
    });
  }

  /** A TurnRunner bound to one bot logic, the shape the channel adapters take. */
  runnerFor(logic: BotLogic): TurnRunner {
    return (activity) => this.runTurn(activity, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const sink = (context as CollectingContext)[REPLIES];
    const responses: ResourceResponse[] = [];
    const proactive: Partial<Activity>[] = [];
    for (const activity of activities) {
      const id = this.nextId();
      responses.push({ id });
      // Delays and traces mean nothing to a channel that answers in one HTTP response.
      if (activity.type === 'delay' || activity.type === ActivityTypes.Trace) continue;
      const stamped = { ...activity, id, timestamp: new Date() };
      if (sink) sink.push(stamped);
      else proactive.push(stamped);
    }
    if (proactive.length && this.proactiveSink) {
      await this.proactiveSink(TurnContext.getConversationReference(context.activity), proactive);
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    // Twilio and the web chat cannot edit a message once sent; the bot never needs it.
  }

  override async deleteActivity(): Promise<void> {
    // Same as updateActivity: nothing to delete on these channels.
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  private nextId(): string {
    this.sequence += 1;
    return `${Date.now().toString(36)}-${this.sequence}`;
  }
}

/** Fills what every inbound activity needs and an adapter may have left out. */
function completeInbound(activity: Partial<Activity>, id: () => string): Partial<Activity> {
  return {
    id: id(),
    timestamp: new Date(),
    serviceUrl: 'urn:maitre:local',
    recipient: { id: BOT_ID, name: 'Maître' },
    ...activity,
  };
}
