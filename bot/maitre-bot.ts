// The bot: an ActivityHandler that runs the dialog tree with conversation and guest state
// persisted through the store. Each conversation's turns run one after another; every message
// is recorded in the transcripts; a handoff raises the staff alert given at construction.
import {
  ActivityHandler,
  ConversationState,
  UserState,
  type StatePropertyAccessor,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Clock, Store } from '../booking-core';
import {
  greet,
  newProfile,
  outcomeOf,
  prepareTurn,
  RootDialog,
  ROOT_DIALOG,
  type ConversationProfile,
  type DialogDeps,
  type GuestProfile,
  type HandoffReason,
} from '../dialogs';
import type { TurnLeases } from '../adapters/replay-guard';
import { ConversationQueue } from './conversation-queue';
import { TranscriptMiddleware } from './transcript-middleware';

/** What the staff alert gets when a guest is handed to a person. */
export interface HandoffAlert {
  conversationId: string;
  channel: string;
  /** The guest's address on the channel: a phone number, a web chat id. */
  address: string;
  language: string;
  reason: HandoffReason;
  summary: string;
}

export interface MaitreBotOptions {
  storage: Storage;
  store: Pick<Store, 'appendTranscript' | 'setConversationOutcome'>;
  clock: Clock;
  /** The dialog tree's dependencies, less the state accessors the bot owns. */
  deps: Omit<DialogDeps, 'profile'>;
  onHandoff?: (alert: HandoffAlert) => void | Promise<void>;
  /** Leases in the shared store, so that instances take one conversation's turns one at a time. */
  leases?: TurnLeases | null;
  log?: (line: string) => void;
}

/** After this long without a word, a conversation starts afresh (the same SMS thread days later). */
const STALE_AFTER_MS = 3 * 3600_000;

export class MaitreBot extends ActivityHandler {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly guest: StatePropertyAccessor<GuestProfile>;
  private readonly dialogs: DialogSet;
  private readonly deps: DialogDeps;
  private readonly queue: ConversationQueue;
  private readonly transcript: TranscriptMiddleware;
  private readonly log: (line: string) => void;

  constructor(private readonly options: MaitreBotOptions) {
    super();
    this.log = options.log ?? ((line) => console.error(line));
    this.queue = new ConversationQueue(options.leases ?? null, this.log);
    this.conversationState = new ConversationState(options.storage);
    this.userState = new UserState(options.storage);
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    const profile = this.conversationState.createProperty<ConversationProfile>('profile');
    this.guest = this.userState.createProperty<GuestProfile>('guest');
    this.deps = { ...options.deps, profile };
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new RootDialog(this.deps));
    this.transcript = new TranscriptMiddleware(options.store, options.clock, this.log);

    this.onMessage(async (ctx, next) => {
      const stale = await this.beginTurn(ctx);
      const dc = await this.dialogs.createContext(ctx);
      // A booking left half-way hours ago is not what the guest is talking about now.
      if (stale) await dc.cancelAllDialogs();
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ROOT_DIALOG);
      await next();
    });

    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      const guests = (ctx.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (guests.length) {
        await this.beginTurn(ctx);
        await greet(ctx, this.deps);
      }
      await next();
    });
  }

  /** One turn: queued behind the conversation's previous one, recorded, state saved at the end. */
  override async run(ctx: TurnContext): Promise<void> {
    const key = ctx.activity.conversation?.id ?? `${ctx.activity.channelId}:${ctx.activity.from?.id}`;
    await this.queue.run(key, () =>
      this.transcript.onTurn(ctx, async () => {
        try {
          await super.run(ctx);
          await this.endTurn(ctx);
        } catch (err) {
          await this.recover(ctx, err);
        }
      }),
    );
  }

  /** A turn that failed: say sorry, and start the conversation afresh rather than loop on the fault. */
  private async recover(ctx: TurnContext, err: unknown): Promise<void> {
    this.log(`[bot] turn failed in ${ctx.activity.conversation?.id}: ${(err as Error)?.stack ?? String(err)}`);
    const fr = (ctx.activity.locale ?? 'fr').toLowerCase().startsWith('fr');
    try {
      await ctx.sendActivity({
        type: 'message',
        locale: fr ? 'fr-FR' : 'en-US',
        inputHint: 'acceptingInput',
        text: fr
          ? 'Désolé, un problème technique est survenu. Pouvez-vous reformuler votre demande ?'
          : 'Sorry, something went wrong on our side. Could you say that again?',
      });
      await this.conversationState.delete(ctx);
      await this.conversationState.saveChanges(ctx, true);
    } catch (inner) {
      this.log(`[bot] could not recover: ${(inner as Error).message}`);
    }
  }

  /**
   * A returning guest is first answered in the language they chose before. Returns true when
   * the conversation was idle long enough that whatever was under way is forgotten.
   */
  private async beginTurn(ctx: TurnContext): Promise<boolean> {
    const [profile, guest] = await Promise.all([this.deps.profile.get(ctx, newProfile()), this.guest.get(ctx, {})]);
    if (!profile.lang && guest.lang) profile.lang = guest.lang;
    const now = this.options.clock();
    const stale = !!profile.lastAt && now.getTime() - Date.parse(profile.lastAt) > STALE_AFTER_MS;
    if (stale) {
      profile.expecting = null;
      profile.misses = 0;
      profile.langFromWords = false;
      // Days later on the same SMS thread is a new conversation: the first reply discloses again.
      profile.disclosed = false;
      // A new visit: what was said about the last one (an allergy, the booking made) is not carried over.
      profile.allergies = undefined;
      profile.bookedId = undefined;
    }
    profile.lastAt = now.toISOString();
    await prepareTurn(ctx, this.deps);
    return stale;
  }

  private async endTurn(ctx: TurnContext): Promise<void> {
    const profile = await this.deps.profile.get(ctx, newProfile());
    const guest = await this.guest.get(ctx, {});
    if (profile.lang && guest.lang !== profile.lang) guest.lang = profile.lang;
    await Promise.all([this.conversationState.saveChanges(ctx), this.userState.saveChanges(ctx)]);
    const outcome = outcomeOf(ctx);
    if (outcome?.handoff && this.options.onHandoff) {
      const a = ctx.activity;
      try {
        await this.options.onHandoff({
          conversationId: a.conversation?.id ?? '',
          channel: a.channelId ?? '',
          address: a.from?.id ?? '',
          language: profile.lang ?? 'fr',
          reason: outcome.handoff.reason,
          summary: outcome.handoff.summary,
        });
      } catch (err) {
        this.log(`[bot] handoff alert failed: ${(err as Error).message}`);
      }
    }
  }
}
