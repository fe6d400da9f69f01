// French recognizer table: what each utterance must yield at a fixed "now" in Europe/Paris.
// Columns: utterance | party | date | time | name | expecting (what the bot had just asked).
import { _, countRows, paris, runTable, utc, type Group } from './table';

// Sunday 22 November 2026, 18:00 in Paris. Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28.
const SUNDAY: Group = {
  label: 'dim. 22/11/2026 18:00',
  now: paris('2026-11-22 18:00'),
  rows: [
    // The examples of the issue, exactly.
    ['Bonjour, je voudrais réserver pour 4 personnes demain à 19h30', 4, '2026-11-23', '19:30'],
    ['Vous avez de la place samedi prochain à midi pour trois ?', 3, '2026-11-28', '12:00'],
    ['On sera huit vendredi soir vers 21h', 8, '2026-11-27', '21:00'],
    ['table pour cinq le 3 décembre à vingt heures trente, au nom de Durand', 5, '2026-12-03', '20:30', 'Durand'],
    // Voice transcripts (Twilio speech): no symbols, numbers in words.
    ['Bonjour, je voudrais réserver une table pour trois personnes demain à vingt heures', 3, '2026-11-23', '20:00'],
    ['Au nom de Marchand', _, _, _, 'Marchand'],
    ["Oui, c'est parfait", _, _, _],
    [
      'euh oui bonjour je voudrais euh réserver pour quatre euh personnes demain à euh vingt heures',
      4,
      '2026-11-23',
      '20:00',
    ],
    ['Bonjour je voudrais reserver pour 3 personnes demain a 20h', 3, '2026-11-23', '20:00'],
    [
      'Bonjour, je voudrais réserver une table pour deux personnes samedi prochain à 19 heures 30',
      2,
      '2026-11-28',
      '19:30',
    ],
    ['table pour 4 demain à 19h30 au nom de Dupont', 4, '2026-11-23', '19:30', 'Dupont'],
    // Times the recognizers get wrong or ambiguous.
    ['à midi', _, _, '12:00'],
    ['seize heures', _, _, '16:00'],
    ['9h le mardi', _, '2026-11-24', '21:00'],
    ['20h15', _, _, '20:15'],
    ['19h45', _, _, '19:45'],
    ['12h30', _, _, '12:30'],
    ['vingt heures trente', _, _, '20:30'],
    ['vers 20h', _, _, '20:00'],
    ['à 20 h 30 jeudi', _, '2026-11-26', '20:30'],
    ['à 8 heures et demie', _, _, '20:30'],
    ['à sept heures et quart', _, _, '19:15'],
    ['à neuf heures moins le quart', _, _, '20:45'],
    ['midi et demi', _, _, '12:30'],
    ['vers midi trente', _, _, '12:30'],
    ['à 11h du matin', _, _, '11:00'],
    ['pour 4 personnes à 8h du soir', 4, _, '20:00'],
    ['huit heures', _, _, '20:00'],
    ['entre 19h et 20h demain', _, '2026-11-23', '19:00'],
    // Days.
    ['aujourd’hui à 20h', _, '2026-11-22', '20:00'],
    ["AUJOURD'HUI 20H", _, '2026-11-22', '20:00'],
    ['ce soir', _, '2026-11-22', _],
    ['demain', _, '2026-11-23', _],
    ['après-demain à 13h', _, '2026-11-24', '13:00'],
    ['samedi', _, '2026-11-28', _],
    ['dimanche', _, '2026-11-22', _],
    ['dimanche prochain à 12h30', _, '2026-11-29', '12:30'],
    ['mardi de la semaine prochaine à 20h', _, '2026-11-24', '20:00'],
    ['samedi en huit', _, '2026-12-05', _],
    ['le 3 décembre', _, '2026-12-03', _],
    ['jeudi 3 décembre', _, '2026-12-03', _],
    ['le 1er décembre à 19h', _, '2026-12-01', '19:00'],
    ['le premier janvier', _, '2027-01-01', _],
    ['le 15', _, '2026-12-15', _],
    ['le 30 à 20h', _, '2026-11-30', '20:00'],
    ['pour le 24/12 à 19h', _, '2026-12-24', '19:00'],
    ['le 03/12/2026 à 20h', _, '2026-12-03', '20:00'],
    ['le 3 novembre', _, '2027-11-03', _],
    ['le 25 décembre à midi', _, '2026-12-25', '12:00'],
    ['dans trois jours', _, '2026-11-25', _],
    ['dans quinze jours à 20h', _, '2026-12-06', '20:00'],
    ['dans une semaine', _, '2026-11-29', _],
    // Party sizes: never a time ("4 personnes" is not 04:00).
    ['pour 4 personnes', 4, _, _],
    ['4 personnes', 4, _, _],
    ['quatre personnes demain', 4, '2026-11-23', _],
    ['nous serons 6 samedi à 20h30', 6, '2026-11-28', '20:30'],
    ['on est deux', 2, _, _],
    ['4 couverts pour demain soir', 4, '2026-11-23', _],
    ['deux couverts demain midi', 2, '2026-11-23', _],
    ['une table pour six personnes jeudi à 19h', 6, '2026-11-26', '19:00'],
    ['Réservation pour 2 personnes ce soir 21h', 2, '2026-11-22', '21:00'],
    ['demain 20h, 4 personnes', 4, '2026-11-23', '20:00'],
    ['Bonjour, une table pour 2 samedi soir vers 20h30 svp', 2, '2026-11-28', '20:30'],
    ['Est-ce que vous auriez une table pour quatre ce midi ?', 4, '2026-11-22', _],
    ['je voudrais réserver pour vingt-deux personnes', 22, _, _],
    ['réserver pour dix personnes samedi', 10, '2026-11-28', _],
    ['une table de 6 pour le 31 décembre à 20h', 6, '2026-12-31', '20:00'],
    ['on sera 7 le lundi 30 novembre à 19h15', 7, '2026-11-30', '19:15'],
    ['demain midi à 13h pour deux', 2, '2026-11-23', '13:00'],
    ['Bonjour, il nous faudrait une table pour 5 jeudi soir', 5, '2026-11-26', _],
    ['le 3.12 à 20h', _, '2026-12-03', '20:00'],
    ['Salut ! On voudrait venir à 6 demain soir', 6, '2026-11-23', _],
    ['2 adultes et 2 enfants samedi midi', 4, '2026-11-28', _],
    ['je serai seul, demain à 12h15', 1, '2026-11-23', '12:15'],
    ['samedi 12 à 20h', _, '2026-12-12', '20:00'],
    [
      "Oui bonjour, j'aimerais réserver une table pour quatre personnes " +
        'le vendredi vingt-sept novembre à dix-neuf heures trente',
      4,
      '2026-11-27',
      '19:30',
    ],
    [
      "Bonjour, c'est pour une réservation au nom de Dubois, 4 personnes, jeudi 20h",
      4,
      '2026-11-26',
      '20:00',
      'Dubois',
    ],
    ['mardi 1er décembre à 12h15', _, '2026-12-01', '12:15'],
    ['Je souhaiterais réserver pour le 14 février, nous serons deux, vers 20 heures', 2, '2027-02-14', '20:00'],
    // Names.
    [
      "Bonsoir, c'est pour 5 personnes le samedi 28 novembre à 20h, au nom de Lefèvre",
      5,
      '2026-11-28',
      '20:00',
      'Lefèvre',
    ],
    ["Je m'appelle Sophie Martin, on sera 3 demain à 19h", 3, '2026-11-23', '19:00', 'Sophie Martin'],
    ["c'est Marie Durand", _, _, _, 'Marie Durand'],
    ["moi c'est jean-pierre", _, _, _, 'Jean-Pierre'],
    ['au nom de Mme Leroy pour 2 ce soir à 20h', 2, '2026-11-22', '20:00', 'Leroy'],
    ["c'est au nom de Bernard", _, _, _, 'Bernard'],
    // Bare answers, read by what the bot had asked.
    ['huit', 8, _, _, _, 'partySize'],
    ['4', 4, _, _, _, 'partySize'],
    ['nous serons cinq', 5, _, _, _, 'partySize'],
    ['4', _, _, '16:00', _, 'time'],
    ['8', _, _, '20:00', _, 'time'],
    ['20', _, _, '20:00', _, 'time'],
    ['12', _, _, '12:00', _, 'time'],
    ['vers huit heures et demie', _, _, '20:30', _, 'time'],
    ['le 5', _, '2026-12-05', _, _, 'date'],
    ['28', _, '2026-11-28', _, _, 'date'],
    ['Dupont', _, _, _, 'Dupont', 'name'],
    ['Leroy-Beaulieu', _, _, _, 'Leroy-Beaulieu', 'name'],
    ["euh c'est martin", _, _, _, 'Martin', 'name'],
    ["c'est Madame Lefebvre", _, _, _, 'Lefebvre', 'name'],
    ['Martin, M A R T I N', _, _, _, 'Martin', 'name'],
    ['3 adultes et un bébé', 4, _, _, _, 'partySize'],
    ['19 heures 45', _, _, '19:45', _, 'time'],
  ],
};

