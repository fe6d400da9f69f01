// French notification texts. Tone: the dialogs' — short, warm, "vous".
import type { BookingFacts, ChangeKind, HandoffFacts, NotificationTexts, UndeliveredFacts } from './types';

const couverts = (n: number) => (n === 1 ? '1 personne' : `${n} personnes`);
const when = (b: BookingFacts) => `${b.day} à ${b.time}`;
// Guest SMS texts keep to GSM-7 (no â ê î ô û ç, no À, no typographic quotes): one such
// character bills the whole text in 70-character segments. WhatsApp and email get the same words.
const change = (b: BookingFacts, canReply = true) =>
  canReply
    ? `Pour modifier ou annuler votre réservation, écrivez-nous ici ou appelez le ${b.restaurantPhone}.`
    : `Pour modifier ou annuler votre réservation, appelez le ${b.restaurantPhone}.`;
const forName = (b: BookingFacts) => (b.customerName ? ` au nom de ${b.customerName}` : '');

const managerTitle: Record<ChangeKind, string> = {
  created: 'Nouvelle réservation',
  changed: 'Réservation modifiée',
  cancelled: 'Réservation annulée',
};

const channels: Record<string, string> = {
  voice: 'téléphone',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  webchat: 'chat du site',
  website: 'site web / API',
  dashboard: 'tableau de bord',
};

