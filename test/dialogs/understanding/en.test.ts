// English recognizer table: what each utterance must yield at a fixed "now" in Europe/Paris.
// Columns: utterance | party | date | time | name | expecting (what the bot had just asked).
import { _, countRows, paris, runTable, utc, type Group } from './table';

// Sunday 22 November 2026, 18:00 in Paris. Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28.
const SUNDAY: Group = {
  label: 'Sun 2026-11-22 18:00',
  now: paris('2026-11-22 18:00'),
  rows: [
    // The examples of the issue, exactly.
    ['Hi, table for two tomorrow at 8pm', 2, '2026-11-23', '20:00'],
    ['Do you have room for 3 next Saturday at noon?', 3, '2026-11-28', '12:00'],
    ['Party of seven on Friday around 9 in the evening', 7, '2026-11-27', '21:00'],
    ['a table for four tonight at seven thirty under Smith', 4, '2026-11-22', '19:30', 'Smith'],
    // Voice transcripts and text-message style.
    ['um hi, uh, table for, erm, four tomorrow at uh 8', 4, '2026-11-23', '20:00'],
    ['hi table for 2 tomorrow 8pm', 2, '2026-11-23', '20:00'],
    ['TABLE FOR TWO TONIGHT AT 8', 2, '2026-11-22', '20:00'],
    ['Yes please, table for two at 8 pm tonight', 2, '2026-11-22', '20:00'],
    [
      "Hi, I'd like to book a table for 2 people on December 24th at 7pm under the name Taylor",
      2,
      '2026-12-24',
      '19:00',
      'Taylor',
    ],
    ['Could we get a table for 5 on Friday night at 9?', 5, '2026-11-27', '21:00'],
    ['can I book a table for six people on Thursday at 7pm', 6, '2026-11-26', '19:00'],
    // Times.
    ['half past seven', _, _, '19:30'],
    ['at 8 in the evening', _, _, '20:00'],
    ['noon', _, _, '12:00'],
    ['8pm', _, _, '20:00'],
    ['8:30 pm tomorrow', _, '2026-11-23', '20:30'],
    ['7.30pm on Saturday', _, '2026-11-28', '19:30'],
    ['at 19:45', _, _, '19:45'],
    ['quarter past eight', _, _, '20:15'],
    ['quarter to nine', _, _, '20:45'],
    ['around 9', _, _, '21:00'],
    ['at eight', _, _, '20:00'],
    ['seven thirty', _, _, '19:30'],
    ["at 8 o'clock", _, _, '20:00'],
    ['at 11am', _, _, '11:00'],
    ['at 12:30', _, _, '12:30'],
    ['at 9 in the evening on Saturday', _, '2026-11-28', '21:00'],
    // Days.
    ['tonight', _, '2026-11-22', _],
    ['this evening at 9', _, '2026-11-22', '21:00'],
    ['today at 8pm', _, '2026-11-22', '20:00'],
    ['tomorrow at 7', _, '2026-11-23', '19:00'],
    ['tomorrow lunch', _, '2026-11-23', _],
    ['the day after tomorrow at 1pm', _, '2026-11-24', '13:00'],
    ['next Friday', _, '2026-11-27', _],
    ['this Saturday', _, '2026-11-28', _],
    ['on Sunday', _, '2026-11-22', _],
    ['next Sunday', _, '2026-11-29', _],
    ['next Tuesday at 7:45', _, '2026-11-24', '19:45'],
    ['December 3rd at 8pm', _, '2026-12-03', '20:00'],
    ['the 3rd of December', _, '2026-12-03', _],
    ['Dec 24 at 7:30pm', _, '2026-12-24', '19:30'],
    ['on the 30th at 8', _, '2026-11-30', '20:00'],
    ['on the 15th', _, '2026-12-15', _],
    ['on the first of December at 7', _, '2026-12-01', '19:00'],
    ['12/24 at 8pm', _, '2026-12-24', '20:00'],
    ['January 2nd', _, '2027-01-02', _],
    ['November 3rd', _, '2027-11-03', _],
    ['in three days', _, '2026-11-25', _],
    ['in a week', _, '2026-11-29', _],
    ['in two weeks', _, '2026-12-06', _],
    ['Christmas Eve at 8pm', _, '2026-12-24', '20:00'],
    // Party sizes.
    ['a couple of us tomorrow night', 2, '2026-11-23', _],
    ['table for a couple on Friday', 2, '2026-11-27', _],
    ['there will be 6 of us on Saturday at 8', 6, '2026-11-28', '20:00'],
    ['we are five', 5, _, _],
    ["we'll be 4 tomorrow at 7:30", 4, '2026-11-23', '19:30'],
    ['3 of us at 9', 3, _, '21:00'],
    ["a table for 2 at 7 o'clock tomorrow", 2, '2026-11-23', '19:00'],
    ['book for 4 tomorrow evening', 4, '2026-11-23', _],
    ['lunch for two tomorrow at 12:30', 2, '2026-11-23', '12:30'],
    ['just the two of us', 2, _, _],
    ['Party of 10 next Saturday', 10, '2026-11-28', _],
    ['group of twelve on the 31st of December at 8pm', 12, '2026-12-31', '20:00'],
    ['for 4 at 8', 4, _, '20:00'],
    ['table for 3 at 8:15pm', 3, _, '20:15'],
    ['for four people tomorrow', 4, '2026-11-23', _],
    ['for 2 at noon tomorrow', 2, '2026-11-23', '12:00'],
    ['Thursday at 1pm for 2', 2, '2026-11-26', '13:00'],
    ['2 people, Monday, 7pm', 2, '2026-11-23', '19:00'],
    ['for 8 on November 30 at 8pm', 8, '2026-11-30', '20:00'],
    ['Hello, I would like to make a reservation for 4 people on Saturday at 7pm', 4, '2026-11-28', '19:00'],
    ['Hi! Could I book for Sunday the 29th at 8?', _, '2026-11-29', '20:00'],
    ['see you on the 3rd of Dec at 7.45pm', _, '2026-12-03', '19:45'],
    ['just me, tomorrow at half seven', 1, '2026-11-23', '19:30'],
    ['two adults and a child on Saturday at 1pm', 3, '2026-11-28', '13:00'],
    ['Can I get a table for 2 at 9:30 tonight?', 2, '2026-11-22', '21:30'],
    ['Tomorrow at 8:00 p.m. for 4 people.', 4, '2026-11-23', '20:00'],
    ["I'd like a table for 4 on the 5th of December at 8:30 p.m.", 4, '2026-12-05', '20:30'],
    ['Something around 7-ish', _, _, '19:00'],
    ['Reservation under Lee for 4 at 7.30 tomorrow', 4, '2026-11-23', '19:30', 'Lee'],
    ["for 2 on Valentine's Day at 8", 2, '2027-02-14', '20:00'],
    // Names.
    ['table for 6 this Friday 8pm name is Garcia', 6, '2026-11-27', '20:00', 'Garcia'],
    ['reservation for tomorrow evening, 5 persons, name Lee', 5, '2026-11-23', _, 'Lee'],
    ['my name is John Smith', _, _, _, 'John Smith'],
    ["I'm Sarah, table for 3 tonight", 3, '2026-11-22', _, 'Sarah'],
    ['under the name of Johnson', _, _, _, 'Johnson'],
    ['under Smith for 2 tomorrow at 8pm', 2, '2026-11-23', '20:00', 'Smith'],
    // Bare answers, read by what the bot had asked.
    ["it's Brown", _, _, _, 'Brown', 'name'],
    ['Williams', _, _, _, 'Williams', 'name'],
    ["o'brien", _, _, _, "O'Brien", 'name'],
    ['6', 6, _, _, _, 'partySize'],
    ['six', 6, _, _, _, 'partySize'],
    ['7', _, _, '19:00', _, 'time'],
    ['8:30', _, _, '20:30', _, 'time'],
    ['8 30', _, _, '20:30', _, 'time'],
    ['the 5th', _, '2026-12-05', _, _, 'date'],
  ],
};

