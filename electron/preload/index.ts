import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS } from '@shared/ipc/channels';
import type { CrmBridge } from '@shared/ipc/contract';

// The only door between the page and the main process (CONVENTIONS.md 6): a frozen object of functions,
// each bound to one channel of the contract. `ipcRenderer` itself never reaches the page, so the page
// cannot send on other channels or listen to anything. The main process validates every argument again.
// Imports stay type-only or zod-free: this file is bundled to CommonJS and runs in the sandbox.

const bridge = {
  getAppInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getAppInfo),
  openExternal: (url) => ipcRenderer.invoke(BRIDGE_CHANNELS.openExternal, url),
  showNotification: (notification) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.showNotification, { title: notification.title, body: notification.body }),
} satisfies CrmBridge;

contextBridge.exposeInMainWorld('crm', bridge);
