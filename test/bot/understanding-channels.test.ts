// Guests as they really write, over SMS and WhatsApp: every kind of utterance the understanding
// reads (texting shorthand, misspellings, a party said as people, a number before a day, a
// service word and a time, a name given early, a diet told, a change stated as a fact, a
// booking cancelled by its description, a correction at the read-back, everything in three
// short messages) sent through webhooks signed as Twilio signs them to the whole server, and the
// result checked in the store. Fixed now: Wednesday 25 November 2026, 10:00 in Paris ("demain" is
// Thursday 26, "vendredi" Friday 27, "samedi" Saturday 28).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Reservation } from '../../booking-core';
import { startTestServer, type TestServer } from '../helpers/app';
import { sid, twilioPost, twimlTexts } from '../adapters/adapter-harness';

const ACCOUNT = `AC${'0'.repeat(32)}`;
const NOW = new Date('2026-11-25T09:00:00Z');

type Channel = 'sms' | 'whatsapp';
interface Slot {
  date: string;
  time: string;
  party: number;
}
interface Case {
  kind: string;
  lang: 'fr' | 'en';
  /** What the guest texts first, one message each. */
  says: string[];
  /** The name the guest gives when asked (never asked when given early). */
  name?: string;
  /** Bookings the guest already has. */
  seed?: Slot[];
  /** The guest's confirmed bookings afterwards, with the notes when told. */
  after: Array<Slot & { name?: string; notes?: string }>;
  nameNotAsked?: boolean;
}

