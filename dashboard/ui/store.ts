// Data shared by the views: the restaurant, its tables, and alerts to show.
import { api } from './api';
import { signal } from './signal';
import type { Restaurant, Table } from './types';

export const restaurant = signal<Restaurant | null>(null);
export const tables = signal<Table[]>([]);

export interface Toast {
  id: number;
  kind: 'new' | 'info' | 'error';
  title: string;
  body: string;
  reservationId?: string;
}
export const toasts = signal<Toast[]>([]);
let toastSeq = 0;

export function toast(t: Omit<Toast, 'id'>, ms = 8000): void {
  const id = ++toastSeq;
  toasts.set([...toasts.get(), { ...t, id }].slice(-4));
  setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number): void {
  toasts.set(toasts.get().filter((t) => t.id !== id));
}

export async function loadBasics(): Promise<void> {
  const [r, ts] = await Promise.all([api.restaurant(), api.tables()]);
  restaurant.set(r);
  tables.set(ts);
}

const SOUND_KEY = 'maitre.sound';
export const soundOn = signal(typeof localStorage !== 'undefined' && localStorage.getItem(SOUND_KEY) === '1');
export function setSound(on: boolean): void {
  localStorage.setItem(SOUND_KEY, on ? '1' : '0');
  soundOn.set(on);
  if (on) chime();
}

/** A short two-note chime, made on the spot (no audio file to load). */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    [880, 1320].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + i * 0.18 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.18 + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.18);
      osc.stop(ctx.currentTime + i * 0.18 + 0.4);
    });
    setTimeout(() => void ctx.close(), 1200);
  } catch {
    // No audio on this device: the visible alert is enough.
  }
}
