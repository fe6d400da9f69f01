// The cashier desktop app's main process (Electron). It only wires Electron to the
// DesktopController; all behaviour is in controller.ts and tested there with fakes.
// Built by `npm run build` to dist/desktop/main.js; `npm run desktop` starts it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { io } from 'socket.io-client';
import { DesktopController } from './controller';
import type { FilesLike } from './electron-api';
import type { ElectronMain } from './electron-main-types';
import { OfflineCache } from './offline-cache';
import { SettingsStore } from './settings';
import { TokenStore } from './token-store';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as ElectronMain;
const { app, BrowserWindow, Tray, Menu, Notification, nativeImage, safeStorage, ipcMain, shell } = electron;

const files: FilesLike = {
  read: (p) => {
    try {
      return readFileSync(p);
    } catch {
      return null;
    }
  },
  write: (p, data) => writeFileSync(p, data, { mode: 0o600 }),
  remove: (p) => rmSync(p, { force: true }),
};

// A 16×16 tray icon drawn inline (a burgundy "M" square), so the app ships no binary asset.
const TRAY_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAARklEQVR4nGNgoAbo0bf8Tw6mvgEwgEsDujxOA7AZ' +
  'gk0OrwHICnGJYzUAmwZkjUQZQMg1RBmAK1BJMgBXTAxiAwYuKQ8oAACTeLhMitIxwAAAAABJRU5ErkJggg==';

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });

  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Maître',
    backgroundColor: '#f5f3ee',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, 'preload.js'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    },
  });

  const tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON));
  tray.setToolTip('Maître');
  const controller: DesktopController = new DesktopController({
    window: win,
    alerts: {
      notify(title, body) {
        if (!Notification.isSupported()) return;
        const n = new Notification({ title, body });
        n.on('click', () => {
          win.show();
          win.focus();
        });
        n.show();
      },
      setBadge(count) {
        app.setBadgeCount(count);
        tray.setToolTip(count ? `Maître — ${count}` : 'Maître');
        tray.setTitle?.(count ? String(count) : '');
      },
    },
    settings: new SettingsStore(files, join(dataDir, 'settings.json')),
    tokens: new TokenStore(safeStorage, files, join(dataDir, 'token.bin')),
    cache: new OfflineCache(files, join(dataDir, 'last-list.json')),
    connect: (url, token) =>
      io(url, { auth: { token }, transports: ['websocket'], reconnectionDelay: 1000, reconnectionDelayMax: 10_000 }),
    probe: async (url) => {
      try {
        const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
        return r.ok;
      } catch {
        return false;
      }
    },
    setupPageUrl: pathToFileURL(join(__dirname, 'pages', 'setup.html')).href,
    log: (line) => console.log(line),
  });

  tray.setContextMenu(
    Menu.buildFromTemplate([
      {
        label: 'Maître',
        click: () => {
          win.show();
          win.focus();
        },
      },
      { type: 'separator', label: '' },
      {
        label: app.getLocale().startsWith('fr') ? 'Changer de serveur…' : 'Change server…',
        click: () => void controller.resetServer(),
      },
      { label: app.getLocale().startsWith('fr') ? 'Quitter' : 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', () => {
    win.show();
    win.focus();
  });
  win.on('focus', () => controller.windowFocused());

  // The window shows the server's pages and the app's own; any other link opens in the browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e, url) => {
    const current = win.webContents.getURL();
    try {
      if (new URL(url).origin !== new URL(current).origin) e.preventDefault();
    } catch {
      e.preventDefault();
    }
  });

  const sender = (e: { senderFrame: { url: string } | null }) => e.senderFrame?.url ?? '';
  ipcMain.handle('maitre:getToken', (e) => controller.getToken(sender(e)));
  ipcMain.handle('maitre:setToken', (e, token) =>
    controller.setToken(sender(e), typeof token === 'string' ? token : null),
  );
  ipcMain.on('maitre:reportList', (e, payload) => controller.reportList(sender(e), payload));
  ipcMain.handle('maitre:setServerUrl', (e, url) => {
    // Only the app's own setup page may choose the server.
    if (!sender(e).startsWith('file:')) return { ok: false, error: 'forbidden' };
    return controller.setServerUrl(typeof url === 'string' ? url : '');
  });

  app.on('before-quit', () => controller.stop());
  app.on('window-all-closed', () => app.quit());
  await controller.start();
}

main().catch((err: Error) => {
  console.error(`Maître desktop could not start: ${err.message}`);
  app.quit();
});
