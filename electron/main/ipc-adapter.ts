import { app, type BrowserWindow, ipcMain, type IpcMainInvokeEvent, Notification, shell } from 'electron';
import { ALL_IPC_CHANNELS, type AppInfo } from '@shared/ipc/contract';
import { createIpcHandlers, dispatchIpcCall, type IpcSender, type MainServices } from './ipc-handlers';

/** Electron's implementation of the services the pure handlers need. */
export function createElectronServices(getMainWindow: () => BrowserWindow | null): MainServices {
  return {
    getAppInfo: (): AppInfo => ({ version: app.getVersion(), platform: process.platform, isPackaged: app.isPackaged }),
    openExternal: (url) => shell.openExternal(url),
    notificationsSupported: () => Notification.isSupported(),
    showNotification: ({ title, body }) => {
      const notification = new Notification({ title, body });
      notification.on('click', () => {
        const window = getMainWindow();
        if (window === null || window.isDestroyed()) return;
        if (window.isMinimized()) window.restore();
        window.focus();
      });
      notification.show();
    },
  };
}

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  // senderFrame is null when the frame navigated away or was destroyed before the message arrived.
  const frame = event.senderFrame;
  return { url: frame?.url, isMainFrame: frame !== null && frame.parent === null };
}

/** Registers one `ipcMain.handle` per contract channel; returns a function that removes them all. */
export function registerIpcHandlers(services: MainServices, appEntryUrl: string): () => void {
  const handlers = createIpcHandlers(services);
  for (const channel of ALL_IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      dispatchIpcCall(channel, senderOf(event), args, { handlers, appEntryUrl }),
    );
  }
  return () => {
    for (const channel of ALL_IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
