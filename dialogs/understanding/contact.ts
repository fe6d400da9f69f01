// Who the booking is for: a name, a phone number, an e-mail address.
import type { Lang } from './types';
import { WB, WE, rx, first, type Work } from './text';

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

export function takeEmail(w: Work): string | undefined {
  const m = first(EMAIL_RE, w.rest);
  if (!m) return undefined;
  w.maskMatch(m);
  return m[0].toLowerCase();
}

// 9 to 15 digits with the usual separators; '/' is left out so dates never look like phones.
const PHONE_RE = /(?<![\p{N}\p{L}])(?:\+|00)?\d[\d .\-()]{7,20}\d(?![\p{N}\p{L}])/gu;

/** E.164 from a written number: +33…, 0033…, 06 12 34 56 78 (France), (415) 555-0100 (North America). */
export function toE164(raw: string, lang: Lang): string | null {
  const digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  if (digits.startsWith('00')) return digits.length >= 10 && digits.length <= 17 ? `+${digits.slice(2)}` : null;
  if (digits.length === 10 && digits.startsWith('0')) return `+33${digits.slice(1)}`;
  if (digits.length === 9 && lang === 'fr' && /^[1-9]/.test(digits)) return `+33${digits}`;
  if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}

export function takePhone(w: Work, lang: Lang): string | undefined {
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(w.rest); m; m = PHONE_RE.exec(w.rest)) {
    const e164 = toE164(m[0], lang);
    if (e164) {
      w.maskMatch(m);
      PHONE_RE.lastIndex = 0;
      return e164;
    }
  }
  PHONE_RE.lastIndex = 0;
  return undefined;
}

// Words that end a name: what usually follows it in a booking sentence.
const STOP = new Set(
  `à a au pour le la les demain après-demain aujourd'hui et at for on tomorrow tonight today please s'il svp merci
  thanks thank avec with ce cette cet this next prochain vers around and ou or pm am h heures personnes people
  table soir midi matin evening noon lunch dinner déjeuner dîner ce-soir lundi mardi mercredi jeudi vendredi samedi
  dimanche monday tuesday wednesday thursday friday saturday sunday oui non yes no ok okay is est c'est it's parfait
  svp please s'il-vous-plaît bonjour hello hi un une deux trois quatre cinq six sept huit neuf dix one two three
  four five seven eight nine ten party de du des d' in the of personne`.split(/\s+/),
);
const PARTICLES = new Set(['de', 'du', 'des', 'le', 'la', 'van', 'von', 'der', 'di', 'da', 'del', "d'"]);
// Words a guest says instead of a name, after a weak cue like "c'est" or "it's".
const NOT_A_NAME = new Set(
  `parfait bon bien ça ca correct exact exactement noté note pour d'accord super good great fine perfect right correct
  ok okay fait tout moi nous it that me us all done possible complet pas not noon midi ici here for just fully booked
  un une a an le la the pour désolé desole sorry fermé closed ouvert open`.split(/\s+/),
);

const NAME_WORD = String.raw`[\p{L}][\p{L}'\-]*`;
const TITLE =
  '(?:monsieur|madame|mademoiselle|docteur|mme|mlle|m\\.|mister|missus|doctor|mr\\.?|mrs\\.?|ms\\.?|miss|dr\\.?)';
// Strong cues: whatever follows is the name, whatever its case.
const STRONG = rx(
  `${WB}(?:au\\s+nom\\s+d(?:e(?![\\p{L}])|')|sous\\s+le\\s+nom\\s+(?:d(?:e\\s+|'))?|je\\s+m'appelle|moi\\s+c'est|mon\\s+nom\\s+(?:est|c'est)|le\\s+nom\\s+(?:est|c'est|ce\\s+sera)|nom\\s*:|de\\s+la\\s+part\\s+d(?:e(?![\\p{L}])|')|under(?:\\s+the\\s+name(?:\\s+of)?)?|in\\s+the\\s+name\\s+of|(?:(?:my|the)\\s+)?name(?:'s|\\s+is|\\s+will\\s+be|\\s*:)?|call\\s+me)(?:${WE}|(?<='))\\s*(?:${TITLE}\\s+)?`,
);
// Weak cues: only a capitalised word (or a name we are waiting for) counts.
const WEAK = rx(`${WB}(?:c'est|ici|je\\s+suis|this\\s+is|it's|it\\s+is|i'm|i\\s+am)${WE}\\s*(?:${TITLE}\\s+)?`);

const TITLE_END = new RegExp(`${TITLE}\\s+$`, 'iu');
// "Mme Duval à l'appareil", "Mrs Duval here", "Dr Okafor speaking": a title, a name, then the cue.
const SPEAKING = rx(`${WB}${TITLE}\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})?)\\s+(?:à\\s+l'appareil|here|speaking)${WE}`);

