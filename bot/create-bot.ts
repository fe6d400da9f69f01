// The one way to make the bot: the server and the channel adapters call this.
//
//   const { bot, adapterLogic, respond } = createBot({ store, bookings, clock, openai, onHandoff });
//   adapter.process(activity, adapterLogic)     // any BotAdapter: adapterLogic = (ctx) => bot.run(ctx)
//   const replies = await respond(activity)     // or run one Activity in process, get the replies
//
// The recognizers are warmed here, at start-up, and French and English requests are rehearsed
// through the dialog path on a scratch store (bot/rehearsal.ts), so no guest's turn pays for
// it: `await created.ready` before serving to be sure it is done.
import type { Activity, TurnContext } from 'botbuilder';
import { systemClock, type BookingService, type Clock, type Store, type WaitlistDesk } from '../booking-core';
import { reminderAnswerer } from '../booking-core/notifications/answer';
import { RestaurantSource, type LlmUnderstander } from '../dialogs';
import { warmUp } from '../dialogs/understanding';
import { createLlmUnderstander } from '../dialogs/understanding/llm';
import { InProcessAdapter } from './in-process-adapter';
import { MaitreBot, type HandoffAlert } from './maitre-bot';
import { rehearseTurns } from './rehearsal';
import { storeLeases } from './store-leases';
import { StoreStorage } from './store-storage';

/** Which instance is running a conversation's turn (see bot/conversation-queue.ts). */
export const CONVERSATION_LEASE_COLLECTION = 'conversationLease';

export interface CreateBotOptions {
  store: Store;
  bookings: BookingService;
  clock?: Clock;
  /** OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL: a language model helps read free text. */
  openai?: { apiKey: string; baseURL?: string; model?: string } | null;
  /** A ready-made model reader (tests); takes precedence over `openai`. */
  llm?: LlmUnderstander;
  /** Raise the staff alert for a guest handed to a person (text channels; voice also dials). */
  onHandoff?: (alert: HandoffAlert) => void | Promise<void>;
  /** Answer "1"/"9" replies to reminders (default: on, through the store). */
  reminders?: boolean;
  /** Tonight's waitlist, offered by the booking dialog when a guest who writes finds no table today. */
  waitlist?: WaitlistDesk;
  /** Rehearse FR and EN turns at start-up, on a scratch store (default: on). */
  rehearse?: boolean;
  log?: (line: string) => void;
}

export interface CreatedBot {
  bot: MaitreBot;
  /** The turn logic for any BotAdapter: `adapter.processActivity(..., adapterLogic)`. */
  adapterLogic: (ctx: TurnContext) => Promise<void>;
  /** An in-process adapter bound to this bot (terminal chat, tests, benchmark). */
  adapter: InProcessAdapter;
  /** Runs one inbound Activity (the channels' protocol) and returns the bot's replies. */
  respond: (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;
  /** Settles when the start-up rehearsal is over (it never rejects); guests may come before. */
  ready: Promise<void>;
}

export function createBot(options: CreateBotOptions): CreatedBot {
  const clock = options.clock ?? (() => options.bookings.now());
  warmUp();
  const llm = options.llm ?? (options.openai?.apiKey ? modelReader(options.openai) : undefined);
  const bot = new MaitreBot({
    storage: new StoreStorage(options.store),
    store: options.store,
    clock,
    deps: {
      bookings: options.bookings,
      clock,
      restaurant: new RestaurantSource(options.bookings),
      llm,
      reminders: options.reminders === false ? undefined : reminderAnswerer(options.bookings, options.store),
      waitlist: options.waitlist,
    },
    onHandoff: options.onHandoff,
    leases: storeLeases(options.store, CONVERSATION_LEASE_COLLECTION),
    log: options.log,
  });
  const adapterLogic = (ctx: TurnContext) => bot.run(ctx);
  const adapter = new InProcessAdapter();
  const log = options.log ?? ((line: string) => console.error(line));
  const ready =
    options.rehearse === false
      ? Promise.resolve()
      : rehearseTurns(options.store, options.bookings, clock, log).catch((err: Error) =>
          log(`[bot] start-up rehearsal failed: ${err.message}`),
        );
  return { bot, adapterLogic, adapter, respond: (activity) => adapter.process(activity, adapterLogic), ready };
}

/** The optional language model (any OpenAI-compatible server); it only fills what the grammar missed. */
function modelReader(openai: { apiKey: string; baseURL?: string; model?: string }): LlmUnderstander {
  return createLlmUnderstander({ apiKey: openai.apiKey, baseURL: openai.baseURL, model: openai.model });
}

export { systemClock };
