// The server's log: pino, JSON lines in production (for a log collector), readable lines in
// development. Messages and string fields go through the mask: guests' numbers never reach a
// log in clear, nor does a password or a token.
import pino, { type Logger } from 'pino';
import { logFields } from './log-context';
import { maskedPhone } from '../booking-core/phone';

/** +33 6 12 34 56 78 → +33 6•• •• •• 78: enough to tell two guests apart, not to call them. */
// Not inside a word: request ids and UUIDs keep their digits.
const PHONE = /(?<![\w-])(\+?\(?\d[\d\s().-]{6,}\d)(?!\w)/g;
export function maskPhones(text: string): string {
  return text.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '');
    // Dates (2026-11-24 19…) and short numbers are not phones.
    if (digits.length < 8 || /\d{4}-\d{2}-\d{2}/.test(match)) return match;
    return maskedPhone(match);
  });
}

/** Passwords in URLs (smtp://user:secret@host, mongodb://user:secret@host) and "password" fields. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;
const PASSWORD_FIELD = /("?(?:password|passwd|pass|secret|token)"?\s*[:=]\s*"?)[^\s",}]+/gi;

/** A log line as it may be written: phone numbers masked, no password or token in clear. */
export function maskLine(text: string): string {
  return maskPhones(text.replace(URL_PASSWORD, '$1•••@').replace(PASSWORD_FIELD, '$1•••'));
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** Development output: `12:03:04 info  [http] GET /health 200 2ms req=…`. */
function readableLines(): { write(line: string): void } {
  return {
    write(line: string) {
      const { time, level, msg, component, reqId, ...rest } = JSON.parse(line) as Record<string, unknown>;
      delete rest.pid;
      delete rest.hostname;
      const extra = Object.entries(rest)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      const clock = new Date(Number(time)).toISOString().slice(11, 19);
      const tag = component ? `[${String(component)}] ` : '';
      const id = reqId ? ` req=${String(reqId)}` : '';
      const name = (LEVEL_NAMES[Number(level)] ?? 'info').padEnd(5);
      process.stdout.write(`${clock} ${name} ${tag}${String(msg)}${id}${extra ? ` ${extra}` : ''}\n`);
    },
  };
}

export function createLogger(options: { production: boolean; level?: string }): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? (options.production ? 'info' : 'debug'),
    base: options.production ? undefined : null,
    formatters: { log: (o: Record<string, unknown>) => maskObject(o) },
  };
  return options.production ? pino(settings) : pino(settings, readableLines());
}

function maskObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === 'string' ? maskLine(v) : v;
  return out;
}

/**
 * The server's modules log one line at a time, `[component] message`; this turns each into a
 * pino record with its component and a level (failures are warnings or errors).
 */
export function lineLogger(logger: Logger): (line: string) => void {
  return (line: string) => {
    const m = /^\[([\w-]+)\]\s*(.*)$/s.exec(line);
    const component = m?.[1];
    const msg = maskLine(m ? m[2] : line);
    const fields = { ...(component ? { component } : {}), ...logFields() };
    if (/uncaught|unexpected error|\n\s+at /i.test(msg)) logger.error(fields, msg);
    else if (/\b(fail|failed|error|refused|could not)\b/i.test(msg)) logger.warn(fields, msg);
    else logger.info(fields, msg);
  };
}
