// Test doubles that speak the real protocols: an SMTP server on loopback (smtp-server) and a
// local HTTP server answering Twilio's Messages API, reached through the twilio package.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** Headers and body with quoted-printable undone, for reading. */
  text: string;
}

/** Undoes quoted-printable (soft line breaks, =XX bytes) and RFC 2047 words in headers. */
export function readableMail(raw: string): string {
  const unfolded = raw.replace(/\?=\r?\n[ \t]+=\?/g, '?==?');
  const headersDecoded = unfolded.replace(/=\?utf-8\?Q\?([^?]*)\?=/gi, (_m, q: string) => qp(q.replace(/_/g, ' ')));
  return qp(headersDecoded.replace(/=\r?\n/g, ''));
}

function qp(s: string): string {
  return s.replace(/(?:=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(
      run
        .split('=')
        .slice(1)
        .map((h) => parseInt(h, 16)),
    ).toString('utf8'),
  );
}

/** An SMTP server that accepts mail, or refuses it with a 451 while `failing` is set. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  failing = false;
  refused = 0;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.failing) {
            this.refused++;
            callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
            return;
          }
          this.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            text: readableMail(Buffer.concat(chunks).toString('utf8')),
          });
          callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface TwilioMessage {
  accountSid: string;
  To: string;
  From: string;
  Body?: string;
  ContentSid?: string;
  ContentVariables?: string;
  MessagingServiceSid?: string;
  StatusCallback?: string;
  /** The SID the double answered with. */
  sid: string;
}

/** Answers POST /2010-04-01/Accounts/{sid}/Messages.json as Twilio does. */
export class TwilioApiDouble {
  readonly messages: TwilioMessage[] = [];
  /** Numbers Twilio refuses, with its error (e.g. 21610 for an unsubscribed recipient). */
  readonly refuse = new Map<string, { status: number; code: number; message: string }>();
  private server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  to(number: string): TwilioMessage[] {
    return this.messages.filter((m) => m.To === number || m.To === `whatsapp:${number}`);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const m = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
      const auth = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      if (!m || req.method !== 'POST')
        return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      if (!auth.startsWith(`${m[1]}:`)) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
      const form = Object.fromEntries(new URLSearchParams(body));
      const refusal = this.refuse.get(form.To) ?? this.refuse.get(form.To?.replace(/^whatsapp:/, ''));
      if (refusal)
        return json(refusal.status, {
          code: refusal.code,
          message: refusal.message,
          more_info: `https://www.twilio.com/docs/errors/${refusal.code}`,
          status: refusal.status,
        });
      const message: TwilioMessage = {
        accountSid: m[1],
        To: form.To,
        From: form.From,
        Body: form.Body,
        ContentSid: form.ContentSid,
        ContentVariables: form.ContentVariables,
        MessagingServiceSid: form.MessagingServiceSid,
        StatusCallback: form.StatusCallback,
        sid: `SM${randomBytes(16).toString('hex')}`,
      };
      if (!form.To || (!form.From && !form.MessagingServiceSid))
        return json(400, {
          code: 21603,
          message: "A 'From' or 'MessagingServiceSid' parameter is required",
          status: 400,
        });
      this.messages.push(message);
      json(201, {
        sid: message.sid,
        messaging_service_sid: form.MessagingServiceSid ?? null,
        account_sid: m[1],
        to: form.To,
        from: form.From,
        body: form.Body ?? '',
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: new Date().toUTCString(),
        date_updated: new Date().toUTCString(),
        date_sent: null,
        price: null,
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${m[1]}/Messages/SM.json`,
      });
    });
  }
}

/** A clock tests move by hand. */
export function manualClock(start: string) {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set: (iso: string) => {
      now = new Date(iso).getTime();
    },
    advance: (ms: number) => {
      now += ms;
    },
  });
}

export const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
