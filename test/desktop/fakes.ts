// Fakes for the Electron APIs the cashier app's main process uses.
import type { AlertsLike, FilesLike, SafeStorageLike, SocketLike, WindowLike } from '../../desktop/electron-api';

export class MemoryFiles implements FilesLike {
  readonly data = new Map<string, Buffer>();
  read(path: string): Buffer | null {
    return this.data.get(path) ?? null;
  }
  write(path: string, data: Buffer | string): void {
    this.data.set(path, Buffer.isBuffer(data) ? data : Buffer.from(data));
  }
  remove(path: string): void {
    this.data.delete(path);
  }
}

/** Reversible "encryption" that never leaves the plain text visible. */
export class FakeSafeStorage implements SafeStorageLike {
  constructor(public available = true) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a));
  }
  decryptString(encrypted: Buffer): string {
    if (encrypted[0] === 0) throw new Error('cannot decrypt');
    return Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8');
  }
}

export class FakeWindow implements WindowLike {
  readonly urls: string[] = [];
  focused = false;
  flashing = false;
  loadURL(url: string): void {
    this.urls.push(url);
  }
  isFocused(): boolean {
    return this.focused;
  }
  flashFrame(flag: boolean): void {
    this.flashing = flag;
  }
  get current(): string {
    return this.urls[this.urls.length - 1] ?? '';
  }
  /** The HTML of a data: URL page. */
  get currentHtml(): string {
    return decodeURIComponent(this.current.replace(/^data:text\/html;charset=utf-8,/, ''));
  }
}

export class FakeAlerts implements AlertsLike {
  readonly shown: { title: string; body: string }[] = [];
  badge = 0;
  notify(title: string, body: string): void {
    this.shown.push({ title, body });
  }
  setBadge(count: number): void {
    this.badge = count;
  }
}

export class FakeSocket implements SocketLike {
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  closed = false;
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}
  on(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  close(): void {
    this.closed = true;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
