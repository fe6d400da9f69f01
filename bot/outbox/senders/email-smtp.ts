// Email through nodemailer to SMTP_URL (smtp:// or smtps://, credentials in the URL).
import nodemailer from 'nodemailer';
import type { OutboxEntry } from '../../../booking-core';
import { SendError, type Sender, type SendResult } from './types';

export interface SmtpSenderOptions {
  smtpUrl: string | null;
  mailFrom: string;
  /** Connection, greeting and socket timeouts: a dead server must fail fast, not hang the worker. */
  timeoutMs?: number;
}

type ErrorWithCode = Error & { responseCode?: number; code?: string };

export class SmtpEmailSender implements Sender {
  readonly notConfigured: string | null;
  private readonly transport: nodemailer.Transporter | null;

  constructor(private readonly options: SmtpSenderOptions) {
    this.notConfigured = options.smtpUrl ? null : 'SMTP_URL is not set';
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = options.smtpUrl
      ? nodemailer.createTransport(options.smtpUrl, {
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        })
      : null;
  }

  async send(entry: OutboxEntry): Promise<SendResult> {
    if (!this.transport) throw new SendError(this.notConfigured ?? 'SMTP is not configured', true);
    try {
      const info = await this.transport.sendMail({
        from: this.options.mailFrom,
        to: entry.to,
        subject: entry.subject ?? '',
        text: entry.body,
        ...(entry.meta.html ? { html: entry.meta.html } : {}),
        // A calendar invite as text/calendar beside the text and HTML, as calendars expect it.
        ...(entry.meta.ics
          ? {
              icalEvent: { method: entry.meta.icsMethod ?? 'REQUEST', filename: 'invite.ics', content: entry.meta.ics },
            }
          : {}),
        headers: { 'X-Maitre-Outbox-Id': entry.id },
      });
      if (info.rejected.length)
        throw Object.assign(new Error(`recipient refused: ${info.rejected.join(', ')}`), { responseCode: 550 });
      return { providerId: info.messageId ?? null };
    } catch (err) {
      const e = err as ErrorWithCode;
      // 5xx is the server's final word on this message; anything else (4xx, network) may pass later.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      const detail = e.responseCode
        ? `SMTP ${e.responseCode}: ${e.message}`
        : `${e.code ? `${e.code}: ` : ''}${e.message}`;
      throw new SendError(detail.slice(0, 500), permanent);
    }
  }

  close(): void {
    this.transport?.close();
  }
}
