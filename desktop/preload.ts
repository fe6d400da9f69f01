// The page's only door to the app (contextIsolation on, no Node in the page): keep the staff
// token, report the list for offline use, and (setup page) choose the server.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer } = require('electron') as {
  contextBridge: { exposeInMainWorld(name: string, api: Record<string, unknown>): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    send(channel: string, ...args: unknown[]): void;
  };
};

contextBridge.exposeInMainWorld('maitreDesktop', {
  getToken: () => ipcRenderer.invoke('maitre:getToken'),
  setToken: (token: string | null) => ipcRenderer.invoke('maitre:setToken', token),
  reportList: (payload: unknown) => ipcRenderer.send('maitre:reportList', payload),
  setServerUrl: (url: string) => ipcRenderer.invoke('maitre:setServerUrl', url),
});
