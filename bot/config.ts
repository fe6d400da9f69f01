// Configuration from the environment: every setting (.env.example lists them), checked once at start-up.
// A missing or malformed required setting stops start-up with one line naming it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Language } from '../booking-core';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | null;
  publicBaseUrl: string;
  production: boolean;
  jwtSecret: string;
  /** True when no JWT_SECRET was given and one was made for this run. */
  jwtSecretGenerated: boolean;
  /** How long a staff token lasts (JWT_TTL); tokens claiming longer are refused. */
  jwtTtlSeconds: number;
  /**
   * How many proxies in front of the server append to X-Forwarded-For (TRUST_PROXY); 0: the
   * header is ignored and the client is the connection's address.
   */
  trustProxy: number;
  admin: { email: string; password: string } | null;
  twilio: {
    accountSid: string | null;
    authToken: string | null;
    phoneNumber: string | null;
    whatsappNumber: string | null;
    apiBaseUrl: string | null;
    /** A Messaging Service (MG…): sends go through its sender pool; its numbers are ours. */
    messagingServiceSid?: string | null;
    /** An alphanumeric sender for SMS that need no answer (confirmations, alerts); never for reminders. */
    smsSenderId?: string | null;
    /** Twilio's Advanced Opt-Out is on: only the webhook's OptOutType opts guests out or in. */
    advancedOptOut?: boolean;
  };
  /**
   * Approved WhatsApp templates by purpose, for messages outside the 24-hour window
   * ("reminder:fr" → ContentSid "HX…").
   */
  whatsappTemplates: Record<string, string>;
  openai: { apiKey: string; baseUrl: string | null; model: string } | null;
  smtpUrl: string | null;
  mailFrom: string;
  managerEmails: string[];
  managerPhones: string[];
  defaultLocale: Language;
  tls: { certPath: string; keyPath: string } | null;
  voiceStt: 'twilio' | 'whisper';
  /** 'gather': a webhook per answer; 'relay': the call streamed through Twilio ConversationRelay. */
  voiceMode: 'gather' | 'relay';
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  /** Countries guests are texted in (ISO codes); null: the restaurant's country and its neighbours. */
  smsCountries: string[] | null;
  /** What one sender can make the restaurant do, and what it texts in all (see .env.example). */
  caps: Caps;
}

