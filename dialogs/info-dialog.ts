// Opening hours, address and menu, answered from the restaurant's settings in one turn.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { formatMinutes, formatPrice, minutesOfDay, type Restaurant } from '../booking-core';
import { countryOf, phoneForReader } from '../booking-core/phone';
import type { DayHours, Said, ServiceHours, Texts } from './texts';
import { send, turnOf, type Turn } from './turn';
import type { Intent } from './understanding';
import { dietAnswer } from './diet-answer';

export type InfoTopic = 'hours' | 'address' | 'menu';
export const INFO_DIALOG = 'info';

export function isInfoIntent(intent: Intent): intent is InfoTopic {
  return intent === 'hours' || intent === 'address' || intent === 'menu';
}

export function servicesOf(restaurant: Restaurant, weekday: number): ServiceHours[] {
  return (restaurant.services[String(weekday)] ?? []).map((s) => ({
    open: s.open,
    close: s.close,
    lastSeating: formatMinutes(minutesOfDay(s.close) - s.lastSeatingMinutes),
  }));
}

/** When guests can be seated on a day, said the way the language says it. */
export function seatingHoursOn(
  restaurant: Restaurant,
  weekday: number,
  texts: Texts,
  voice: boolean,
  partOfDay?: 'lunch' | 'dinner',
): string {
  let services = servicesOf(restaurant, weekday);
  if (partOfDay) {
    const part = services.filter((s) =>
      partOfDay === 'lunch' ? minutesOfDay(s.open) < 17 * 60 : minutesOfDay(s.open) >= 17 * 60,
    );
    if (part.length) services = part;
  }
  return texts.seatingHours(services, voice);
}

/** `onBooking`: a booking is being made or was made in this conversation (an allergy told goes on it). */
export function infoAnswer(topic: InfoTopic, turn: Turn, onBooking = false): Said {
  const { restaurant, texts, voice, lang } = turn;
  switch (topic) {
    case 'hours': {
      const days: DayHours[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        weekday,
        services: servicesOf(restaurant, weekday),
      }));
      return texts.hours(days, voice);
    }
    case 'address':
      // The number as the guest writes it: nationally at home, with the country code from abroad.
      return texts.address(
        restaurant.address,
        phoneForReader(restaurant.phone, countryOf(turn.channelPhone) ?? countryOf(restaurant.phone)),
        voice,
      );
    case 'menu':
      // A yes/no about a dish or a diet gets its answer from the menu's data, not the whole menu.
      if (turn.u.diet && (turn.u.diet.diets.length || turn.u.diet.allergens.length))
        return dietAnswer(turn.u.diet, turn, onBooking);
      if (turn.u.ingredient)
        return texts.ingredientUnknown(
          turn.u.ingredient,
          phoneForReader(restaurant.phone, countryOf(turn.channelPhone) ?? countryOf(restaurant.phone)),
        );
      return texts.menu(
        restaurant.menu.map((s) => ({
          section: s.title[lang],
          dishes: s.dishes.map((d) => ({ name: d.name[lang], price: formatPrice(d.price, lang, restaurant.currency) })),
        })),
        voice,
      );
  }
}

/** Answers and ends; the guest can ask the next thing straight away. */
export class InfoDialog extends Dialog<{ topic: InfoTopic }> {
  constructor() {
    super(INFO_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { topic: InfoTopic }): Promise<DialogTurnResult> {
    const turn = turnOf(dc.context);
    const answer = infoAnswer(options?.topic ?? 'hours', turn, !!turn.profile.bookedId);
    await send(
      dc.context,
      {
        text: `${answer.text} ${turn.texts.anythingElse.text}`,
        voice: `${answer.voice ?? answer.text} ${turn.texts.anythingElse.voice ?? turn.texts.anythingElse.text}`,
      },
      { question: true },
    );
    return dc.endDialog({ kind: 'done', outcome: 'nothing' });
  }
}