// Just after midnight in Paris, still the evening before in UTC: "tomorrow" is Tuesday 24.
const AFTER_MIDNIGHT: Group = {
  label: 'Mon 2026-11-23 00:30 (Sun 23:30 UTC)',
  now: utc('2026-11-22T23:30:00Z'),
  rows: [
    ['tomorrow at 8pm', _, '2026-11-24', '20:00'],
    ['tonight for two', 2, '2026-11-23', _],
    ['today at noon', _, '2026-11-23', '12:00'],
    ['on Monday', _, '2026-11-23', _],
  ],
};

// A Wednesday: "next Saturday" is the coming one; "Saturday next week" the one after.
const WEDNESDAY: Group = {
  label: 'Wed 2026-11-25 10:00',
  now: paris('2026-11-25 10:00'),
  rows: [
    ['next Saturday', _, '2026-11-28', _],
    ['Saturday next week', _, '2026-12-05', _],
    ['Wednesday', _, '2026-11-25', _],
    ['next Wednesday at 8', _, '2026-12-02', '20:00'],
  ],
};

// Clocks go forward in the night of Saturday 27 to Sunday 28 March 2027 (02:00 → 03:00).
const BEFORE_SPRING_DST: Group = {
  label: 'Sat 2027-03-27 21:00 (eve of summer time)',
  now: paris('2027-03-27 21:00'),
  rows: [
    ['tomorrow at 8pm', _, '2027-03-28', '20:00'],
    ['Sunday at 12:30 for 4', 4, '2027-03-28', '12:30'],
    ['Monday evening at 7:30', _, '2027-03-29', '19:30'],
  ],
};
const SPRING_DST_NIGHT: Group = {
  label: 'Sun 2027-03-28 01:30 CET (00:30 UTC)',
  now: utc('2027-03-28T00:30:00Z'),
  rows: [
    ['tonight at 8', _, '2027-03-28', '20:00'],
    ['tomorrow', _, '2027-03-29', _],
  ],
};