function formatName(words: string[]): string {
  const joined = words.join(' ');
  const plain = joined === joined.toLowerCase() || joined === joined.toUpperCase();
  if (!plain) return joined;
  return words
    .map((word, i) =>
      i > 0 && PARTICLES.has(word.toLowerCase())
        ? word.toLowerCase()
        : word.toLowerCase().replace(/(^|[-'])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase()),
    )
    .join(' ');
}

/** Reads up to four name words starting at `start` in the original text; returns the span or null. */
/** `titled`: after a title, the first word is a name whatever its case (voice transcripts have none). */
function readName(w: Work, start: number, weak: boolean, titled = false): { name: string; end: number } | null {
  const re = new RegExp(`\\s*(${NAME_WORD})`, 'uy');
  const words: string[] = [];
  let pos = start;
  let end = start;
  // A lower-case name after a title is one word: what follows is the sentence ("mrs lefevre i'd like").
  const most = titled && weak && !/^\s*\p{Lu}/u.test(w.original.slice(start)) ? 1 : 4;
  while (words.length < most) {
    re.lastIndex = pos;
    const m = re.exec(w.original);
    if (!m) break;
    const word = m[1];
    const low = word.toLowerCase();
    const wordStart = m.index + m[0].length - word.length;
    if (w.rest.slice(wordStart, wordStart + word.length).trim() !== low) break; // already understood
    const isParticle = PARTICLES.has(low) && words.length > 0;
    if (isParticle) {
      // "de la Tour": a particle is part of the name only when a capitalised word follows.
      re.lastIndex = m.index + m[0].length;
      const next = re.exec(w.original);
      if (!next || !/^\p{Lu}/u.test(next[1])) break;
    } else if (STOP.has(low) && !(words.length === 0 && /^\p{Lu}/u.test(word) && !weak && low.length > 2)) {
      break;
    }
    if (weak && !isParticle && !/^\p{Lu}/u.test(word) && !(titled && words.length === 0)) break;
    if (words.length === 0 && weak && NOT_A_NAME.has(low)) return null;
    words.push(word);
    pos = m.index + m[0].length;
    end = pos;
  }
  if (!words.length) return null;
  // A trailing particle is not part of a name.
  while (words.length > 1 && PARTICLES.has(words[words.length - 1].toLowerCase())) words.pop();
  return { name: formatName(words), end };
}

export function takeName(w: Work, expectingName: boolean): string | undefined {
  const strong = first(STRONG, w.rest);
  if (strong) {
    const got = readName(w, strong.index + strong[0].length, false);
    if (got) {
      w.mask(strong.index, got.end - strong.index);
      return got.name;
    }
  }
  WEAK.lastIndex = 0;
  for (let m = WEAK.exec(w.rest); m; m = WEAK.exec(w.rest)) {
    // "it's mrs lefevre" (a voice transcript has no capitals): a title says a name follows.
    const titled = TITLE_END.test(m[0]);
    const got = readName(w, m.index + m[0].length, !expectingName, titled);
    if (got && !NOT_A_NAME.has(got.name.toLowerCase())) {
      WEAK.lastIndex = 0;
      w.mask(m.index, got.end - m.index);
      return got.name;
    }
  }
  WEAK.lastIndex = 0;
  const said = first(SPEAKING, w.rest);
  if (said) {
    const at = said.index + said[0].indexOf(said[1], said[0].search(/\s/));
    const name = w.original.slice(at, at + said[1].length);
    w.maskMatch(said);
    return formatName(name.split(/\s+/));
  }
  return undefined;
}

const SPELLING = /[,.:;-]?\s*(?:\p{L}[\s.-]+){2,}\p{L}\.?\s*$/u;
const FILLER_HEAD =
  /^\s*(?:(?:oui|yes|ok|okay|alors|euh+|heu+|hum+|um+|uh+|well|so|bien\s+sûr|sure)\s*[,.!]?\s*)*(?:(?:c'est|ce\s+sera|ce\s+serait|it's|it\s+is|it'll\s+be|je\s+suis|i'm|i\s+am|this\s+is)\s+)?(?:(?:monsieur|madame|mademoiselle|docteur|mme|mlle|m\.|mister|missus|doctor|mr\.?|mrs\.?|ms\.?|miss|dr\.?)\s+)?/iu;
const FILLER_TAIL =
  /\s*(?:[,.!?]|\s)*(?:merci(?:\s+beaucoup)?|thanks|thank\s+you|please|s'il\s+vous\s+pla[iî]t|svp)?\s*[.!?]*\s*$/iu;

/** When the bot asked for a name, the whole short answer is the name ("Dupont", "c'est Marie Durand"). */
export function bareName(w: Work): string | undefined {
  const head = FILLER_HEAD.exec(w.original);
  const start = head ? head[0].length : 0;
  // "Martin, M A R T I N": the spelling after the name is not more name.
  const body = w.original.slice(start).replace(SPELLING, '').replace(FILLER_TAIL, '');
  const words = body.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 4) return undefined;
  if (!words.every((word) => new RegExp(`^${NAME_WORD}$`, 'u').test(word))) return undefined;
  if (words.length === 1 && (STOP.has(words[0].toLowerCase()) || NOT_A_NAME.has(words[0].toLowerCase())))
    return undefined;
  if (w.rest.slice(start, start + body.length).trim().length < body.trim().length) return undefined; // partly understood already
  w.mask(start, body.length);
  return formatName(words);
}
