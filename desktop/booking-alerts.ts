// A native notification and a tray badge for each new booking; the count clears when the
// cashier looks at the window.
import type { AlertsLike } from './electron-api';

export interface NewBooking {
  customerName: string;
  partySize: number;
  startAt: string;
  channel: string;
}

const CHANNELS: Record<'fr' | 'en', Record<string, string>> = {
  fr: {
    voice: 'téléphone',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    webchat: 'chat web',
    website: 'site web',
    dashboard: 'salle',
  },
  en: {
    voice: 'phone',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    webchat: 'web chat',
    website: 'website',
    dashboard: 'front desk',
  },
};

export function describeBooking(r: NewBooking, lang: 'fr' | 'en', timezone: string): { title: string; body: string } {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  let when = r.startAt;
  try {
    when = new Intl.DateTimeFormat(locale, {
      timeZone: timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(r.startAt));
  } catch {
    // keep the ISO text
  }
  const people = lang === 'fr' ? `${r.partySize} pers.` : `${r.partySize} ${r.partySize === 1 ? 'guest' : 'guests'}`;
  return {
    title: lang === 'fr' ? 'Nouvelle réservation' : 'New booking',
    body: `${r.customerName} · ${people} · ${when} (${CHANNELS[lang][r.channel] ?? r.channel})`,
  };
}

export class BookingAlerts {
  private unseen = 0;

  constructor(
    private readonly alerts: AlertsLike,
    private readonly options: { language: () => 'fr' | 'en'; timezone: () => string; onClick?: () => void },
  ) {}

  newBooking(r: NewBooking, windowFocused: boolean): void {
    const { title, body } = describeBooking(r, this.options.language(), this.options.timezone());
    this.alerts.notify(title, body, this.options.onClick);
    if (!windowFocused) {
      this.unseen += 1;
      this.alerts.setBadge(this.unseen);
    }
  }

  /** The window was looked at. */
  seen(): void {
    if (this.unseen === 0) return;
    this.unseen = 0;
    this.alerts.setBadge(0);
  }

  count(): number {
    return this.unseen;
  }
}