// Just after midnight in Paris, still the evening before in UTC: "demain" is Tuesday 24.
const AFTER_MIDNIGHT: Group = {
  label: 'lun. 23/11 00:30 (22/11 23:30 UTC)',
  now: utc('2026-11-22T23:30:00Z'),
  rows: [
    ['demain à 20h', _, '2026-11-24', '20:00'],
    ['ce soir pour deux', 2, '2026-11-23', _],
    ["aujourd'hui à 19h", _, '2026-11-23', '19:00'],
    ['lundi à 12h', _, '2026-11-23', '12:00'],
    ['dimanche', _, '2026-11-29', _],
  ],
};

const SATURDAY_LATE: Group = {
  label: 'sam. 28/11 23:55',
  now: paris('2026-11-28 23:55'),
  rows: [
    ['demain à 12h30 pour 2', 2, '2026-11-29', '12:30'],
    ['samedi prochain', _, '2026-12-05', _],
    ['dimanche soir à 19h', _, '2026-11-29', '19:00'],
  ],
};

// Clocks go forward in the night of Saturday 27 to Sunday 28 March 2027 (02:00 → 03:00).
const BEFORE_SPRING_DST: Group = {
  label: 'sam. 27/03/2027 21:00 (veille du passage à l’heure d’été)',
  now: paris('2027-03-27 21:00'),
  rows: [
    ['demain à 20h', _, '2027-03-28', '20:00'],
    ['dimanche à 12h30 pour 4', 4, '2027-03-28', '12:30'],
    ['lundi soir à 19h30', _, '2027-03-29', '19:30'],
    ['dans deux jours', _, '2027-03-29', _],
  ],
};
const SPRING_DST_NIGHT: Group = {
  label: 'dim. 28/03/2027 01:30 CET (00:30 UTC)',
  now: utc('2027-03-28T00:30:00Z'),
  rows: [
    ['ce soir à 20h', _, '2027-03-28', '20:00'],
    ['demain', _, '2027-03-29', _],
  ],
};