// Clocks go back in the night of Saturday 24 to Sunday 25 October 2026 (03:00 → 02:00).
const BEFORE_AUTUMN_DST: Group = {
  label: 'Sat 2026-10-24 23:30 CEST (21:30 UTC)',
  now: utc('2026-10-24T21:30:00Z'),
  rows: [
    ['tomorrow at 8pm', _, '2026-10-25', '20:00'],
    ['next Saturday at noon', _, '2026-10-31', '12:00'],
  ],
};
const AUTUMN_DST_NIGHT: Group = {
  label: 'Sun 2026-10-25 02:30 CEST (00:30 UTC)',
  now: utc('2026-10-25T00:30:00Z'),
  rows: [
    ['today at noon', _, '2026-10-25', '12:00'],
    ['tomorrow night at 9', _, '2026-10-26', '21:00'],
  ],
};

const YEAR_END: Group = {
  label: 'Wed 2026-12-30 15:00',
  now: paris('2026-12-30 15:00'),
  rows: [
    ['January 2nd at 8pm', _, '2027-01-02', '20:00'],
    ['on the 2nd', _, '2027-01-02', _],
    ['Friday', _, '2027-01-01', _],
    ["New Year's Eve at 8pm", _, '2026-12-31', '20:00'],
  ],
};

export const ENGLISH_GROUPS = [
  SUNDAY,
  AFTER_MIDNIGHT,
  WEDNESDAY,
  BEFORE_SPRING_DST,
  SPRING_DST_NIGHT,
  BEFORE_AUTUMN_DST,
  AUTUMN_DST_NIGHT,
  YEAR_END,
];
if (countRows(ENGLISH_GROUPS) < 80) throw new Error('the English table must keep at least 80 utterances');
runTable('en', ENGLISH_GROUPS);
