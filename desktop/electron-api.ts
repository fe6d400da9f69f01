// The few Electron APIs the cashier app uses, as narrow interfaces: main.ts passes Electron's
// own objects, the tests pass fakes (Electron's binary cannot be installed everywhere).

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface FilesLike {
  read(path: string): Buffer | null;
  write(path: string, data: Buffer | string): void;
  remove(path: string): void;
}

/** The window as the controller drives it. */
export interface WindowLike {
  loadURL(url: string): Promise<void> | void;
  isFocused(): boolean;
  flashFrame(flag: boolean): void;
}

export interface AlertsLike {
  /** A native notification; `onClick` brings the window forward. */
  notify(title: string, body: string, onClick?: () => void): void;
  /** Tray badge / dock count; 0 clears it. */
  setBadge(count: number): void;
}

/** What a socket.io client offers the desktop's live feed. */
export interface SocketLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  close(): unknown;
}

export type ConnectSocket = (url: string, token: string) => SocketLike;

/** Is the server answering? (GET /health). */
export type Probe = (serverUrl: string) => Promise<boolean>;
