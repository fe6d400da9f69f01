// The dashboard's words in French and English. The language is the user's choice, kept in
// localStorage; it starts from the browser's language.
import { signal } from './signal';

import type { Language, Service } from './types';

export type Lang = Language;

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('maitre.lang') : null;
export const lang = signal<Lang>(
  saved === 'en' || saved === 'fr'
    ? saved
    : typeof navigator !== 'undefined' && navigator.language.startsWith('en')
      ? 'en'
      : 'fr',
);

export function setLang(l: Lang): void {
  localStorage.setItem('maitre.lang', l);
  document.documentElement.lang = l;
  lang.set(l);
}

const WORDS = {
  appName: ['Maître', 'Maître'],
  email: ['E-mail', 'Email'],
  password: ['Mot de passe', 'Password'],
  login: ['Se connecter', 'Log in'],
  logout: ['Déconnexion', 'Log out'],
  openMenu: ['Ouvrir le menu', 'Open the menu'],
  loginTitle: ['Espace équipe', 'Staff sign-in'],
  loginFailed: ['E-mail ou mot de passe incorrect.', 'Wrong email or password.'],
  loginLocked: [
    'Trop d’échecs de connexion : réessayez dans quelques minutes.',
    'Too many failed logins: try again in a few minutes.',
  ],
  sessionExpired: ['Session expirée : reconnectez-vous.', 'Your session expired: please log in again.'],
  today: ["Aujourd'hui", 'Today'],
  bookings: ['Réservations', 'Bookings'],
  conversations: ['Conversations', 'Conversations'],
  menu: ['Carte', 'Menu'],
  tables: ['Tables', 'Tables'],
  settings: ['Réglages', 'Settings'],
  users: ['Équipe', 'Staff'],
  insights: ['Statistiques', 'Insights'],
  live: ['En direct', 'Live'],
  reconnecting: ['Reconnexion…', 'Reconnecting…'],
  connectionLost: [
    'Connexion au serveur perdue — reconnexion en cours. La liste sera remise à jour au retour.',
    'Connection to the server lost — reconnecting. The list will catch up when it is back.',
  ],
  offline: ['Hors ligne', 'Offline'],
  sound: ['Son', 'Sound'],
  newBooking: ['Nouvelle réservation', 'New booking'],
  bookingChanged: ['Réservation modifiée', 'Booking changed'],
  bookingCancelled: ['Réservation annulée', 'Booking cancelled'],
  timeline: ['Planning', 'Timeline'],
  list: ['Liste', 'List'],
  views: ['Affichage', 'View'],
  covers: ['couverts', 'covers'],
  countsOf: ['Service compté :', 'Counting:'],
  wholeDay: ['toute la journée', 'the whole day'],
  expected: ['attendus', 'expected'],
  seatedNow: ['à table', 'seated'],
  toCome: ['à venir', 'to come'],
  walkIn: ['Sans réservation', 'Walk-in'],
  newBookingBtn: ['Réserver', 'New booking'],
  closedToday: ['Fermé ce jour', 'Closed this day'],
  noBookings: ['Aucune réservation', 'No bookings'],
  status_confirmed: ['Confirmée', 'Confirmed'],
  status_seated: ['À table', 'Seated'],
  status_completed: ['Terminée', 'Completed'],
  status_cancelled: ['Annulée', 'Cancelled'],
  status_no_show: ['Absent', 'No-show'],
  status_held: ['En attente', 'On hold'],
  status_expired: ['Option non confirmée', 'Hold not confirmed'],
  channel_voice: ['Téléphone', 'Phone'],
  channel_sms: ['SMS', 'SMS'],
  channel_whatsapp: ['WhatsApp', 'WhatsApp'],
  channel_webchat: ['Chat web', 'Web chat'],
  channel_website: ['Site web', 'Website'],
  channel_dashboard: ['Salle', 'Front desk'],
  seat: ['Installer', 'Seat'],
  arrived: ['Arrivés', 'Arrived'],
  noShow: ['Absent', 'No-show'],
  complete: ['Terminer', 'Finish'],
  undo: ['Annuler le statut', 'Undo'],
  cancelBooking: ['Annuler la réservation', 'Cancel booking'],
  confirmCancel: ['Annuler cette réservation ?', 'Cancel this booking?'],
  move: ['Déplacer', 'Move'],
  tooSmall: ['Cette table n’a que {n} places. Déplacer quand même ?', 'That table seats only {n}. Move anyway?'],
  dragHint: ['Glissez une réservation pour la déplacer', 'Drag a booking to move it'],
  save: ['Enregistrer', 'Save'],
  saved: ['Enregistré', 'Saved'],
  close: ['Fermer', 'Close'],
  add: ['Ajouter', 'Add'],
  remove: ['Supprimer', 'Remove'],
  name: ['Nom', 'Name'],
  phone: ['Téléphone', 'Phone'],
  party: ['Couverts', 'Party'],
  people: ['pers.', 'ppl'],
  date: ['Date', 'Date'],
  time: ['Heure', 'Time'],
  table: ['Table', 'Table'],
  notes: ['Notes', 'Notes'],
  status: ['Statut', 'Status'],
  channel: ['Canal', 'Channel'],
  language: ['Langue', 'Language'],
  search: ['Rechercher nom ou téléphone', 'Search name or phone'],
  all: ['Tous', 'All'],
  transcript: ['Conversation', 'Conversation'],
  noTranscript: [
    'Pas de conversation enregistrée pour cette réservation.',
    'No conversation recorded for this booking.',
  ],
  created: ['Créée', 'Created'],
  guest: ['Client', 'Guest'],
  bot: ['Maître', 'Maître'],
  system: ['Système', 'System'],
  forbidden: ['Cette page est réservée aux administrateurs.', 'This page is for admins only.'],
  autoTable: ['Automatique', 'Automatic'],
  walkInName: ['Sans réservation', 'Walk-in'],
  prevDay: ['Jour précédent', 'Previous day'],
  nextDay: ['Jour suivant', 'Next day'],
  now: ['Maintenant', 'Now'],
  error: ['Erreur', 'Error'],
  loading: ['Chargement…', 'Loading…'],
  // Settings
  general: ['Général', 'General'],
  address: ['Adresse', 'Address'],
  timezone: ['Fuseau horaire', 'Timezone'],
  languages: ['Langues', 'Languages'],
  defaultLanguage: ['Langue par défaut', 'Default language'],
  services: ['Services par jour', 'Services per weekday'],
  open: ['Ouverture', 'Opens'],
  closeAt: ['Fermeture', 'Closes'],
  lastSeating: ['Dernière installation (min avant)', 'Last seating (min before)'],
  closures: ['Fermetures exceptionnelles', 'Closures'],
  reason: ['Motif', 'Reason'],
  rules: ['Règles de réservation', 'Booking rules'],
  slotStep: ['Pas des créneaux (min)', 'Slot step (min)'],
  turnTimes: ['Durée de table', 'Turn times'],
  upToParty: ["Jusqu'à (pers.)", 'Up to (guests)'],
  larger: ['au-delà', 'larger'],
  minutes: ['minutes', 'minutes'],
  buffer: ['Battement entre tables (min)', 'Buffer between tables (min)'],
  minNotice: ['Délai minimum (min)', 'Minimum notice (min)'],
  horizon: ['Réservable jusqu’à (jours)', 'Bookable up to (days)'],
  maxParty: ['Groupe maximum en ligne', 'Largest party online'],
  pacing: ['Couverts max par créneau (vide = illimité)', 'Max covers per slot (empty = no limit)'],
  hold: ['Table gardée pendant la confirmation (min)', 'Table hold while confirming (min)'],
  invalidForm: ['Corrigez les champs en rouge.', 'Fix the fields in red.'],
  weekday0: ['Dimanche', 'Sunday'],
  weekday1: ['Lundi', 'Monday'],
  weekday2: ['Mardi', 'Tuesday'],
  weekday3: ['Mercredi', 'Wednesday'],
  weekday4: ['Jeudi', 'Thursday'],
  weekday5: ['Vendredi', 'Friday'],
  weekday6: ['Samedi', 'Saturday'],
  closed: ['Fermé', 'Closed'],
  // Menu
  section: ['Rubrique', 'Section'],
  dish: ['Plat', 'Dish'],
  price: ['Prix', 'Price'],
  currency: ['Devise des prix', 'Currency of prices'],
  description: ['Description', 'Description'],
  allergens: ['Allergènes', 'Allergens'],
  diets: ['Régimes', 'Diets'],
  allergen_gluten: ['Gluten', 'Gluten'],
  allergen_crustaceans: ['Crustacés', 'Crustaceans'],
  allergen_eggs: ['Œufs', 'Eggs'],
  allergen_fish: ['Poisson', 'Fish'],
  allergen_peanuts: ['Arachides', 'Peanuts'],
  allergen_soy: ['Soja', 'Soy'],
  allergen_milk: ['Lait', 'Milk'],
  allergen_nuts: ['Fruits à coque', 'Tree nuts'],
  allergen_celery: ['Céleri', 'Celery'],
  allergen_mustard: ['Moutarde', 'Mustard'],
  allergen_sesame: ['Sésame', 'Sesame'],
  allergen_sulphites: ['Sulfites', 'Sulphites'],
  allergen_lupin: ['Lupin', 'Lupin'],
  allergen_molluscs: ['Mollusques', 'Molluscs'],
  diet_vegetarian: ['Végétarien', 'Vegetarian'],
  diet_vegan: ['Végan', 'Vegan'],
  'diet_gluten-free': ['Sans gluten', 'Gluten-free'],
  addSection: ['Ajouter une rubrique', 'Add section'],
  addDish: ['Ajouter un plat', 'Add dish'],
  // Tables
  seatsMin: ['Places min', 'Min seats'],
  seatsMax: ['Places max', 'Max seats'],
  zone: ['Zone', 'Zone'],
  active: ['Active', 'Active'],
  addTable: ['Ajouter une table', 'Add table'],
  // Users
  role: ['Rôle', 'Role'],
  role_admin: ['Administrateur', 'Admin'],
  role_staff: ['Équipe', 'Staff'],
  disabled: ['Désactivé', 'Disabled'],
  disable: ['Désactiver', 'Disable'],
  enable: ['Réactiver', 'Enable'],
  resetPassword: ['Nouveau mot de passe', 'Reset password'],
  newPassword: ['Nouveau mot de passe (10 caractères min.)', 'New password (10+ characters)'],
  addUser: ['Ajouter un membre', 'Add staff member'],
  you: ['vous', 'you'],
  // Insights
  from: ['Du', 'From'],
  to: ['au', 'to'],
  noShowRate: ['Taux d’absence', 'No-show rate'],
  handoffs: ['Transférées à un humain', 'Handed to a person'],
  coversPerService: ['Couverts par service et par jour', 'Covers per service and day'],
  byChannel: ['Réservations par canal', 'Bookings by channel'],
  byLanguage: ['Réservations par langue', 'Bookings by language'],
  lunch: ['Déjeuner', 'Lunch'],
  dinner: ['Dîner', 'Dinner'],
  other: ['Hors service', 'Outside services'],
  outcome: ['Issue', 'Outcome'],
  turns: ['échanges', 'turns'],
  // Calls to return (callback tasks)
  callbacks: ['À rappeler', 'Calls to return'],
  callbacksIntro: [
    'Les appelants qui ont demandé quelqu’un sans que la ligne du restaurant réponde, avec leur message.',
    'Callers who asked for a person when nobody at the restaurant picked up, with the message they left.',
  ],
  callbacksOpen: ['À faire', 'To do'],
  callbacksDone: ['Faits', 'Done'],
  callbacksAll: ['Tous', 'All'],
  callbacksNone: ['Personne à rappeler.', 'Nobody to call back.'],
  caller: ['Appelant', 'Caller'],
  withheldNumber: ['Numéro masqué', 'Withheld number'],
  callbackMessage: ['Message laissé', 'Message left'],
  listen: ['Écouter', 'Listen'],
  noMessage: ['Pas de message', 'No message left'],
  transcript_pending: ['Transcription en cours…', 'Transcribing…'],
  transcript_failed: ['Transcription impossible : écoutez le message.', 'Could not transcribe: listen to the message.'],
  markCalledBack: ['Rappelé', 'Called back'],
  reopen: ['Rouvrir', 'Reopen'],
  calledBackAt: ['Rappelé le', 'Called back on'],
  missed_busy: ['Ligne occupée', 'Line busy'],
  'missed_no-answer': ['Pas de réponse', 'No answer'],
  missed_failed: ['Appel impossible', 'Call failed'],
  missed_canceled: ['Raccroché pendant le transfert', 'Hung up during the transfer'],
  'missed_no-number': ['Pas de ligne de transfert', 'No line to transfer to'],
  'missed_forwarded-back': ['Renvoyé par la ligne du restaurant', "Forwarded back by the restaurant's line"],
  seconds: ['s', 's'],
  // Messages (the outbox)
  messages: ['Messages', 'Messages'],
  messagesIntro: [
    'Les SMS, WhatsApp et e-mails envoyés par Maître, les plus récents en haut.',
    'The texts, WhatsApp messages and emails Maître sends, newest first.',
  ],
  outbox_pending: ['En attente', 'Pending'],
  outbox_sending: ['Envoi en cours', 'Sending'],
  outbox_sent: ['Envoyé', 'Sent'],
  outbox_failed: ['Échec', 'Failed'],
  outbox_not_configured: ['Non configuré', 'Not configured'],
  outbox_suppressed: ['Non envoyé', 'Not sent'],
  outbox_withheld: ['Retenu', 'Withheld'],
  outbox_delivered: ['Remis', 'Delivered'],
  outbox_undelivered: ['Non remis', 'Undelivered'],
  step_accepted: ['accepté', 'accepted'],
  step_scheduled: ['programmé', 'scheduled'],
  step_queued: ['en file', 'queued'],
  step_sending: ['envoi', 'sending'],
  step_sent: ['envoyé', 'sent'],
  step_delivered: ['remis', 'delivered'],
  step_undelivered: ['non remis', 'undelivered'],
  step_failed: ['échec', 'failed'],
  step_read: ['lu', 'read'],
  step_partially_delivered: ['remis en partie', 'partly delivered'],
  step_canceled: ['annulé', 'canceled'],
  deliverySteps: ['Étapes chez Twilio', 'Steps at Twilio'],
  kind_email: ['E-mail', 'Email'],
  kind_sms: ['SMS', 'SMS'],
  kind_whatsapp: ['WhatsApp', 'WhatsApp'],
  purpose_manager_alert: ['Alerte équipe', 'Staff alert'],
  purpose_guest_confirmation: ['Confirmation client', 'Guest confirmation'],
  purpose_reminder: ['Rappel', 'Reminder'],
  purpose_test: ['Test', 'Test'],
  purpose_handoff_alert: ['Client à rappeler', 'Guest needs a person'],
  purpose_callback_alert: ['Appel manqué à rappeler', 'Missed call to return'],
  purpose_late_reply: ['Réponse du bot (différée)', 'Bot reply (delayed)'],
  purpose_sms_budget_alert: ['Quota de SMS atteint', 'SMS budget spent'],
  queuedAt: ['Créé', 'Queued'],
  recipient: ['Destinataire', 'Recipient'],
  message: ['Message', 'Message'],
  attempt: ['essai', 'attempt'],
  attempts: ['essais', 'attempts'],
  refresh: ['Actualiser', 'Refresh'],
  retry: ['Renvoyer', 'Retry'],
  retried: ['Message remis en file d’envoi.', 'Message queued again.'],
  noMessages: ['Aucun message pour l’instant.', 'No messages yet.'],
  notConfiguredHint: [
    'Certains canaux ne sont pas configurés sur le serveur (SMTP, Twilio) : ces messages restent ici et peuvent être renvoyés une fois la configuration faite.',
    'Some channels are not set up on the server (SMTP, Twilio): their messages stay here and can be sent again once that is done.',
  ],
  bookingMessages: ['Messages de cette réservation', 'This booking’s messages'],
  showAll: ['Tout afficher', 'Show all'],
  testTitle: ['Envoyer une notification de test', 'Send a test notification'],
  testHelp: [
    'Adresse vide : le test part vers les responsables configurés (MANAGER_EMAILS, MANAGER_PHONES).',
    'Empty address: the test goes to the configured managers (MANAGER_EMAILS, MANAGER_PHONES).',
  ],
  testTo: ['Adresse e-mail ou numéro', 'Email address or number'],
  testToPlaceholder: ['vide = responsables', 'empty = managers'],
  sendTest: ['Envoyer le test', 'Send test'],
  testQueued: ['Test mis en file d’envoi :', 'Test queued:'],
  noRecipient: [
    'Aucun destinataire : saisissez une adresse (aucun responsable n’est configuré pour ce canal).',
    'No recipient: enter an address (no manager is set up for this channel).',
  ],
  badEmail: ['Ce n’est pas une adresse e-mail.', 'That is not an email address.'],
  badPhone: [
    'Numéro au format international, par ex. +33612345678.',
    'Number in international form, e.g. +33612345678.',
  ],
  sendReminder: ['Envoyer un rappel', 'Send reminder'],
  reminderQueued: ['Rappel mis en file d’envoi vers', 'Reminder queued to'],
  reminderNoPhone: [
    'Ce client n’a pas de numéro pouvant recevoir un SMS.',
    'This guest has no number that can receive a text.',
  ],
  seeMessages: ['Voir dans Messages', 'See in Messages'],
  zone_main: ['Salle', 'Main room'],
  zone_window: ['Fenêtre', 'Window'],
  zone_back: ['Fond de salle', 'Back room'],
  zone_terrace: ['Terrasse', 'Terrace'],
  zone_bar: ['Bar', 'Bar'],
  zone_private: ['Salon privé', 'Private room'],
  zone_upstairs: ['Étage', 'Upstairs'],
  outcome_booked: ['Réservé', 'Booked'],
  outcome_cancelled: ['Annulé', 'Cancelled'],
  outcome_modified: ['Modifié', 'Changed'],
  outcome_handoff: ['Transmis à l’équipe', 'Handed to staff'],
  outcome_nothing: ['Sans suite', 'Nothing done'],
  outcome_waitlisted: ['Liste d’attente', 'Waitlisted'],
  serviceNameFr: ['Nom (FR)', 'Name (FR)'],
  reminders: ['Rappels aux clients', 'Guest reminders'],
  remindersHelp: [
    'Un SMS de rappel avant la réservation ; le client répond 1 pour confirmer ou 9 pour annuler.',
    'A reminder text before the booking; the guest replies 1 to confirm or 9 to cancel.',
  ],
  dayBefore: ['La veille', 'The day before'],
  at: ['à', 'at'],
  minutesBefore: ['Minutes avant la réservation', 'Minutes before the booking'],
  addReminder: ['Ajouter un rappel', 'Add a reminder'],
  combinations: ['Tables jumelables', 'Table combinations'],
  combinationsHelp: [
    'Des tables que l’on rapproche pour un groupe, et combien de personnes elles reçoivent ensemble.',
    'Tables pushed together for a larger party, and how many they seat together.',
  ],
  addCombination: ['Ajouter une combinaison', 'Add a combination'],
  serviceNameEn: ['Nom (EN)', 'Name (EN)'],
  live_connecting: ['Connexion…', 'Connecting…'],
  optedOutOf: ['Ne reçoit plus nos messages', 'No longer receives our messages'],
  optOut_sms: ['par SMS', 'by text'],
  optOut_whatsapp: ['sur WhatsApp', 'on WhatsApp'],
  optOut_all: ['sur aucun canal', 'on any channel'],
  optOutByWord: ['le client a répondu', 'the guest replied'],
  optOutByTwilio: [
    'Twilio refuse les envois vers ce numéro (21610 : le client s’est désabonné)',
    'Twilio refuses sends to this number (21610: the guest unsubscribed)',
  ],
  optOutHint: [
    'Il peut se réabonner en répondant START. Appelez-le si besoin.',
    'They can opt back in by replying START. Call them if needed.',
  ],
  notDelivered: ['Message non remis', 'Message not delivered'],
  code: ['code', 'code'],
  purpose_waitlist_ready: ['Table prête (liste d’attente)', 'Table ready (waitlist)'],
  purpose_delivery_alert: ['Message non remis', 'Message not delivered'],
  purpose_message: ['Message', 'Message'],
  // Waitlist
  waitlist: ['Liste d’attente', 'Waitlist'],
  addToWaitlist: ['Ajouter à la liste', 'Add to the list'],
  quotedWait: ['Délai annoncé (min)', 'Quoted wait (min)'],
  quoted: ['annoncées', 'quoted'],
  guestLanguage: ['Langue du client', 'Guest’s language'],
  waited: ['Attente', 'Waited'],
  soonestTables: ['Tables libres au plus tôt', 'Soonest tables'],
  freeNow: ['libre maintenant', 'free now'],
  freeAt: ['libre à', 'free at'],
  tableReady: ['Table prête', 'Table ready'],
  textAgain: ['Renvoyer le SMS', 'Text again'],
  tableReadySent: ['SMS « table prête » envoyé.', '“Table ready” text sent.'],
  waitlistAdded: ['Ajouté à la liste d’attente.', 'Added to the waitlist.'],
  waitlistSeated: ['Installé : réservation sans rendez-vous créée.', 'Seated: walk-in booking made.'],
  waitlistRemoved: ['Retiré de la liste.', 'Taken off the list.'],
  removeFromWaitlist: ['Retirer', 'Remove'],
  waitlistEmpty: ['Personne n’attend.', 'Nobody is waiting.'],
  waitlist_waiting: ['En attente', 'Waiting'],
  waitlist_notified: ['Prévenu', 'Texted'],
  waitlist_coming: ['Arrive', 'On the way'],
  waitlist_seated: ['Installé', 'Seated'],
  waitlist_cancelled: ['Retiré', 'Gone'],
} satisfies Record<string, [string, string]>;