// Clocks go back in the night of Saturday 24 to Sunday 25 October 2026 (03:00 → 02:00).
const BEFORE_AUTUMN_DST: Group = {
  label: 'sam. 24/10/2026 23:30 CEST (21:30 UTC)',
  now: utc('2026-10-24T21:30:00Z'),
  rows: [
    ['demain à 20h', _, '2026-10-25', '20:00'],
    ['samedi prochain à midi', _, '2026-10-31', '12:00'],
  ],
};
const AUTUMN_DST_NIGHT: Group = {
  label: 'dim. 25/10/2026 02:30 CEST (00:30 UTC)',
  now: utc('2026-10-25T00:30:00Z'),
  rows: [
    ["aujourd'hui à 12h", _, '2026-10-25', '12:00'],
    ['demain soir 21h', _, '2026-10-26', '21:00'],
  ],
};

const YEAR_END: Group = {
  label: 'mer. 30/12/2026 15:00',
  now: paris('2026-12-30 15:00'),
  rows: [
    ['le 2 janvier à 20h', _, '2027-01-02', '20:00'],
    ['le 2', _, '2027-01-02', _],
    ['vendredi', _, '2027-01-01', _],
    ['le 31 décembre', _, '2026-12-31', _],
  ],
};

export const FRENCH_GROUPS = [
  SUNDAY,
  AFTER_MIDNIGHT,
  SATURDAY_LATE,
  BEFORE_SPRING_DST,
  SPRING_DST_NIGHT,
  BEFORE_AUTUMN_DST,
  AUTUMN_DST_NIGHT,
  YEAR_END,
];
if (countRows(FRENCH_GROUPS) < 80) throw new Error('the French table must keep at least 80 utterances');
runTable('fr', FRENCH_GROUPS);