const CASES: Case[] = [
  {
    kind: 'shorthand',
    lang: 'fr',
    says: ['slt, une table pr 4 dem1 20h stp'],
    name: 'Dupont',
    after: [{ date: '2026-11-26', time: '20:00', party: 4 }],
  },
  {
    kind: 'shorthand',
    lang: 'en',
    says: ['hi table 4 2 tmrw @ 8 pls'],
    name: 'Brown',
    after: [{ date: '2026-11-26', time: '20:00', party: 2 }],
  },
  {
    kind: 'misspelling',
    lang: 'fr',
    says: ['une tabel pour 3 vendredie 21h'],
    name: 'Moreau',
    after: [{ date: '2026-11-27', time: '21:00', party: 3 }],
  },
  {
    kind: 'misspelling',
    lang: 'en',
    says: ['can i resrve a tabel for 2 tommorrow at 9'],
    name: 'Hill',
    after: [{ date: '2026-11-26', time: '21:00', party: 2 }],
  },
  {
    kind: 'party as people',
    lang: 'fr',
    says: ['mon mari et moi samedi 19h30'],
    name: 'Roux',
    after: [{ date: '2026-11-28', time: '19:30', party: 2 }],
  },
  {
    kind: 'party as people',
    lang: 'en',
    says: ['me, my partner and our two kids on Friday at 7pm'],
    name: 'Shaw',
    after: [{ date: '2026-11-27', time: '19:00', party: 4 }],
  },
  {
    kind: 'number before a day',
    lang: 'fr',
    says: ['pour 3 après-demain 20h'],
    name: 'Leroy',
    after: [{ date: '2026-11-27', time: '20:00', party: 3 }],
  },
  {
    kind: 'number before a day',
    lang: 'en',
    says: ['for 4 tomorrow at 8pm'],
    name: 'Cole',
    after: [{ date: '2026-11-26', time: '20:00', party: 4 }],
  },
  {
    kind: 'service word and time',
    lang: 'fr',
    says: ['samedi midi vers 12h15 pour 2'],
    name: 'Perrin',
    after: [{ date: '2026-11-28', time: '12:15', party: 2 }],
  },
  {
    kind: 'service word and time',
    lang: 'en',
    says: ['dinner on Saturday around 7:45 for 2'],
    name: 'Price',
    after: [{ date: '2026-11-28', time: '19:45', party: 2 }],
  },
  {
    kind: 'name given early',
    lang: 'fr',
    says: ["Bonjour, c'est Mme Nicolas", 'une table pour 2 demain 20h'],
    nameNotAsked: true,
    after: [{ date: '2026-11-26', time: '20:00', party: 2, name: 'Nicolas' }],
  },
  {
    kind: 'name given early',
    lang: 'en',
    says: ['Hi, this is Priya Sharma, table for 2 tomorrow at 8'],
    nameNotAsked: true,
    after: [{ date: '2026-11-26', time: '20:00', party: 2, name: 'Priya Sharma' }],
  },
  {
    kind: 'allergy while booking',
    lang: 'fr',
    says: ['table pour 2 demain 20h, je suis allergique aux noix'],
    name: 'Faure',
    after: [{ date: '2026-11-26', time: '20:00', party: 2, notes: 'Allergies et régime : fruits à coque' }],
  },
  {
    kind: 'allergy while booking',
    lang: 'en',
    says: ["table for 2 tomorrow at 8pm, I'm allergic to nuts"],
    name: 'Foster',
    after: [{ date: '2026-11-26', time: '20:00', party: 2, notes: 'Allergies et régime : fruits à coque' }],
  },
  {
    kind: 'change as a fact',
    lang: 'fr',
    says: ['on sera finalement 6 au lieu de 4'],
    seed: [{ date: '2026-11-28', time: '20:00', party: 4 }],
    after: [{ date: '2026-11-28', time: '20:00', party: 6 }],
  },
  {
    kind: 'change as a fact',
    lang: 'en',
    says: ['can we push Friday to 8:30'],
    seed: [{ date: '2026-11-27', time: '19:30', party: 2 }],
    after: [{ date: '2026-11-27', time: '20:30', party: 2 }],
  },
  {
    kind: 'cancel by description',
    lang: 'fr',
    says: ['annulez celle de samedi'],
    seed: [
      { date: '2026-11-27', time: '20:00', party: 2 },
      { date: '2026-11-28', time: '20:00', party: 2 },
    ],
    after: [{ date: '2026-11-27', time: '20:00', party: 2 }],
  },
  {
    kind: 'cancel by description',
    lang: 'en',
    says: ['cancel the 9pm one'],
    seed: [
      { date: '2026-11-27', time: '21:00', party: 3 },
      { date: '2026-11-28', time: '20:00', party: 3 },
    ],
    after: [{ date: '2026-11-28', time: '20:00', party: 3 }],
  },
  {
    kind: 'correction at the read-back',
    lang: 'fr',
    says: ['table pour 2 samedi à 20h au nom de Roussel', 'non, plutôt à 21h'],
    after: [{ date: '2026-11-28', time: '21:00', party: 2, name: 'Roussel' }],
  },
  {
    kind: 'correction at the read-back',
    lang: 'en',
    says: ['table for 2 on Saturday at 8pm under Reed', 'no, make it 4 people'],
    after: [{ date: '2026-11-28', time: '20:00', party: 4, name: 'Reed' }],
  },
  {
    kind: 'three short messages',
    lang: 'fr',
    says: ['bsr', 'pr 4 pers', 'sam 20h'],
    name: 'Garnier',
    after: [{ date: '2026-11-28', time: '20:00', party: 4 }],
  },
  {
    kind: 'three short messages',
    lang: 'en',
    says: ['hey', '4 ppl', 'sat 8pm'],
    name: 'Garner',
    after: [{ date: '2026-11-28', time: '20:00', party: 4 }],
  },
];

