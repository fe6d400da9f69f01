// The parts of Electron's main-process module that main.ts touches, typed here so the project
// type-checks where Electron is not installed (its package is optional).

export interface IpcEvent {
  senderFrame: { url: string } | null;
}

export interface WebContents {
  on(event: 'will-navigate', listener: (e: { preventDefault(): void }, url: string) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  getURL(): string;
}

export interface BrowserWindowInstance {
  loadURL(url: string): Promise<void>;
  isFocused(): boolean;
  flashFrame(flag: boolean): void;
  show(): void;
  focus(): void;
  on(event: 'focus' | 'closed', listener: () => void): void;
  webContents: WebContents;
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  minWidth?: number;
  minHeight?: number;
  title: string;
  backgroundColor?: string;
  autoHideMenuBar?: boolean;
  webPreferences: { preload: string; contextIsolation: true; nodeIntegration: false; sandbox: true; webSecurity: true };
}

export interface TrayInstance {
  setToolTip(text: string): void;
  setTitle?(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): void;
}

export interface ElectronMain {
  app: {
    whenReady(): Promise<void>;
    getPath(name: 'userData'): string;
    setBadgeCount(count: number): boolean;
    on(event: 'window-all-closed' | 'before-quit', listener: () => void): void;
    quit(): void;
    getLocale(): string;
    requestSingleInstanceLock(): boolean;
  };
  BrowserWindow: new (options: BrowserWindowOptions) => BrowserWindowInstance;
  Tray: new (icon: unknown) => TrayInstance;
  Menu: { buildFromTemplate(items: { label: string; click?: () => void; type?: 'separator' }[]): unknown };
  Notification: (new (options: {
    title: string;
    body: string;
    silent?: boolean;
  }) => { show(): void; on(event: 'click', listener: () => void): void }) & { isSupported(): boolean };
  nativeImage: { createFromPath(path: string): unknown; createFromDataURL(url: string): unknown };
  safeStorage: {
    isEncryptionAvailable(): boolean;
    encryptString(plain: string): Buffer;
    decryptString(encrypted: Buffer): string;
  };
  ipcMain: {
    handle(channel: string, listener: (event: IpcEvent, ...args: unknown[]) => unknown): void;
    on(channel: string, listener: (event: IpcEvent, ...args: unknown[]) => void): void;
  };
  shell: { openExternal(url: string): Promise<void> };
}