export const fr: NotificationTexts = {
  waitlistReady: (r, name) =>
    `${r} : ${name}, votre table vous attend ! Répondez OK ou « j'arrive » si vous venez, ou « on annule » si vous ne venez plus.`,
  waitlistComing: (r) => `${r} : parfait, nous vous gardons la table. À tout de suite !`,
  waitlistCancelled: (r) => `${r} : c'est noté, nous vous retirons de la liste d'attente. À une prochaine fois !`,
  waitlistJoined: (r, party, position) =>
    `${r} : c'est noté, liste d'attente pour ${couverts(party)} (position ${position}). ` +
    "Nous vous écrivons dès qu'une table se libère.",
  managerSubject: (kind, b) => `${managerTitle[kind]} : ${b.customerName}, ${couverts(b.partySize)}, ${when(b)}`,
  managerEmail: (kind, b) =>
    [
      `${managerTitle[kind]} — ${b.restaurantName}`,
      '',
      `Nom : ${b.customerName}`,
      `Couverts : ${b.partySize}`,
      `Date : ${when(b)}`,
      `Table(s) : ${b.tables || '—'}`,
      `Téléphone : ${b.customerPhone}`,
      ...(b.customerEmail ? [`E-mail : ${b.customerEmail}`] : []),
      `Canal : ${fr.channelName(b.channel)}`,
      ...(b.notes ? [`Notes : ${b.notes}`] : []),
      '',
      `Voir dans le tableau de bord : ${b.dashboardLink}`,
    ].join('\n'),
  managerSms: (kind, b) =>
    `${managerTitle[kind]} : ${b.customerName}, ${couverts(b.partySize)}, ${when(b)} (${fr.channelName(b.channel)}). ${b.dashboardLink}`,
  guestSms: (kind, b, canReply = true) => {
    if (kind === 'cancelled')
      return `${b.restaurantName} : votre réservation du ${when(b)} est annulée. Au plaisir de vous revoir !`;
    const head = kind === 'created' ? 'votre table est réservée' : 'votre réservation est modifiée';
    return `${b.restaurantName} : ${head}${forName(b)}, ${couverts(b.partySize)}, le ${when(b)}. ${change(b, canReply)}`;
  },
  guestEmailSubject: (kind, b) =>
    ({
      created: `Votre réservation chez ${b.restaurantName} — ${when(b)}`,
      changed: `Votre réservation chez ${b.restaurantName} est modifiée — ${when(b)}`,
      cancelled: `Votre réservation chez ${b.restaurantName} est annulée`,
    })[kind],
  guestEmail: (kind, b) =>
    [
      `Bonjour ${b.customerName},`,
      '',
      kind === 'cancelled'
        ? `Votre réservation du ${when(b)} pour ${couverts(b.partySize)} est annulée.`
        : `${kind === 'created' ? 'Votre table est réservée' : 'Votre réservation est modifiée'} : ${couverts(b.partySize)}, le ${when(b)}.`,
      '',
      `${b.restaurantName}, ${b.restaurantAddress}`,
      ...(kind === 'cancelled' ? [] : ['', change(b)]),
      '',
      'À bientôt !',
    ].join('\n'),
  reminderSms: (b) =>
    `${b.restaurantName} : rappel de votre réservation le ${when(b)} pour ${couverts(b.partySize)}. Répondez 1 pour confirmer ou 9 pour annuler.`,
  reminderEmailSubject: (b) => `Rappel : votre réservation chez ${b.restaurantName} — ${when(b)}`,
  reminderConfirmed: (b) => `Merci ${b.customerName}, c'est noté : nous vous attendons le ${when(b)}.`,
  reminderCancelled: (b) => `C'est fait : votre réservation du ${when(b)} est annulée. Merci de nous avoir prévenus.`,
  reminderAlreadyCancelled: (b) => `Votre réservation du ${when(b)} était déjà annulée.`,
  reminderCancelFailed: (b) =>
    `Nous n'avons pas pu annuler votre réservation. Appelez-nous au ${b.restaurantPhone}, s'il vous plaît.`,
  testSubject: (name) => `${name} : message de test`,
  testBody: (name, sentAt) =>
    `${name} : ceci est un message de test envoyé par Maître le ${sentAt}. Les notifications fonctionnent.`,
  handoffSubject: (h) => `Maître : ${guestFr(h)} demande un membre de l'équipe`,
  handoffEmail: (h) =>
    [
      `${reasonFr(h.reason)} (${h.channel}).`,
      `Client : ${guestFr(h)}`,
      `Résumé : ${h.summary || '—'}`,
      '',
      `Conversation ${h.conversationId} : ${h.dashboardLink}`,
    ].join('\n'),
  handoffSms: (h) =>
    `Maître : ${reasonFr(h.reason)} (${h.channel}). Client : ${guestFr(h)}. ${h.summary ? `Résumé : ${h.summary}` : ''}`.trim(),
  undeliveredSubject: (b, u) => `Message non reçu par ${b.customerName} (${what(u)}, ${when(b)})`,
  undeliveredEmail: (b, u) =>
    [
      `${cap(what(u))} de ${b.customerName} (${couverts(b.partySize)}, ${when(b)}) n'a pas été remis.`,
      `${u.channel} à ${u.to} : ${u.meaning}${u.errorCode ? ` (code ${u.errorCode})` : ''}.`,
      '',
      'Le client ne le sait peut-être pas : appelez-le si besoin.',
      `Voir la réservation : ${b.dashboardLink}`,
    ].join('\n'),
  undeliveredSms: (b, u) =>
    `Maitre : ${what(u)} non remis a ${b.customerName} (${when(b)}) : ${u.meaning}. ${b.dashboardLink}`,
  callbackSubject: (c) => `Maître : rappeler ${c.guestPhone ?? 'un client au numéro masqué'}`,
  callbackEmail: (c) =>
    [
      `Un client a demandé à parler à quelqu'un et personne n'a répondu (${missedFr(c.reason)}).`,
      `Client : ${c.guestPhone ?? 'numéro masqué'} (${c.language})`,
      'Il a pu laisser un message ; il figure avec sa transcription dans la liste des rappels.',
      '',
      `Rappels : ${c.dashboardLink}`,
    ].join('\n'),
  callbackSms: (c) =>
    `Maître : rappeler ${c.guestPhone ?? 'un client (numéro masqué)'} (${c.language}), ` +
    `personne n'a répondu à son transfert (${missedFr(c.reason)}). ${c.dashboardLink}`,
  smsBudgetSubject: (budget) => `Maître : les ${budget} SMS de l'heure sont épuisés`,
  smsBudgetEmail: (budget, link) =>
    [
      `Le restaurant a envoyé ${budget} SMS dans la dernière heure, autant que SMS_PER_HOUR le permet.`,
      "Les suivants attendent dans la file d'envoi et partent à mesure que l'heure se libère ; aucun n'est perdu.",
      "Si vous n'en attendiez pas autant, quelqu'un fait peut-être envoyer des SMS par le restaurant : voyez la file d'envoi.",
      '',
      `File d'envoi : ${link}`,
    ].join('\n'),
  smsBudgetSms: (budget) =>
    `Maitre : les ${budget} SMS de l'heure sont epuises ; les suivants attendent. Voir la file d'envoi.`,
  channelName: (c) => channels[c] ?? c,
};

const missedReasonsFr: Record<string, string> = {
  busy: 'ligne occupée',
  'no-answer': 'pas de réponse',
  failed: "l'appel n'a pas abouti",
  canceled: "l'appel a été annulé",
  'no-number': "aucun numéro de transfert n'est configuré",
  'forwarded-back': 'appel renvoyé depuis la ligne du restaurant',
};
const missedFr = (reason: string) => missedReasonsFr[reason] ?? reason;

const what = (u: UndeliveredFacts) =>
  u.purpose === 'reminder' ? 'le rappel' : u.purpose === 'guest_confirmation' ? 'la confirmation' : 'le message';
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const guestFr = (h: HandoffFacts) => h.guestPhone ?? 'un client du chat du site';
const handoffReasonsFr: Record<string, string> = {
  requested: "Un client demande à parler à quelqu'un",
  large_party: 'Demande pour un grand groupe',
  misunderstood: "Le bot n'a pas compris le client",
};
const reasonFr = (reason: string) => handoffReasonsFr[reason] ?? reason;
