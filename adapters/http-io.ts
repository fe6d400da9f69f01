// Reading webhook bodies and writing answers on the bot's restify server, whatever body parsing
// the server does globally: the raw body is what Twilio signed, so it is recovered as sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookReply } from './replay-guard';

/** Twilio's form posts are a few kilobytes; a web chat message is smaller still. */
export const MAX_BODY_BYTES = 64 * 1024;

export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type MaybeParsed = IncomingMessage & { rawBody?: unknown; body?: unknown };

/** The request body as text: restify's bodyReader output if it already ran, else read here. */
export async function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const r = req as MaybeParsed;
  const already = typeof r.rawBody === 'string' || Buffer.isBuffer(r.rawBody) ? r.rawBody : r.body;
  if (typeof already === 'string' || Buffer.isBuffer(already)) {
    const text = already.toString();
    if (Buffer.byteLength(text) > limit) throw new BodyError(413, 'too_large', 'request body too large');
    return text;
  }
  if (already && typeof already === 'object') {
    // A parser ran and kept no raw text: rebuild a form from its flat fields.
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(already)) if (typeof v === 'string') params.append(k, v);
    return params.toString();
  }
  if (req.readableEnded) return '';
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyError(413, 'too_large', 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** application/x-www-form-urlencoded → flat string map (Twilio never repeats a parameter). */
export function parseForm(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
  return out;
}

export function sendReply(res: ServerResponse, reply: WebhookReply): void {
  if (res.headersSent) return;
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType,
    'Content-Length': Buffer.byteLength(reply.body),
    'Cache-Control': 'no-store',
  });
  res.end(reply.body);
}

/** The project's JSON error shape: {"error": code, "message": text}. */
export function jsonError(status: number, code: string, message: string): WebhookReply {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ error: code, message }) };
}

export function jsonReply(status: number, value: unknown): WebhookReply {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

export function xmlReply(body: string): WebhookReply {
  return { status: 200, contentType: 'text/xml; charset=utf-8', body };
}

/** Text fit for a bot turn: no control characters or broken surrogates, bounded length. */
export function cleanText(input: string | undefined, maxChars: number): string {
  if (!input) return '';
  const printable = input
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (printable.length <= maxChars) return printable;
  // Cut at a word boundary near the limit: nobody books a table in more than a few sentences.
  const cut = printable.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return (space > maxChars * 0.8 ? cut.slice(0, space) : cut).trim();
}
