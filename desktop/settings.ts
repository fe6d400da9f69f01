// The app's own settings: the server URL chosen on first run, kept in the user data folder.
import type { FilesLike } from './electron-api';

export interface DesktopSettings {
  serverUrl: string | null;
  /** UI language of the app's own pages (setup, offline). */
  language: 'fr' | 'en';
}

const DEFAULTS: DesktopSettings = { serverUrl: null, language: 'fr' };

/** An http(s) origin with no path, or null when the text is not one. */
export function normaliseServerUrl(input: string): string | null {
  let text = input.trim();
  if (!text) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^https?:\/\//i.test(text)) return null;
  if (!/^https?:\/\//i.test(text)) text = `http://${text}`;
  try {
    const u = new URL(text);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.username || u.password) return null;
    return u.origin;
  } catch {
    return null;
  }
}

export class SettingsStore {
  constructor(
    private readonly files: FilesLike,
    private readonly path: string,
  ) {}

  load(): DesktopSettings {
    const raw = this.files.read(this.path);
    if (!raw) return { ...DEFAULTS };
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as Partial<DesktopSettings>;
      return {
        serverUrl: typeof parsed.serverUrl === 'string' ? normaliseServerUrl(parsed.serverUrl) : null,
        language: parsed.language === 'en' ? 'en' : 'fr',
      };
    } catch {
      // A damaged file is a first run again, not a crash.
      return { ...DEFAULTS };
    }
  }

  save(settings: DesktopSettings): void {
    this.files.write(this.path, JSON.stringify(settings, null, 2));
  }
}