// A yes/no about a dish, a dish the menu does not have, a diet asked: the answer each must hold.
const DIET_QUESTIONS: Array<['fr' | 'en', string, RegExp]> = [
  ['fr', 'le risotto est-il sans gluten ?', /Risotto aux champignons : oui, c'est un plat sans gluten\./],
  ['fr', 'le brownie est-il sans gluten ?', /Je ne trouve pas "brownie" sur notre carte\. Nos plats sans gluten : /],
  ['fr', 'vs avez des plats vegan ?', /Nos plats végans : Velouté de potimarron\./],
  ['en', 'is the risotto gluten-free?', /Mushroom risotto: yes, it is gluten-free\./],
  ['en', 'is the brownie gluten free?', /I can't find "brownie" on our menu\. Our gluten-free dishes: /],
  ['en', 'does the chocolate cake contain nuts?', /Chocolate and hazelnut cake: yes, it contains nuts\./],
];

const DONE = /confirmée|confirmed|modifiée|is changed|annulée|is cancelled/i;
const ASKS_NAME = /quel nom|Under which name|your name/i;
const ASKS_YES = /C.est bien ça|Is that right|vraiment annuler|really want to cancel/i;

let phones = 0;
/** A real mobile number per conversation: French for French guests, British for English ones. */
function phoneFor(lang: 'fr' | 'en'): string {
  const n = String(100 + phones++).padStart(3, '0');
  return lang === 'fr' ? `+33612399${n}` : `+447400199${n}`;
}

async function text(s: TestServer, channel: Channel, from: string, body: string): Promise<string> {
  const pre = channel === 'whatsapp' ? 'whatsapp:' : '';
  const r = await twilioPost(s.base, '/twilio/messaging', {
    MessageSid: sid('SM'),
    AccountSid: ACCOUNT,
    From: pre + from,
    To: `${pre}+33100000000`,
    Body: body,
    NumMedia: '0',
  });
  assert.equal(r.status, 200, r.text);
  return twimlTexts(r.text, 'Message').join(' ');
}

/** Sends the guest's messages, then answers the name and the read-back until the bot is done. */
async function converse(s: TestServer, channel: Channel, from: string, c: Case): Promise<string[]> {
  const heard: string[] = [];
  for (const body of c.says) heard.push(`${body} → ${await text(s, channel, from, body)}`);
  let last = heard.at(-1) ?? '';
  for (let i = 0; i < 4 && !DONE.test(last); i++) {
    const answer = ASKS_NAME.test(last) ? c.name : ASKS_YES.test(last) ? (c.lang === 'fr' ? 'oui' : 'yes') : null;
    if (!answer) break;
    last = await text(s, channel, from, answer);
    heard.push(`${answer} → ${last}`);
  }
  return heard;
}

async function confirmedOf(s: TestServer, phone: string): Promise<Reservation[]> {
  const all = await s.app.ctx.store.findReservations({ restaurantId: s.app.ctx.restaurantId, customerPhone: phone });
  return all.filter((r) => r.status === 'confirmed').sort((a, b) => a.startAt.localeCompare(b.startAt));
}

describe('Guests as they write, through signed SMS and WhatsApp webhooks to the store', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ clock: () => NOW });
  });
  after(() => s.close());

  for (const channel of ['sms', 'whatsapp'] as const) {
    for (const [lang, question, answer] of DIET_QUESTIONS) {
      it(`diet question (${lang}, ${channel}): "${question}" answered from the menu's data`, async () => {
        const reply = await text(s, channel, phoneFor(lang), question);
        assert.match(reply, answer, reply);
        assert.match(
          reply,
          /La cuisine confirme les allergies sur place|The kitchen confirms allergies on site/,
          reply,
        );
        assert.doesNotMatch(reply, /€|Bœuf bourguignon|Beef bourguignon/, 'never the whole menu');
        // Plain quotes and apostrophes: one typographic character bills an SMS in UCS-2.
        if (channel === 'sms') assert.doesNotMatch(reply, /[’‘«»“”…]/, reply);
      });
    }
    for (const c of CASES) {
      it(`${c.kind} (${c.lang}, ${channel}): "${c.says.join(' / ')}"`, async () => {
        const from = phoneFor(c.lang);
        const restaurant = await s.app.ctx.bookings.restaurant();
        for (const b of c.seed ?? []) {
          await s.app.ctx.bookings.book({
            customerName: 'Reed',
            customerPhone: from,
            partySize: b.party,
            date: b.date,
            time: b.time,
            channel: 'website',
            language: c.lang,
          });
        }
        const heard = await converse(s, channel, from, c);
        const transcript = heard.join('\n');
        const booked = await confirmedOf(s, from);
        // Each guest frees their tables for the next: every case books in the same few slots.
        for (const r of booked) await s.app.ctx.bookings.cancel(r.id);
        assert.match(heard.at(-1) ?? '', DONE, transcript);
        if (c.nameNotAsked) assert.doesNotMatch(transcript, ASKS_NAME, transcript);
        assert.deepEqual(
          booked.map((r) => {
            const { date, time } = s.app.ctx.bookings.localOf(restaurant, r);
            return { date, time, party: r.partySize };
          }),
          c.after.map(({ date, time, party }) => ({ date, time, party })),
          transcript,
        );
        c.after.forEach((want, i) => {
          if (want.name) assert.equal(booked[i].customerName, want.name, transcript);
          if (want.notes) assert.equal(booked[i].notes, want.notes, transcript);
          if (!c.seed) {
            assert.equal(booked[i].channel, channel);
            assert.equal(booked[i].language, c.lang);
          }
        });
      });
    }
  }
});