export interface Caps {
  /** Messages a day to one number that has never written to the restaurant (MESSAGES_PER_NUMBER_PER_DAY). */
  messagesPerNumberPerDay: number;
  /** Bookings to come per phone number and per email (ACTIVE_BOOKINGS_PER_GUEST). */
  activeBookingsPerGuest: number;
  /** Bookings an hour per client address, public API and web chat together (BOOKINGS_PER_ADDRESS_PER_HOUR). */
  bookingsPerAddressPerHour: number;
  /** SMS sent an hour in all; past it messages wait and staff are alerted once (SMS_PER_HOUR). */
  smsPerHour: number;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const get = (env: Env, key: string): string | null => {
  const v = env[key]?.trim();
  return v ? v : null;
};

function int(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = get(env, key);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(key, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "12h", "30m", "2d", "90s" or a number of seconds → seconds. */
function duration(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = get(env, key);
  if (raw === null) return fallback;
  const m = /^(\d+)\s*([smhd]?)$/i.exec(raw);
  const seconds = m ? Number(m[1]) * UNIT_SECONDS[(m[2] || 's').toLowerCase()] : Number.NaN;
  if (!(seconds >= min && seconds <= max))
    throw new ConfigError(key, `must be a duration like 12h, 30m or 3600 (seconds), from ${min}s to ${max / 86400}d`);
  return seconds;
}

function list(env: Env, key: string, check: (v: string) => boolean, what: string): string[] {
  const raw = get(env, key);
  if (!raw) return [];
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.find((v) => !check(v));
  if (bad) throw new ConfigError(key, `"${bad}" is not ${what}`);
  return items;
}

function url(env: Env, key: string, protocols: string[]): string | null {
  const raw = get(env, key);
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(key, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(key, `must start with ${protocols.join(' or ')}`);
  return raw;
}

/** A JSON object of ContentSids: {"reminder:fr": "HX…", "guest_confirmation": "HX…"}. */
function templates(env: Env, key: string): Record<string, string> {
  const raw = get(env, key);
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(key, 'must be a JSON object like {"reminder:fr":"HX…"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError(key, 'must be a JSON object like {"reminder:fr":"HX…"}');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'string' || !/^HX[0-9a-fA-F]{32}$/.test(v))
      throw new ConfigError(key, `"${k}" must be a ContentSid (HX followed by 32 hex digits)`);
    out[k] = v;
  }
  return out;
}

function flag(env: Env, key: string): boolean {
  const raw = get(env, key)?.toLowerCase();
  if (raw === null || raw === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(key, 'must be true or false');
}

/** Twilio's rules for an alphanumeric sender: up to 11 of A-Z a-z 0-9 space - + _ &, not only digits. */
function senderId(env: Env, key: string): string | null {
  const raw = get(env, key);
  if (raw === null) return null;
  if (!/^[A-Za-z0-9 +_&-]{1,11}$/.test(raw) || /^[0-9 ]+$/.test(raw))
    throw new ConfigError(key, 'must be 1 to 11 letters, digits, spaces or - + _ &, with at least one letter');
  return raw;
}

/** "fr, be,CH" → ["FR","BE","CH"]; unset → null. */
function countryList(env: Env, key: string): string[] | null {
  const items = list(env, key, (v) => /^[A-Za-z]{2}$/.test(v), 'a two-letter country code (FR, BE…)');
  return items.length ? items.map((v) => v.toUpperCase()) : null;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = int(env, 'PORT', 3978, 0, 65535);
  const host = get(env, 'HOST') ?? '0.0.0.0';
  const tlsCert = get(env, 'TLS_CERT_PATH');
  const tlsKey = get(env, 'TLS_KEY_PATH');
  if ((tlsCert === null) !== (tlsKey === null))
    throw new ConfigError(
      tlsCert ? 'TLS_KEY_PATH' : 'TLS_CERT_PATH',
      'HTTPS needs both TLS_CERT_PATH and TLS_KEY_PATH',
    );
  for (const [k, p] of [
    ['TLS_CERT_PATH', tlsCert],
    ['TLS_KEY_PATH', tlsKey],
  ] as const) {
    if (p && !existsSync(p)) throw new ConfigError(k, `file not found: ${p}`);
  }
  const scheme = tlsCert ? 'https' : 'http';
  const publicBaseUrl = (url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `${scheme}://localhost:${port}`).replace(
    /\/+$/,
    '',
  );

  const jwtGiven = get(env, 'JWT_SECRET');
  if (!jwtGiven && production) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  const jwtMin = production ? 32 : 16;
  if (jwtGiven && jwtGiven.length < jwtMin)
    throw new ConfigError('JWT_SECRET', `must be at least ${jwtMin} characters${production ? ' in production' : ''}`);

  const adminEmail = get(env, 'ADMIN_EMAIL');
  const adminPassword = get(env, 'ADMIN_PASSWORD');
  if ((adminEmail === null) !== (adminPassword === null))
    throw new ConfigError(adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', 'ADMIN_EMAIL and ADMIN_PASSWORD go together');
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail))
    throw new ConfigError('ADMIN_EMAIL', 'is not an email address');
  if (adminPassword && adminPassword.length < 8)
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters');

  const openaiKey = get(env, 'OPENAI_API_KEY');
  const locale = get(env, 'DEFAULT_LOCALE') ?? 'fr';
  if (!/^(fr|en)([-_][A-Za-z]{2})?$/.test(locale)) throw new ConfigError('DEFAULT_LOCALE', 'must be fr or en');
  const stt = get(env, 'VOICE_STT') ?? 'twilio';
  if (stt !== 'twilio' && stt !== 'whisper') throw new ConfigError('VOICE_STT', 'must be "twilio" or "whisper"');
  const voiceMode = get(env, 'VOICE_MODE') ?? 'gather';
  if (voiceMode !== 'gather' && voiceMode !== 'relay')
    throw new ConfigError('VOICE_MODE', 'must be "gather" or "relay"');
  const isPhone = (v: string) => /^\+[1-9]\d{6,14}$/.test(v);
  const messagingService = get(env, 'TWILIO_MESSAGING_SERVICE_SID');
  if (messagingService && !/^MG[0-9a-fA-F]{32}$/.test(messagingService))
    throw new ConfigError('TWILIO_MESSAGING_SERVICE_SID', 'must be MG followed by 32 hex digits');
  // Reminders ask for an answer: they need a number the guest can answer, whatever the service's pool holds.
  const smsSenderId = senderId(env, 'TWILIO_SMS_SENDER_ID');
  if (smsSenderId && !get(env, 'TWILIO_PHONE_NUMBER'))
    throw new ConfigError(
      'TWILIO_SMS_SENDER_ID',
      'needs TWILIO_PHONE_NUMBER: messages that ask for an answer (reminders) go from that number',
    );

  return {
    port,
    host,
    dataDir: resolve(get(env, 'DATA_DIR') ?? './data'),
    mongodbUri: url(env, 'MONGODB_URI', ['mongodb:', 'mongodb+srv:']),
    publicBaseUrl,
    production,
    jwtSecret: jwtGiven ?? randomBytes(32).toString('hex'),
    jwtSecretGenerated: !jwtGiven,
    jwtTtlSeconds: duration(env, 'JWT_TTL', 12 * 3600, 60, 30 * 24 * 3600),
    trustProxy: int(env, 'TRUST_PROXY', 0, 0, 10),
    admin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : null,
    twilio: {
      accountSid: get(env, 'TWILIO_ACCOUNT_SID'),
      authToken: get(env, 'TWILIO_AUTH_TOKEN'),
      phoneNumber: get(env, 'TWILIO_PHONE_NUMBER'),
      whatsappNumber: get(env, 'TWILIO_WHATSAPP_NUMBER'),
      apiBaseUrl: url(env, 'TWILIO_API_BASE_URL', ['http:', 'https:']),
      messagingServiceSid: messagingService,
      smsSenderId,
      advancedOptOut: flag(env, 'TWILIO_ADVANCED_OPT_OUT'),
    },
    whatsappTemplates: templates(env, 'WHATSAPP_TEMPLATES'),
    openai: openaiKey
      ? {
          apiKey: openaiKey,
          baseUrl: url(env, 'OPENAI_BASE_URL', ['http:', 'https:']),
          model: get(env, 'OPENAI_MODEL') ?? 'gpt-4o-mini',
        }
      : null,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: get(env, 'MAIL_FROM') ?? 'Maître <no-reply@localhost>',
    managerEmails: list(env, 'MANAGER_EMAILS', (v) => /^[^\s@]+@[^\s@]+$/.test(v), 'an email address'),
    managerPhones: list(env, 'MANAGER_PHONES', isPhone, 'a phone number in +E.164 form'),
    defaultLocale: locale.startsWith('en') ? 'en' : 'fr',
    tls: tlsCert && tlsKey ? { certPath: tlsCert, keyPath: tlsKey } : null,
    voiceStt: stt,
    voiceMode,
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 120, 1, 10_000_000),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000_000),
    smsCountries: countryList(env, 'SMS_COUNTRIES'),
    caps: {
      messagesPerNumberPerDay: int(env, 'MESSAGES_PER_NUMBER_PER_DAY', 5, 1, 1000),
      activeBookingsPerGuest: int(env, 'ACTIVE_BOOKINGS_PER_GUEST', 3, 1, 1000),
      bookingsPerAddressPerHour: int(env, 'BOOKINGS_PER_ADDRESS_PER_HOUR', 20, 1, 100_000),
      smsPerHour: int(env, 'SMS_PER_HOUR', 200, 1, 1_000_000),
    },
  };
}
