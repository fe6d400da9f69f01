// `npm run chat` (or `npm run chat -- --lang en`): talk to the bot in the terminal, against
// the embedded store under DATA_DIR (default ./data), like a guest texting the restaurant.
// Options: --lang fr|en, --channel sms|voice|webchat|whatsapp, --phone +336…
// On voice, the ear-friendly variant (what the phone would say) is printed too.
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Activity } from 'botbuilder';
import { BookingService, demoRestaurant, demoTables, type Store } from '../booking-core';
import { SqliteStore } from '../booking-core/stores/sqlite-store';
import { createBot } from './create-bot';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function restaurantId(store: Store): Promise<string> {
  const existing = await store.firstRestaurant();
  if (existing) return existing.id;
  const demo = demoRestaurant();
  await store.saveRestaurant(demo);
  for (const t of demoTables(demo.id)) await store.saveTable(t);
  return demo.id;
}

async function main(): Promise<void> {
  const lang = option('lang', 'fr') === 'en' ? 'en' : 'fr';
  const channel = option('channel', 'sms');
  const phone = option('phone', '+33600000000');
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  const store = new SqliteStore(join(dataDir, 'maitre.db'));
  await store.init();
  const bookings = new BookingService(store, await restaurantId(store));
  const openai = process.env.OPENAI_API_KEY
    ? { apiKey: process.env.OPENAI_API_KEY, baseURL: process.env.OPENAI_BASE_URL, model: process.env.OPENAI_MODEL }
    : null;
  const { respond } = createBot({
    store,
    bookings,
    openai,
    onHandoff: (a) => console.log(`  [staff alert: ${a.reason}] ${a.summary}`),
  });

  const from = channel === 'webchat' ? `webchat:${randomUUID()}` : phone;
  const conversationId = channel === 'voice' ? `voice:CA${randomUUID().replace(/-/g, '')}` : `${channel}:${from}`;
  const base: Partial<Activity> = {
    channelId: channel,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: from, name: '' },
    locale: lang === 'en' ? 'en-US' : 'fr-FR',
  };
  const show = (replies: Partial<Activity>[]) => {
    for (const a of replies) {
      if (a.type === 'message') {
        console.log(`maître> ${a.text}`);
        if (channel === 'voice' && a.speak && a.speak !== a.text) console.log(`  (dit) ${a.speak}`);
      } else if (a.type === 'event') console.log(`  [${a.name}: ${JSON.stringify(a.value)}]`);
      else if (a.type === 'endOfConversation') console.log('  [fin de la conversation / end of conversation]');
    }
  };

  console.log(`Maître, ${channel} ${from} (${dataDir}); Ctrl+D to quit.`);
  if (channel === 'webchat' || channel === 'voice')
    show(await respond({ ...base, type: 'conversationUpdate', membersAdded: [{ id: from, name: '' }] }));
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('vous> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text) show(await respond({ ...base, type: 'message', text }));
    rl.prompt();
  }
  await store.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
