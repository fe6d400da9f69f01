// The widget's own words, in the page's language (French or English).
export type WidgetLang = 'fr' | 'en';

export interface WidgetTexts {
  open: string;
  close: string;
  title: (restaurant: string) => string;
  subtitle: string;
  history: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  you: string;
  bot: string;
  typing: string;
  failed: string;
  retry: string;
  ended: string;
  restart: string;
  restarted: string;
  tooLong: string;
  suggestions: string;
}

const FR: WidgetTexts = {
  open: 'Ouvrir la discussion pour réserver une table',
  close: 'Fermer la discussion',
  title: (r) => (r ? `${r} — réservations` : 'Réservations'),
  subtitle: 'Assistant automatique du restaurant : vous pouvez demander à parler à quelqu’un à tout moment.',
  history: 'Messages de la discussion',
  inputLabel: 'Votre message',
  placeholder: 'Ex. : une table pour 2 demain à 20h',
  send: 'Envoyer',
  you: 'Vous',
  bot: 'Le restaurant',
  typing: 'Le restaurant écrit…',
  failed: "Le message n'a pas pu être envoyé.",
  retry: 'Réessayer',
  ended: 'La discussion est terminée.',
  restart: 'Nouvelle discussion',
  restarted: 'Une nouvelle discussion a commencé.',
  tooLong: 'Message trop long (1000 caractères au plus).',
  suggestions: 'Réponses suggérées',
};

const EN: WidgetTexts = {
  open: 'Open the chat to book a table',
  close: 'Close the chat',
  title: (r) => (r ? `${r} — reservations` : 'Reservations'),
  subtitle: 'The restaurant’s automated assistant: you can ask for a person at any point.',
  history: 'Chat messages',
  inputLabel: 'Your message',
  placeholder: 'E.g. a table for 2 tomorrow at 8pm',
  send: 'Send',
  you: 'You',
  bot: 'The restaurant',
  typing: 'The restaurant is typing…',
  failed: 'The message could not be sent.',
  retry: 'Try again',
  ended: 'The chat has ended.',
  restart: 'New chat',
  restarted: 'A new chat has started.',
  tooLong: 'Message too long (1000 characters at most).',
  suggestions: 'Suggested answers',
};

export const textsFor = (lang: WidgetLang): WidgetTexts => (lang === 'fr' ? FR : EN);

/** The script tag's data-lang, else the page's lang, else the browser's; French or English. */
export function pickLang(explicit: string | null | undefined): WidgetLang {
  const candidates = [explicit, document.documentElement.lang, ...(navigator.languages ?? []), navigator.language];
  for (const c of candidates) {
    const lower = (c ?? '').toLowerCase();
    if (lower.startsWith('fr')) return 'fr';
    if (lower.startsWith('en')) return 'en';
  }
  return 'fr';
}
