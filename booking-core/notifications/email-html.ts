// The HTML part of a guest's email: the same words as its plain-text part (the catalogues write
// them once), set as paragraphs under the restaurant's name, with its address and phone at the
// foot. Everything is escaped: the guest's name and notes are data, never markup.
import type { Language } from '../model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export interface EmailHtmlParts {
  language: Language;
  subject: string;
  /** The plain-text body: blank lines part paragraphs, single newlines break lines. */
  text: string;
  restaurantName: string;
  restaurantAddress: string;
  restaurantPhone: string;
}

export function emailHtml(p: EmailHtmlParts): string {
  const paragraphs = p.text
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p style="margin:0 0 14px">${para.split('\n').map(escapeHtml).join('<br>')}</p>`);
  const foot = [p.restaurantName, p.restaurantAddress, p.restaurantPhone].filter(Boolean).map(escapeHtml).join('<br>');
  return [
    '<!doctype html>',
    `<html lang="${p.language}"><head><meta charset="utf-8"><title>${escapeHtml(p.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f6f3ee;font-family:Georgia,serif;color:#2b2118">',
    '<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px 28px;border-radius:8px">',
    `<h1 style="margin:0 0 18px;font-size:22px;color:#5a1e1b">${escapeHtml(p.restaurantName)}</h1>`,
    ...paragraphs,
    `<p style="margin:24px 0 0;font-size:13px;color:#6b5e52">${foot}</p>`,
    '</div></body></html>',
  ].join('\n');
}
