// A rehearsal at start-up: French and English booking requests run through the real dialog
// path (understanding, availability, the hold, the read-back, state, transcript and store
// code), so the first guest of the day is answered about as fast as the hundredth instead of
// paying for the first compilation of all of it. Nothing touches the real store: the rehearsal
// runs on a scratch in-memory SQLite store holding a copy of the restaurant and its tables,
// with its own booking service (and event bus), no language model and no staff alert; the
// real store is only read (and, on SQLite, has the statements the rehearsal used prepared).
import type { Activity } from 'botbuilder';
import { BookingService, localDateOf, type Clock, type Store } from '../booking-core';
import { SqliteStore } from '../booking-core/stores/sqlite-store';
import { RestaurantSource } from '../dialogs';
import { InProcessAdapter } from './in-process-adapter';
import { MaitreBot } from './maitre-bot';
import { StoreStorage } from './store-storage';

/** A number reserved for fiction (ARCEP, 01 99 00 xx xx): never a guest's. */
const REHEARSAL_PHONE = '+33199000000';
const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Rounds of the requests below. One round compiles the path; the next ones get it optimised, so
 * the first guest is answered about as fast as the hundredth (`npm run bench`, "first guest"),
 * for ~50 ms more start-up. Inside `node --test` one round, as warmUp() does for the recognizers: every test
 * file starts a bot, often several.
 */
const ROUNDS = process.env.NODE_TEST_CONTEXT ? 1 : 3;

/** Guests say "tomorrow" as often as a date: both are rehearsed, in both languages. */
function requests(now: Date): Array<{ text: string; locale: string }> {
  const d = new Date(now.getTime() + 3 * 86_400_000);
  return [
    { text: 'Bonjour, une table pour 2 demain à 20h au nom de Dupont', locale: 'fr-FR' },
    { text: 'Hi, a table for 2 tomorrow at 8pm, name is Smith', locale: 'en-US' },
    {
      text: `Bonsoir, une table pour 4 le ${d.getUTCDate()} ${FR_MONTHS[d.getUTCMonth()]} à 19h30 au nom de Martin`,
      locale: 'fr-FR',
    },
    {
      text: `Hello, a table for 4 on ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} at 7:30pm, name is Brown`,
      locale: 'en-US',
    },
  ];
}

/** Runs the rehearsal turns; resolves when they are done (a failure is only logged). */
export async function rehearseTurns(
  store: Store,
  bookings: BookingService,
  clock: Clock,
  log: (line: string) => void,
): Promise<void> {
  const scratch = new SqliteStore(':memory:');
  await scratch.init();
  try {
    const [restaurant, tables] = await Promise.all([bookings.restaurant(), bookings.tables()]);
    await scratch.saveRestaurant(restaurant);
    for (const t of tables) await scratch.saveTable(t);
    const scratchBookings = new BookingService(scratch, bookings.restaurantId, { clock: () => bookings.now() });
    const bot = new MaitreBot({
      storage: new StoreStorage(scratch),
      store: scratch,
      clock,
      deps: { bookings: scratchBookings, clock, restaurant: new RestaurantSource(scratchBookings) },
      log: (line) => log(`[bot] start-up rehearsal: ${line}`),
    });
    const adapter = new InProcessAdapter();
    const turns = Array.from({ length: ROUNDS }, () => requests(clock())).flat();
    for (const [i, { text, locale }] of turns.entries()) {
      const conversation = { id: `sms:rehearsal-${i}`, isGroup: false, conversationType: 'personal', name: '' };
      const activity: Partial<Activity> = {
        type: 'message',
        channelId: 'sms',
        conversation,
        from: { id: REHEARSAL_PHONE, name: '' },
        text,
        locale,
      };
      await adapter.process(activity, (ctx) => bot.run(ctx));
    }
    // What is warmed by use on the real store without writing: its statements, prepared (not
    // run), and the booking service's settings, read once.
    if (store instanceof SqliteStore) store.prepareStatements(scratch.statementTexts());
    await bookings.availability(localDateOf(clock(), restaurant.timezone), 2);
  } finally {
    await scratch.close();
  }
}
