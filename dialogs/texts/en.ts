// English catalogue. Written text says "Saturday 3 December at 8 pm"; the voice variant
// drops symbols ("8 30 pm") and keeps sentences short. Questions carry the words a guest
// (and the acceptance harness) expects: "how many people", "which day", "what time", "name".
import type { Allergen, Diet } from '../../booking-core';
import type { BookingFacts, DayHours, MenuLine, Said, ServiceHours, Texts } from './types';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
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

function ymd(date: string): { y: number; m: number; d: number; weekday: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

function nextDay(date: string): string {
  const { y, m, d } = ymd(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function day(date: string, today: string): string {
  const { m, d, weekday } = ymd(date);
  const plain = `${WEEKDAYS[weekday]} ${d} ${MONTHS[m - 1]}`;
  if (date === today) return `today, ${plain}`;
  if (date === nextDay(today)) return `tomorrow, ${plain}`;
  return plain;
}

function time(t: string, voice: boolean): string {
  const [h, m] = t.split(':').map(Number);
  if (h === 12 && m === 0) return 'noon';
  if (h === 0 && m === 0) return 'midnight';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? 'am' : 'pm';
  if (m === 0) return `${h12} ${suffix}`;
  return voice ? `${h12} ${String(m).padStart(2, '0')} ${suffix}` : `${h12}:${String(m).padStart(2, '0')} ${suffix}`;
}

function when(date: string, t: string, today: string, voice: boolean): string {
  return `${day(date, today)} at ${time(t, voice)}`;
}

function party(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

function facts(f: BookingFacts, today: string, voice: boolean): string {
  const who = f.name ? `, under the name ${f.name}` : '';
  return `${party(f.partySize)}, ${when(f.date, f.time, today, voice)}${who}`;
}

/** The booking after a change, each changed fact with what it was: "6 people instead of 4". */
function changed(b: BookingFacts, a: BookingFacts, today: string, voice: boolean): string {
  const parts = [`${party(a.partySize)}${a.partySize !== b.partySize ? ` instead of ${b.partySize}` : ''}`];
  if (a.date !== b.date) parts.push(`${day(a.date, today)} instead of ${day(b.date, today)}`);
  parts.push(`at ${time(a.time, voice)}${a.time !== b.time ? ` instead of ${time(b.time, voice)}` : ''}`);
  if (a.name) parts.push(`under the name ${a.name}`);
  return parts.join(', ');
}

function list(items: string[], joiner = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

function seatingHours(services: ServiceHours[], voice: boolean): string {
  return services.map((s) => `from ${time(s.open, voice)} to ${time(s.lastSeating, voice)}`).join(' and ');
}

function openingHours(services: ServiceHours[], voice: boolean): string {
  return services.map((s) => `${time(s.open, voice)} to ${time(s.close, voice)}`).join(' and ');
}

const say = (text: string, voice?: string): Said => (voice ? { text, voice } : { text });
/** A written sentence made fit to be heard: no colons, brackets, quotes or semicolons. */
const heard = (text: string): Said =>
  say(
    text,
    text
      .replace(/\s*[:;]\s*/g, ', ')
      .replace(/[()«»“”"]/g, '')
      .replace(/\s{2,}/g, ' ')
      .replace(/ ,/g, ','),
  );

const DIET: Record<Diet, string> = { vegetarian: 'vegetarian', vegan: 'vegan', 'gluten-free': 'gluten-free' };
const ALLERGEN: Record<Allergen, string> = {
  gluten: 'gluten',
  crustaceans: 'shellfish',
  eggs: 'eggs',
  fish: 'fish',
  peanuts: 'peanuts',
  soy: 'soy',
  milk: 'milk',
  nuts: 'nuts',
  celery: 'celery',
  mustard: 'mustard',
  sesame: 'sesame',
  sulphites: 'sulphites',
  lupin: 'lupin',
  molluscs: 'molluscs',
};
/** "vegetarian and gluten-free", "free of nuts and milk". */
function dietWords(diets: Diet[], allergens: Allergen[]): string {
  const free = allergens.length
    ? `free of ${list(
        allergens.map((a) => ALLERGEN[a]),
        'and',
      )}`
    : '';
  return [
    list(
      diets.map((d) => DIET[d]),
      'and',
    ),
    free,
  ]
    .filter(Boolean)
    .join(' and ');
}

export const en: Texts = {
  lang: 'en',
  locale: 'en-US',
  day,
  time,
  when,
  party,

  greeting: (restaurant) =>
    say(
      `Hello, you’re chatting with the automated assistant of ${restaurant}; you can ask for a person at any point. I can book a table, change or cancel a reservation, or tell you about our opening hours, address and menu. How can I help you?`,
      `Hello, you’re speaking with the automated assistant of ${restaurant}, and you can ask for a person at any point. On your keypad, press zero to reach our team, or key in any number I ask for. I can take your reservation, change it or cancel it. How can I help you?`,
    ),
  howCanIHelp: say('How can I help you?'),
  helloName: (name) => say(`Hello ${name}!`),
  anythingElse: say('Is there anything else I can do for you?'),
  help: say(
    'I can book a table (say for example "a table for 4 tomorrow at 8 pm"), change or cancel your reservation, give you our opening hours, address or menu, or put you through to a member of staff. What would you like?',
    'I can book a table, for example for 4 tomorrow at 8 pm. I can also change or cancel a reservation, or put you through to someone. What would you like?',
  ),
  helpInBooking: say(
    'Just answer my question; say "start over" to begin again, "cancel" to stop, or "speak to a person" to reach our team.',
    'Just answer my question. Say start over, cancel, or speak to a person.',
  ),
  didNotUnderstand: say('Sorry, I didn’t quite get that.'),
  didNotUnderstandRoot: say(
    'Sorry, I didn’t quite get that. I can book, change or cancel a table, or tell you our opening hours, address and menu. What would you like?',
    'Sorry, I didn’t get that. Would you like to book, change or cancel a table?',
  ),
  youAreWelcome: say('You’re welcome! Have a nice day.', 'You’re welcome. Have a nice day.'),
  goodbye: say('Thank you, see you soon!', 'Thank you, see you soon.'),
  switchedLanguage: say('Sure, let’s continue in English.'),
  startOver: say('All right, let’s start over.'),
  abandoned: say('OK, I’ve stopped there.'),
  nothingToAbort: say('There’s nothing in progress.'),

  askParty: say('For how many people?'),
  askDate: say('For which day?'),
  askTime: (partOfDay, hours) => {
    const moment = partOfDay === 'lunch' ? ' for lunch' : partOfDay === 'dinner' ? ' for dinner' : '';
    return say(`${hours ? `We seat ${hours}. ` : ''}What time${moment}?`);
  },
  askName: say('Under which name, please?'),
  askNameOffer: (name) => say(`Shall I book it under ${name}, or under which other name?`),
  askPhone: say('What is your phone number?'),
  readBack: (f, today, voice) =>
    say(
      `Let me read that back: a table for ${facts(f, today, false)}. Is that right?`,
      `A table for ${facts(f, today, voice)}. Is that right?`,
    ),
  confirmed: (f, today, voice) =>
    say(
      `Your reservation is confirmed: ${facts(f, today, false)}. Thank you, see you soon!`,
      `Your reservation is confirmed. ${facts(f, today, voice)}. Thank you, see you soon.`,
    ),
  askWhatToChange: say(
    'Of course. What should be different: the day, the time, the number of people or the name?',
    'Of course. What should be different? The day, the time, the number of people, or the name?',
  ),
  released: say('All right, I won’t book it.'),

  refused: (reason, c) => {
    switch (reason) {
      case 'closed':
        return say(`Sorry, we are closed ${c.date ? `on ${day(c.date, c.today)}` : 'that day'}.`);
      case 'past_time':
        return say('That moment has already passed.');
      case 'too_far':
        return say(`We take reservations up to ${c.horizonDays} days ahead.`);
      case 'too_soon':
        return say(`We take reservations at least ${c.minNotice} minutes ahead.`);
      case 'outside_hours':
        return say(
          `We don’t seat ${c.time ? `at ${time(c.time, false)}` : 'then'}. We seat ${c.hours}.`,
          `We don’t seat ${c.time ? `at ${time(c.time, true)}` : 'then'}. We seat ${c.hours}.`,
        );
      case 'no_table_that_day':
        return say(`Sorry, there is no table left ${c.date ? `on ${day(c.date, c.today)}` : 'that day'}.`);
      case 'invalid_date':
        return say('That date does not exist.');
    }
  },
  taken: (f, today) =>
    say(
      `Sorry, ${when(f.date, f.time, today, false)} is fully booked.`,
      `Sorry, ${when(f.date, f.time, today, true)} is fully booked.`,
    ),
  offer: (alts, requested, today, voice) => {
    const same = alts.filter((a) => a.date === requested).map((a) => time(a.time, voice));
    const other = alts.filter((a) => a.date !== requested).map((a) => when(a.date, a.time, today, voice));
    const parts: string[] = [];
    if (same.length) parts.push(`${list(same)} the same day`);
    if (other.length) parts.push(list(other));
    const first = alts[0];
    const firstSaid =
      first.date === requested ? `at ${time(first.time, voice)}` : when(first.date, first.time, today, voice);
    return say(`I can offer ${parts.join(', or ')}. Shall I book ${firstSaid}?`);
  },
  noAlternative: say('I have no other time to offer around then.'),
  offerWaitlist: say('We can text you as soon as a table frees up today: would you like to be on the waitlist?'),
  largeParty: (max) => say(`For groups of more than ${max} people, our team takes care of the booking directly.`),
  holdLost: say('The table could not be kept any longer.'),
  invalidName: say('Sorry, I didn’t catch the name.'),
  invalidPhone: say('I’m sorry, I can’t use that number for a booking. A mobile or landline number, please.'),
  tooManyBookings: say(
    'You already have several reservations to come with us, so I can’t add another. I can change or cancel one of them if you like.',
  ),
  tooManyAttempts: say(
    'I’m sorry, too many reservations have been made from here in the last hour. Please try again later, or call the restaurant.',
  ),

  noBookingFound: (phone) =>
    say(
      `I can’t find any upcoming reservation for ${phone}.`,
      'I can’t find any upcoming reservation for this number.',
    ),
  foundOne: (f, today, voice) =>
    say(`I found your reservation: ${facts(f, today, false)}.`, `I found your reservation. ${facts(f, today, voice)}.`),
  whichBooking: (items, today, voice) =>
    say(
      `You have several reservations: ${items.map((f, i) => `${i + 1}) ${facts(f, today, false)}`).join('; ')}. Which one (the number is enough)?`,
      `You have several reservations. ${items.map((f, i) => `${i === 0 ? 'The first' : i === 1 ? 'The second' : `Number ${i + 1}`}, ${facts(f, today, voice)}.`).join(' ')} Which one?`,
    ),
  whichMatching: (items, today, voice) =>
    say(
      `${items.length} reservations match: ${items.map((f, i) => `${i + 1}) ${facts(f, today, false)}`).join('; ')}. Which one (the number is enough)?`,
      `${items.length} reservations match. ${items.map((f, i) => `${i === 0 ? 'The first' : i === 1 ? 'The second' : `Number ${i + 1}`}, ${facts(f, today, voice)}.`).join(' ')} Which one?`,
    ),
  noneMatching: say('I can’t find a reservation that matches what you said.'),
  askChange: say(
    'What would you like to change: the day, the time or the number of people?',
    'What would you like to change? The day, the time, or the number of people?',
  ),
  readBackChange: (before, after, today, voice) =>
    say(
      `I’ll change your reservation for ${day(before.date, today)}: ${changed(before, after, today, false)}. Is that right?`,
      `I’ll change your reservation for ${day(before.date, today)}. ${changed(before, after, today, voice)}. Is that right?`,
    ),
  modified: (f, today, voice) =>
    say(
      `Done, your reservation is changed: ${facts(f, today, false)}. See you soon!`,
      `Done. Your reservation is changed. ${facts(f, today, voice)}. See you soon.`,
    ),
  confirmCancel: (f, today, voice) =>
    say(
      `Do you really want to cancel the reservation for ${facts(f, today, false)}?`,
      `You want to cancel the reservation for ${facts(f, today, voice)}. Is that right?`,
    ),
  cancelled: (f, today, voice) =>
    say(
      `Your reservation for ${facts(f, today, false)} is cancelled. Hope to see you another time!`,
      `Your reservation for ${facts(f, today, voice)} is cancelled. Hope to see you another time.`,
    ),
  keptBooking: say('Very well, I’m keeping your reservation as it is.'),

  hours: (days) => {
    const key = (d: DayHours) => JSON.stringify(d.services.map((s) => [s.open, s.close]));
    if (days.every((d) => key(d) === key(days[0]))) {
      return days[0].services.length
        ? say(
            `We are open every day, ${openingHours(days[0].services, false)}.`,
            `We are open every day, ${openingHours(days[0].services, true)}.`,
          )
        : say('We are closed at the moment.');
    }
    const order = [1, 2, 3, 4, 5, 6, 0];
    const lines = order
      .map((w) => days.find((d) => d.weekday === w))
      .filter((d): d is DayHours => !!d)
      .map(
        (d) => (v: boolean) => `${WEEKDAYS[d.weekday]} ${d.services.length ? openingHours(d.services, v) : 'closed'}`,
      );
    return say(
      `Our opening hours: ${lines.map((l) => l(false)).join('; ')}.`,
      `Our opening hours. ${lines.map((l) => l(true)).join('. ')}.`,
    );
  },
  address: (address, phone, voice) =>
    say(`We are at ${address}. Phone: ${phone}.`, voice ? `We are at ${address}.` : undefined),
  ingredientUnknown: (ingredient, phone) =>
    heard(
      `I don't have every dish's ingredients to check "${ingredient}": the team will tell you on ${phone} or ` +
        `at the restaurant. I can tell you which dishes are vegetarian, vegan or gluten-free, and their allergens.`,
    ),
  menu: (lines, voice) =>
    say(
      `Our menu: ${lines.map((l: MenuLine) => `${l.section}: ${l.dishes.map((d) => `${d.name} (${d.price})`).join(', ')}`).join('. ')}.`,
      voice
        ? `Our menu. ${lines
            .map(
              (l) =>
                `${l.section}: ${list(
                  l.dishes.map((d) => d.name),
                  'and',
                )}`,
            )
            .join('. ')}.`
        : undefined,
    ),
  dishFacts: (dish, diets, allergens) => {
    const parts = [
      ...diets.map(({ diet, yes }) => (yes ? `yes, it is ${DIET[diet]}` : `no, it is not ${DIET[diet]}`)),
      ...allergens.filter((a) => a.contains).map(({ allergen }) => `yes, it contains ${ALLERGEN[allergen]}`),
    ];
    const free = allergens.filter((a) => !a.contains).map((a) => ALLERGEN[a.allergen]);
    if (free.length) parts.push(`no ${list(free)} in it according to our menu`);
    return heard(`${dish}: ${parts.join('; ')}.`);
  },
  dishesSuiting: (diets, allergens, dishes) => {
    const words = dietWords(diets, allergens);
    return dishes.length
      ? heard(`Our ${words} dishes: ${list(dishes, 'and')}.`)
      : heard(`We have no ${words} dish on the menu at the moment.`);
  },
  dishesToAvoid: (allergens, dishes) => {
    const what = list(
      allergens.map((a) => ALLERGEN[a]),
      'or',
    );
    return dishes.length
      ? heard(`To avoid, they contain ${what}: ${list(dishes, 'and')}.`)
      : heard(`None of our dishes contains ${what}.`);
  },
  dishNotOnMenu: (dish) => heard(`I can’t find "${dish}" on our menu.`),
  dietNoted: (diets, allergens, onBooking) =>
    heard(
      `Noted (${list([...allergens.map((a) => ALLERGEN[a]), ...diets.map((d) => DIET[d])], 'and')})` +
        `${onBooking ? ', it will be on your reservation' : ''}.`,
    ),
  kitchenConfirms: say('The kitchen confirms allergies on site.'),
  dietNote: (diets, allergens) =>
    `Allergies and diet: ${[...allergens.map((a) => ALLERGEN[a]), ...diets.map((d) => DIET[d])].join(', ')}`,
  dietNoteLabel: 'Allergies and diet:',
  seatingHours,

  handoff: (reason, voice) => {
    const why =
      reason === 'large_party'
        ? 'For a group of that size, our team takes care of it. '
        : reason === 'misunderstood'
          ? 'I’m sorry, I’m having trouble understanding you. '
          : '';
    return voice
      ? say(`${why}I’m putting you through to a member of our team, one moment please.`)
      : say(`${why}I’m passing your request to our team: someone will get back to you very soon.`);
  },

  disclosure: say(
    'You’re chatting with the restaurant’s automated assistant; you can ask for a person at any point.',
    'You’re speaking with the restaurant’s automated assistant, and you can ask for a person at any point.',
  ),
};
