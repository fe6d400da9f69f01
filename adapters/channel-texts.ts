// The few sentences the adapters say themselves, when the bot cannot be asked: silence on the
// line, a transfer, a technical fault, a photo with no text. Everything else comes from the bot.
import type { ChannelLocale } from './locale';

type Texts = TextLines & {
  /** The answer to HELP / INFO / AIDE: who is texting, how to reach them, how to stop. */
  help(restaurantName: string, phone: string): string;
};

type TextLines = Record<
  | 'reprompt'
  | 'silenceGoodbye'
  | 'hold'
  | 'stillWorking'
  | 'transfer'
  | 'transferFailed'
  | 'noTransferNumber'
  | 'goodbye'
  | 'technicalVoice'
  | 'technicalText'
  | 'mediaOnly'
  | 'emptyMessage'
  | 'handoffText'
  | 'resubscribed'
  | 'transcriptionFailed'
  | 'voicemailPrompt'
  | 'voicemailThanks'
  | 'voicemailNone',
  string
>;

const FR: Texts = {
  reprompt: "Excusez-moi, je ne vous ai pas entendu. Pouvez-vous répéter, s'il vous plaît ?",
  silenceGoodbye: "Je ne vous entends toujours pas. N'hésitez pas à rappeler ou à nous écrire. Au revoir !",
  hold: "Un instant, s'il vous plaît.",
  stillWorking: 'Je vérifie, merci de patienter encore un instant.',
  transfer: "Je vous passe quelqu'un du restaurant, ne quittez pas.",
  transferFailed:
    "Personne n'est disponible pour le moment. Le restaurant vous rappellera dès que possible. Au revoir !",
  noTransferNumber:
    "Je ne peux pas vous transférer pour l'instant, mais le restaurant vous rappellera dès que possible. Au revoir !",
  goodbye: 'Merci de votre appel, au revoir !',
  technicalVoice: "Désolé, j'ai un petit souci technique. Pouvez-vous répéter, s'il vous plaît ?",
  technicalText: "Désolé, j'ai un petit souci technique. Pouvez-vous renvoyer votre message dans un instant ?",
  mediaOnly:
    'Je ne peux lire que du texte. Écrivez-moi votre demande, par exemple : « une table pour 2 demain à 20h ».',
  emptyMessage: "Je n'ai reçu aucun texte. Écrivez-moi votre demande, par exemple : « une table pour 2 demain à 20h ».",
  handoffText: "Un membre de l'équipe du restaurant va vous recontacter très vite.",
  resubscribed: 'Vous recevrez à nouveau nos messages. Répondez STOP pour ne plus en recevoir.',
  transcriptionFailed: "Excusez-moi, je n'ai pas bien compris. Pouvez-vous répéter, s'il vous plaît ?",
  voicemailPrompt:
    'Personne ne peut vous répondre pour le moment. Laissez votre nom et votre message après le bip : il sera ' +
    "enregistré, et l'équipe vous rappellera. Appuyez sur dièse quand vous avez terminé.",
  voicemailThanks: "Merci, votre message est bien enregistré. L'équipe vous rappellera dès que possible. Au revoir !",
  voicemailNone: "Je n'ai pas entendu de message. L'équipe vous rappellera dès que possible. Au revoir !",
  help: (name, phone) =>
    `${name || 'Le restaurant'} : réservations par SMS et WhatsApp.` +
    (phone ? ` Pour nous joindre, appelez le ${phone}.` : '') +
    ' Pour ne plus recevoir nos messages, répondez STOP.',
};

const EN: Texts = {
  reprompt: "Sorry, I didn't hear you. Could you say that again, please?",
  silenceGoodbye: "I still can't hear you. Feel free to call back or text us. Goodbye!",
  hold: 'One moment, please.',
  stillWorking: "I'm checking, thank you for holding a moment longer.",
  transfer: "I'm putting you through to someone at the restaurant, please hold.",
  transferFailed: 'Nobody is available right now. The restaurant will call you back as soon as possible. Goodbye!',
  noTransferNumber:
    "I can't transfer you right now, but the restaurant will call you back as soon as possible. Goodbye!",
  goodbye: 'Thank you for calling, goodbye!',
  technicalVoice: 'Sorry, I had a small technical problem. Could you say that again, please?',
  technicalText: 'Sorry, I had a small technical problem. Could you send your message again in a moment?',
  mediaOnly: 'I can only read text. Please write your request, for example: "a table for 2 tomorrow at 8pm".',
  emptyMessage: 'I received no text. Please write your request, for example: "a table for 2 tomorrow at 8pm".',
  handoffText: 'Someone from the restaurant team will get back to you very soon.',
  resubscribed: 'You will receive our messages again. Reply STOP to opt out.',
  transcriptionFailed: "Sorry, I didn't quite catch that. Could you say it again, please?",
  voicemailPrompt:
    'Nobody can take your call right now. Please leave your name and message after the tone: it will be ' +
    'recorded, and the team will call you back. Press the pound key when you are done.',
  voicemailThanks: 'Thank you, your message is recorded. The team will call you back as soon as possible. Goodbye!',
  voicemailNone: 'I did not hear a message. The team will call you back as soon as possible. Goodbye!',
  help: (name, phone) =>
    `${name || 'The restaurant'}: table bookings by text and WhatsApp.` +
    (phone ? ` To reach us, call ${phone}.` : '') +
    ' To stop receiving our messages, reply STOP.',
};

export function texts(locale: ChannelLocale): Texts {
  return locale === 'fr-FR' ? FR : EN;
}
