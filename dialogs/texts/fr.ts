import type { Allergen, Diet } from '../../booking-core';
import { de } from './french';
import type { BookingFacts, DayHours, MenuLine, Said, ServiceHours, Texts } from './types';

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = [
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
  const plain = `${WEEKDAYS[weekday]} ${d === 1 ? '1er' : d} ${MONTHS[m - 1]}`;
  if (date === today) return `aujourd’hui ${plain}`;
  if (date === nextDay(today)) return `demain ${plain}`;
  return plain;
}

function time(t: string, voice: boolean): string {
  const [h, m] = t.split(':').map(Number);
  if (h === 12 && m === 0) return 'midi';
  if (h === 0 && m === 0) return 'minuit';
  if (voice) return m === 0 ? `${h} heures` : `${h} heures ${m}`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** "le samedi 5 décembre", but "aujourd'hui samedi…" and "demain jeudi…" without the article. */
function onDay(date: string, today: string): string {
  const said = day(date, today);
  return date === today || date === nextDay(today) ? said : `le ${said}`;
}

function when(date: string, t: string, today: string, voice: boolean): string {
  return `${day(date, today)} à ${time(t, voice)}`;
}

function party(n: number): string {
  return n === 1 ? '1 personne' : `${n} personnes`;
}

function facts(f: BookingFacts, today: string, voice: boolean): string {
  const who = f.name ? `, au nom ${de(f.name)}` : '';
  return `${party(f.partySize)}, ${when(f.date, f.time, today, voice)}${who}`;
}

/** "du samedi 28 novembre", "d'aujourd'hui…", "de demain…". */
function fromDay(date: string, today: string): string {
  return date === today || date === nextDay(today) ? de(day(date, today)) : `du ${day(date, today)}`;
}

/** The booking after a change, each changed fact with what it was: "6 personnes au lieu de 4". */
function changed(b: BookingFacts, a: BookingFacts, today: string, voice: boolean): string {
  const parts = [`${party(a.partySize)}${a.partySize !== b.partySize ? ` au lieu de ${b.partySize}` : ''}`];
  if (a.date !== b.date) parts.push(`${onDay(a.date, today)} au lieu ${fromDay(b.date, today)}`);
  parts.push(`à ${time(a.time, voice)}${a.time !== b.time ? ` au lieu de ${time(b.time, voice)}` : ''}`);
  if (a.name) parts.push(`au nom ${de(a.name)}`);
  return parts.join(', ');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

function seatingHours(services: ServiceHours[], voice: boolean): string {
  return services.map((s) => `de ${time(s.open, voice)} à ${time(s.lastSeating, voice)}`).join(' et ');
}

function openingHours(services: ServiceHours[], voice: boolean): string {
  return services.map((s) => `de ${time(s.open, voice)} à ${time(s.close, voice)}`).join(' et ');
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

const DIET: Record<Diet, string> = { vegetarian: 'végétarien', vegan: 'végan', 'gluten-free': 'sans gluten' };
const DIETS: Record<Diet, string> = { vegetarian: 'végétariens', vegan: 'végans', 'gluten-free': 'sans gluten' };
const ALLERGEN: Record<Allergen, string> = {
  gluten: 'gluten',
  crustaceans: 'crustacés',
  eggs: 'œufs',
  fish: 'poisson',
  peanuts: 'arachides',
  soy: 'soja',
  milk: 'lait',
  nuts: 'fruits à coque',
  celery: 'céleri',
  mustard: 'moutarde',
  sesame: 'sésame',
  sulphites: 'sulfites',
  lupin: 'lupin',
  molluscs: 'mollusques',
};
// "ce plat contient du gluten, des œufs et de la moutarde"
const PARTITIVE: Record<Allergen, string> = {
  gluten: 'du gluten',
  crustaceans: 'des crustacés',
  eggs: 'des œufs',
  fish: 'du poisson',
  peanuts: 'des arachides',
  soy: 'du soja',
  milk: 'du lait',
  nuts: 'des fruits à coque',
  celery: 'du céleri',
  mustard: 'de la moutarde',
  sesame: 'du sésame',
  sulphites: 'des sulfites',
  lupin: 'du lupin',
  molluscs: 'des mollusques',
};
const and = (items: string[]) => list(items).replace(/ ou ([^,]*)$/, ' et $1');
/** "végétarien et sans gluten", "sans fruits à coque ni lait" (plural: "plats végétariens"). */
function dietWords(diets: Diet[], allergens: Allergen[], plural: boolean): string {
  const without = allergens.length ? `sans ${allergens.map((a) => ALLERGEN[a]).join(' ni ')}` : '';
  return [and(diets.map((d) => (plural ? DIETS : DIET)[d])), without].filter(Boolean).join(' et ');
}

export const fr: Texts = {
  lang: 'fr',
  locale: 'fr-FR',
  day,
  time,
  when,
  party,

  greeting: (restaurant) =>
    say(
      `Bonjour, vous échangez avec l’assistant automatique du restaurant ${restaurant} ; vous pouvez demander à parler à quelqu’un à tout moment. Je peux réserver une table, modifier ou annuler une réservation, ou vous renseigner sur nos horaires, notre adresse et notre carte. Que puis-je faire pour vous ?`,
      `Bonjour, vous êtes en ligne avec l’assistant automatique du restaurant ${restaurant}, et vous pouvez demander à parler à quelqu’un à tout moment. Au clavier, faites le zéro pour joindre l’équipe, ou tapez vos réponses en chiffres. Je peux prendre votre réservation, la modifier ou l’annuler. Que puis-je faire pour vous ?`,
    ),
  howCanIHelp: say('Que puis-je faire pour vous ?'),
  helloName: (name) => say(`Bonjour ${name} !`),
  anythingElse: say('Puis-je faire autre chose pour vous ?'),
  help: say(
    'Je peux réserver une table (dites par exemple « une table pour 4 demain à 20 h »), modifier ou annuler votre réservation, vous donner nos horaires, notre adresse ou notre carte, ou vous passer quelqu’un de l’équipe. Que souhaitez-vous ?',
    'Je peux réserver une table, par exemple pour 4 demain à 20 heures. Je peux aussi modifier ou annuler une réservation, ou vous passer quelqu’un. Que souhaitez-vous ?',
  ),
  helpInBooking: say(
    'Répondez simplement à ma question ; dites « recommencer » pour repartir de zéro, « annuler » pour arrêter, ou « parler à quelqu’un » pour joindre l’équipe.',
    'Répondez simplement à ma question. Dites recommencer, annuler, ou parler à quelqu’un.',
  ),
  didNotUnderstand: say('Pardon, je n’ai pas bien compris.'),
  didNotUnderstandRoot: say(
    'Pardon, je n’ai pas bien compris. Je peux réserver, modifier ou annuler une table, ou vous donner nos horaires, notre adresse et notre carte. Que souhaitez-vous ?',
    'Pardon, je n’ai pas compris. Voulez-vous réserver, modifier ou annuler une table ?',
  ),
  youAreWelcome: say('Avec plaisir ! Bonne journée.', 'Avec plaisir. Bonne journée.'),
  goodbye: say('Merci et à bientôt !', 'Merci, à bientôt.'),
  switchedLanguage: say('Très bien, continuons en français.'),
  startOver: say('D’accord, on recommence.'),
  abandoned: say('C’est noté, j’arrête là.'),
  nothingToAbort: say('Il n’y a rien en cours.'),

  askParty: say('Pour combien de personnes ?'),
  askDate: say('Pour quel jour ?'),
  askTime: (partOfDay, hours) => {
    const moment = partOfDay === 'lunch' ? ' pour le déjeuner' : partOfDay === 'dinner' ? ' pour le dîner' : '';
    return say(`${hours ? `Nous recevons ${hours}. ` : ''}À quelle heure${moment} ?`);
  },
  askName: say('C’est à quel nom ?'),
  askNameOffer: (name) => say(`Je réserve au nom de ${name}, ou à quel autre nom ?`),
  askPhone: say('Quel est votre numéro de téléphone ?'),
  readBack: (f, today, voice) =>
    say(
      `Je récapitule : une table pour ${facts(f, today, false)}. C’est bien ça ?`,
      `Une table pour ${facts(f, today, voice)}. C’est bien ça ?`,
    ),
  confirmed: (f, today, voice) =>
    say(
      `Votre réservation est confirmée : ${facts(f, today, false)}. Merci et à bientôt !`,
      `Votre réservation est confirmée. ${facts(f, today, voice)}. Merci, à bientôt.`,
    ),
  askWhatToChange: say(
    'Entendu. Que faut-il changer : le jour, l’heure, le nombre de personnes ou le nom ?',
    'Entendu. Que faut-il changer ? Le jour, l’heure, le nombre de personnes, ou le nom ?',
  ),
  released: say('D’accord, je ne réserve pas.'),

  refused: (reason, c) => {
    switch (reason) {
      case 'closed':
        return say(`Désolé, nous sommes fermés ${c.date ? onDay(c.date, c.today) : 'ce jour-là'}.`);
      case 'past_time':
        return say('Ce moment est déjà passé.');
      case 'too_far':
        return say(`Nous prenons les réservations jusqu’à ${c.horizonDays} jours à l’avance.`);
      case 'too_soon':
        return say(`Nous prenons les réservations au moins ${c.minNotice} minutes à l’avance.`);
      case 'outside_hours':
        return say(
          `${c.time ? `À ${time(c.time, false)}, nous` : 'Nous'} ne recevons pas. Nous recevons ${c.hours}.`,
          `${c.time ? `À ${time(c.time, true)}, nous` : 'Nous'} ne recevons pas. Nous recevons ${c.hours}.`,
        );
      case 'no_table_that_day':
        return say(`Désolé, il n’y a plus de table libre ${c.date ? onDay(c.date, c.today) : 'ce jour-là'}.`);
      case 'invalid_date':
        return say('Cette date n’existe pas.');
    }
  },
  taken: (f, today) =>
    say(
      `Désolé, ${when(f.date, f.time, today, false)}, c’est complet.`,
      `Désolé, ${when(f.date, f.time, today, true)}, c’est complet.`,
    ),
  offer: (alts, requested, today, voice) => {
    const same = alts.filter((a) => a.date === requested).map((a) => time(a.time, voice));
    const other = alts.filter((a) => a.date !== requested).map((a) => when(a.date, a.time, today, voice));
    const parts: string[] = [];
    if (same.length) parts.push(`${list(same)} le même jour`);
    if (other.length) parts.push(list(other));
    const first = alts[0];
    const firstSaid = first.date === requested ? time(first.time, voice) : when(first.date, first.time, today, voice);
    const text = `Je peux vous proposer ${parts.join(', ou ')}. Voulez-vous que je réserve ${first.date === requested ? 'à ' : ''}${firstSaid} ?`;
    return say(text);
  },
  noAlternative: say('Je n’ai pas d’autre créneau à vous proposer ces jours-là.'),
  offerWaitlist: say(
    'Nous pouvons vous écrire dès qu’une table se libère aujourd’hui : voulez-vous être sur la liste d’attente ?',
  ),
  largeParty: (max) => say(`Pour un groupe de plus de ${max} personnes, c’est l’équipe qui s’en occupe directement.`),
  holdLost: say('La table n’a pas pu être gardée plus longtemps.'),
  invalidName: say('Pardon, je n’ai pas saisi le nom.'),
  invalidPhone: say(
    'Désolé, je ne peux pas prendre ce numéro pour une réservation. Un numéro de portable ou de fixe, s’il vous plaît.',
  ),
  tooManyBookings: say(
    'Vous avez déjà plusieurs réservations à venir chez nous, je ne peux pas en ajouter une autre. Je peux en modifier ou en annuler une si vous le souhaitez.',
  ),
  tooManyAttempts: say(
    'Désolé, trop de réservations ont été faites d’ici dans la dernière heure. Merci de réessayer plus tard, ou d’appeler le restaurant.',
  ),

  noBookingFound: (phone) =>
    say(
      `Je ne trouve aucune réservation à venir pour le ${phone}.`,
      'Je ne trouve aucune réservation à venir pour ce numéro.',
    ),
  foundOne: (f, today, voice) =>
    say(
      `J’ai trouvé votre réservation : ${facts(f, today, false)}.`,
      `J’ai trouvé votre réservation. ${facts(f, today, voice)}.`,
    ),
  whichBooking: (items, today, voice) =>
    say(
      `Vous avez plusieurs réservations : ${items.map((f, i) => `${i + 1}) ${facts(f, today, false)}`).join(' ; ')}. Laquelle (le numéro suffit) ?`,
      `Vous avez plusieurs réservations. ${items.map((f, i) => `${i === 0 ? 'La première' : i === 1 ? 'La deuxième' : `La numéro ${i + 1}`}, ${facts(f, today, voice)}.`).join(' ')} Laquelle ?`,
    ),
  whichMatching: (items, today, voice) =>
    say(
      `${items.length} réservations correspondent : ${items.map((f, i) => `${i + 1}) ${facts(f, today, false)}`).join(' ; ')}. Laquelle (le numéro suffit) ?`,
      `${items.length} réservations correspondent. ${items.map((f, i) => `${i === 0 ? 'La première' : i === 1 ? 'La deuxième' : `La numéro ${i + 1}`}, ${facts(f, today, voice)}.`).join(' ')} Laquelle ?`,
    ),
  noneMatching: say('Je ne trouve pas de réservation qui corresponde à ce que vous dites.'),
  askChange: say(
    'Que voulez-vous changer : le jour, l’heure ou le nombre de personnes ?',
    'Que voulez-vous changer ? Le jour, l’heure, ou le nombre de personnes ?',
  ),
  readBackChange: (before, after, today, voice) =>
    say(
      `Je change votre réservation ${de(day(before.date, today))} : ${changed(before, after, today, false)}. C’est bien ça ?`,
      `Je change votre réservation ${de(day(before.date, today))}. ${changed(before, after, today, voice)}. C’est bien ça ?`,
    ),
  modified: (f, today, voice) =>
    say(
      `C’est fait, votre réservation est modifiée : ${facts(f, today, false)}. À bientôt !`,
      `C’est fait. Votre réservation est modifiée. ${facts(f, today, voice)}. À bientôt.`,
    ),
  confirmCancel: (f, today, voice) =>
    say(
      `Voulez-vous vraiment annuler la réservation de ${facts(f, today, false)} ?`,
      `Vous voulez annuler la réservation de ${facts(f, today, voice)}. C’est bien ça ?`,
    ),
  cancelled: (f, today, voice) =>
    say(
      `Votre réservation de ${facts(f, today, false)} est annulée. À bientôt, j’espère !`,
      `Votre réservation de ${facts(f, today, voice)} est annulée. À bientôt.`,
    ),
  keptBooking: say('Très bien, je garde votre réservation telle quelle.'),

  hours: (days) => {
    const key = (d: DayHours) => JSON.stringify(d.services.map((s) => [s.open, s.close]));
    if (days.every((d) => key(d) === key(days[0]))) {
      return days[0].services.length
        ? say(
            `Nous sommes ouverts tous les jours, ${openingHours(days[0].services, false)}.`,
            `Nous sommes ouverts tous les jours, ${openingHours(days[0].services, true)}.`,
          )
        : say('Nous sommes fermés en ce moment.');
    }
    const order = [1, 2, 3, 4, 5, 6, 0];
    const lines = order
      .map((w) => days.find((d) => d.weekday === w))
      .filter((d): d is DayHours => !!d)
      .map(
        (d) => (v: boolean) => `${WEEKDAYS[d.weekday]} ${d.services.length ? openingHours(d.services, v) : 'fermé'}`,
      );
    return say(
      `Nos horaires : ${lines.map((l) => l(false)).join(' ; ')}.`,
      `Nos horaires. ${lines.map((l) => l(true)).join('. ')}.`,
    );
  },
  address: (address, phone, voice) =>
    say(`Nous sommes au ${address}. Téléphone : ${phone}.`, voice ? `Nous sommes au ${address}.` : undefined),
  ingredientUnknown: (ingredient, phone) =>
    heard(
      `Je n’ai pas le détail des ingrédients de chaque plat pour « ${ingredient} » : l’équipe vous le dira au ` +
        `${phone} ou sur place. Je peux vous dire quels plats sont végétariens, vegan ou sans gluten, et leurs allergènes.`,
    ),
  menu: (lines, voice) =>
    say(
      `Notre carte : ${lines.map((l: MenuLine) => `${l.section} : ${l.dishes.map((d) => `${d.name} (${d.price})`).join(', ')}`).join('. ')}.`,
      voice
        ? `Notre carte. ${lines.map((l) => `En ${l.section.toLowerCase()}, ${list(l.dishes.map((d) => d.name)).replace(' ou ', ' et ')}`).join('. ')}.`
        : undefined,
    ),
  dishFacts: (dish, diets, allergens) => {
    const parts = [
      ...diets.map(({ diet, yes }) =>
        yes ? `oui, c’est un plat ${DIET[diet]}` : `non, ce n’est pas un plat ${DIET[diet]}`,
      ),
      ...allergens.filter((a) => a.contains).map(({ allergen }) => `oui, ce plat contient ${PARTITIVE[allergen]}`),
    ];
    const free = allergens.filter((a) => !a.contains).map((a) => ALLERGEN[a.allergen]);
    if (free.length) parts.push(`non, pas ${de(free.join(' ni '))} d’après notre carte`);
    return heard(`${dish} : ${parts.join(' ; ')}.`);
  },
  dishesSuiting: (diets, allergens, dishes) => {
    return dishes.length
      ? heard(`Nos plats ${dietWords(diets, allergens, true)} : ${and(dishes)}.`)
      : heard(`Nous n’avons pas de plat ${dietWords(diets, allergens, false)} à la carte en ce moment.`);
  },
  dishesToAvoid: (allergens, dishes) => {
    const what = and(allergens.map((a) => PARTITIVE[a]));
    return dishes.length
      ? heard(`À éviter, ils contiennent ${what} : ${and(dishes)}.`)
      : heard(`Aucun plat de notre carte ne contient ${what}.`);
  },
  dishNotOnMenu: (dish) => heard(`Je ne trouve pas "${dish}" sur notre carte.`),
  dietNoted: (diets, allergens, onBooking) =>
    heard(
      `C’est noté (${and([...allergens.map((a) => ALLERGEN[a]), ...diets.map((d) => DIET[d])])})` +
        `${onBooking ? ', ce sera indiqué sur votre réservation' : ''}.`,
    ),
  kitchenConfirms: say('La cuisine confirme les allergies sur place.'),
  dietNote: (diets, allergens) =>
    `Allergies et régime : ${[...allergens.map((a) => ALLERGEN[a]), ...diets.map((d) => DIET[d])].join(', ')}`,
  dietNoteLabel: 'Allergies et régime :',
  seatingHours,

  handoff: (reason, voice) => {
    const why =
      reason === 'large_party'
        ? 'Pour un groupe de cette taille, c’est l’équipe qui s’en occupe. '
        : reason === 'misunderstood'
          ? 'Je suis désolé, je n’arrive pas à bien vous comprendre. '
          : '';
    return voice
      ? say(`${why}Je vous passe un membre de l’équipe, un instant s’il vous plaît.`)
      : say(`${why}Je transmets votre demande à l’équipe : quelqu’un vous recontacte très vite.`);
  },

  disclosure: say(
    'Vous échangez avec l’assistant automatique du restaurant ; vous pouvez demander à parler à quelqu’un à tout moment.',
    'Vous êtes en ligne avec l’assistant automatique du restaurant, et vous pouvez demander à parler à quelqu’un à tout moment.',
  ),
};