export type WordKey = keyof typeof WORDS;

/** Table zones the editor offers, in the order it offers them. */
export const ZONES = ['main', 'window', 'back', 'terrace', 'bar', 'private', 'upstairs'] as const;

/** A service's name in the staff member's language: lunch and dinner by the catalogue, others by their label. */
export function serviceName(name: string, services: readonly Service[] = [], l: Lang = lang.get()): string {
  if (name === 'lunch' || name === 'dinner' || name === 'other') return t(name, l);
  const label = services.find((s) => s.name === name && s.label)?.label;
  return label ? label[l] : name;
}

/** A table zone in the staff member's language (a zone the restaurant made up is shown as written). */
export function zoneName(zone: string, l: Lang = lang.get()): string {
  const key = `zone_${zone}`;
  return key in WORDS ? t(key as WordKey, l) : zone;
}

export function t(key: WordKey, l: Lang = lang.get()): string {
  return WORDS[key][l === 'fr' ? 0 : 1];
}

/** A word by a key made at run time (status_…, channel_…), or the key's tail when unknown. */
export function tv(prefix: string, value: string): string {
  const key = `${prefix}_${value}`;
  return key in WORDS ? t(key as WordKey) : value;
}

/** The API's error codes in the user's words; unknown codes keep the server's message. */
const ERRORS: Record<string, [string, string]> = {
  unavailable: ['Impossible : la table ou le créneau est déjà pris.', 'Not possible: that table or time is taken.'],
  invalid_transition: ['Ce changement de statut n’est pas permis.', 'That status change is not allowed.'],
  conflict: ['Conflit avec l’état actuel', 'Conflicts with the current state'],
  forbidden: ['Réservé aux administrateurs.', 'Admins only.'],
  not_found: ['Introuvable (supprimé entre-temps ?).', 'Not found (removed meanwhile?).'],
  network: ['Le serveur ne répond pas.', 'The server cannot be reached.'],
  rate_limited: ['Trop de requêtes, réessayez dans un instant.', 'Too many requests; try again shortly.'],
  past_time: ['Ce moment est déjà passé.', 'That time has already passed.'],
  closed: ['Le restaurant est fermé à ce moment-là.', 'The restaurant is closed then.'],
};

/** Every text of the catalogue in one language (for the test that looks for untranslated words). */
export function catalogue(l: Lang): string[] {
  const i = l === 'fr' ? 0 : 1;
  return [...Object.values(WORDS), ...Object.values(ERRORS)].map((pair) => pair[i]);
}

export function errorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const pair = e.code ? ERRORS[e.code] : undefined;
  if (!pair) return e.message ?? String(err);
  // A conflict's own message names what is in the way: keep it after the translated lead.
  return e.code === 'conflict' && e.message
    ? `${pair[lang.get() === 'fr' ? 0 : 1]} — ${e.message}`
    : pair[lang.get() === 'fr' ? 0 : 1];
}
