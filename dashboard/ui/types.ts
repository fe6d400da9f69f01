// What the staff API returns, as the dashboard uses it (mirrors booking-core's wire shapes).
export type Status = 'held' | 'confirmed' | 'seated' | 'completed' | 'cancelled' | 'no_show';
export type Channel = 'voice' | 'sms' | 'whatsapp' | 'webchat' | 'website' | 'dashboard';
export const STATUSES: Status[] = ['confirmed', 'seated', 'completed', 'no_show', 'cancelled'];
export const CHANNELS: Channel[] = ['voice', 'sms', 'whatsapp', 'webchat', 'website', 'dashboard'];

export interface Reservation {
  id: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
  partySize: number;
  startAt: string;
  endAt: string;
  tableIds: string[];
  status: Status;
  channel: Channel;
  language: 'fr' | 'en';
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface Table {
  id: string;
  name: string;
  seatsMin: number;
  seatsMax: number;
  zone: string;
  active: boolean;
}

export interface Service {
  name: string;
  open: string;
  close: string;
  lastSeatingMinutes: number;
}

export interface Rules {
  slotStepMinutes: number;
  turnTimes: { maxParty: number | null; minutes: number }[];
  bufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  maxPartySize: number;
  maxCoversPerSlot: number | null;
  holdMinutes: number;
}

export interface Bilingual {
  fr: string;
  en: string;
}

export interface Dish {
  name: Bilingual;
  description?: Bilingual;
  price: number;
  allergens?: string[];
}

export interface MenuSection {
  title: Bilingual;
  dishes: Dish[];
}

export interface Restaurant {
  id: string;
  name: string;
  timezone: string;
  languages: ('fr' | 'en')[];
  defaultLanguage: 'fr' | 'en';
  address: string;
  phone: string;
  email?: string;
  services: Record<string, Service[]>;
  closures: { date: string; reason?: string }[];
  rules: Rules;
  menu: MenuSection[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'staff';
  disabled: boolean;
  createdAt: string;
}

export interface TranscriptEntry {
  conversationId: string;
  channel: string;
  from: string;
  text: string;
  at: string;
}

export interface ConversationSummary {
  id: string;
  channel: string;
  address: string;
  language: string | null;
  startedAt: string;
  lastAt: string;
  turns: number;
  reservationIds: string[];
  outcome: string | null;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'not_configured' | 'suppressed';
export type MessageKind = 'sms' | 'whatsapp' | 'email';

/** An outbox entry as GET /api/admin/outbox gives it (bot/outbox/routes.ts publicOutboxEntry). */
export interface OutboxItem {
  id: string;
  kind: MessageKind;
  to: string;
  subject: string | null;
  body: string;
  purpose: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  reservationId: string | null;
  createdAt: string;
  sentAt: string | null;
  providerId: string | null;
}
