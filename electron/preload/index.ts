import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isAppRoute } from '@shared/ipc/app-routes';
import {
  APP_COMMANDS,
  type AppCommand,
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
} from '@shared/ipc/channels';
import type { CrmBridge, Unsubscribe } from '@shared/ipc/contract';

// The only door between the page and the main process (CONVENTIONS.md 6): a frozen object of functions,
// each bound to one channel of the contract. `ipcRenderer` itself never reaches the page, so the page
// cannot send on other channels or listen to anything but the two events below. The main process validates
// every argument again. Imports stay type-only or zod-free: this file is bundled to CommonJS and runs in the
// sandbox.

/**
 * A subscription to one main → renderer event: the page's listener gets only payloads that pass `accept`
 * (never the IPC event object, which would expose `sender`), and gets back a function that unsubscribes.
 */
function subscribe<T>(channel: string, accept: (payload: unknown) => payload is T) {
  return (listener: (payload: T) => void): Unsubscribe => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => {
      if (accept(payload)) listener(payload);
    };
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  };
}

const isAppCommand = (payload: unknown): payload is AppCommand =>
  (APP_COMMANDS as readonly unknown[]).includes(payload);

const bridge = {
  getAppInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getAppInfo),
  setLanguage: (language) => ipcRenderer.invoke(BRIDGE_CHANNELS.setLanguage, language),
  takePendingRoute: () => ipcRenderer.invoke(BRIDGE_CHANNELS.takePendingRoute),
  openExternal: (url) => ipcRenderer.invoke(BRIDGE_CHANNELS.openExternal, url),
  showNotification: (notification) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.showNotification, {
      title: notification.title,
      body: notification.body,
    }),
  showReminder: (reminder) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.showReminder, {
      title: reminder.title,
      body: reminder.body,
      route: reminder.route,
    }),
  getToken: (key) => ipcRenderer.invoke(BRIDGE_CHANNELS.getToken, key),
  setToken: (key, token) => ipcRenderer.invoke(BRIDGE_CHANNELS.setToken, key, token),
  deleteToken: (key) => ipcRenderer.invoke(BRIDGE_CHANNELS.deleteToken, key),
  clearTokens: () => ipcRenderer.invoke(BRIDGE_CHANNELS.clearTokens),
  setTraySyncState: (status) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.setTraySyncState, {
      state: status.state,
      pendingChanges: status.pendingChanges,
    }),
  exportPdf: (request) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.exportPdf, {
      suggestedName: request.suggestedName,
      landscape: request.landscape,
    }),
  onNavigate: subscribe(BRIDGE_EVENTS.onNavigate, isAppRoute),
  onCommand: subscribe(BRIDGE_EVENTS.onCommand, isAppCommand),
} satisfies CrmBridge;

contextBridge.exposeInMainWorld('crm', bridge);
