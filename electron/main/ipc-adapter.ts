import {
  app,
  type BrowserWindow,
  ipcMain,
  type IpcMainInvokeEvent,
  Notification,
  shell,
} from 'electron';
import {
  ALL_IPC_CHANNELS,
  type AppInfo,
  type AppLanguage,
  type IpcEvent,
  type IpcEventPayload,
  ipcEventContract,
  type PdfExportRequest,
  type SyncStatus,
} from '@shared/ipc/contract';
import { isAllowedNavigation } from '@shared/ipc/url-guard';
import {
  createIpcHandlers,
  dispatchIpcCall,
  type IpcSender,
  type MainServices,
} from './ipc-handlers';
import type { MainLogger } from './main-log';
import type { NavigationQueue } from './navigation-queue';
import { buildReminderNotification } from './notifications';
import type { TokenVault } from './token-vault';

export interface ElectronServicesDeps {
  getMainWindow: () => BrowserWindow | null;
  /** Brings the window forward (restoring it if minimized). */
  focusMainWindow: () => void;
  navigation: NavigationQueue;
  vault: TokenVault;
  setLanguage: (language: AppLanguage) => void;
  setTraySyncState: (status: SyncStatus) => boolean;
  exportPdf: (request: PdfExportRequest) => Promise<'saved' | 'cancelled'>;
  logger: MainLogger;
}

// Electron drops a Notification's click handler when the object is garbage-collected before the click; keep
// each one until it is clicked or closed.
const liveNotifications = new Set<Notification>();

function keepUntilDone(notification: Notification): void {
  liveNotifications.add(notification);
  const release = () => liveNotifications.delete(notification);
  notification.once('close', release);
  notification.once('failed', release);
}

/** Electron's implementation of the services the pure handlers need. */
export function createElectronServices(deps: ElectronServicesDeps): MainServices {
  return {
    getAppInfo: (): AppInfo => ({
      version: app.getVersion(),
      platform: process.platform,
      isPackaged: app.isPackaged,
    }),
    openExternal: (url) => shell.openExternal(url),
    notificationsSupported: () => Notification.isSupported(),
    showNotification: ({ title, body }) => {
      const notification = new Notification({ title, body });
      keepUntilDone(notification);
      notification.on('click', () => {
        liveNotifications.delete(notification);
        deps.focusMainWindow();
      });
      notification.show();
    },
    showReminder: (reminder) => {
      const { options, route } = buildReminderNotification(reminder, process.platform);
      const notification = new Notification(options);
      keepUntilDone(notification);
      notification.on('click', () => {
        liveNotifications.delete(notification);
        deps.focusMainWindow();
        deps.navigation.navigate(route);
      });
      notification.show();
    },
    vault: deps.vault,
    setLanguage: deps.setLanguage,
    takePendingRoute: () => deps.navigation.takePending(),
    setTraySyncState: deps.setTraySyncState,
    exportPdf: deps.exportPdf,
    reportFailure: (channel, error) => deps.logger.warn(`IPC ${channel} failed`, error),
  };
}

function senderOf(event: IpcMainInvokeEvent): IpcSender {
  // senderFrame is null when the frame navigated away or was destroyed before the message arrived.
  const frame = event.senderFrame;
  return { url: frame?.url, isMainFrame: frame !== null && frame.parent === null };
}

/** Registers one `ipcMain.handle` per contract channel; returns a function that removes them all. */
export function registerIpcHandlers(
  services: MainServices,
  appEntryUrl: string,
  logger: MainLogger,
): () => void {
  const handlers = createIpcHandlers(services);
  for (const channel of ALL_IPC_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      try {
        return await dispatchIpcCall(channel, senderOf(event), args, { handlers, appEntryUrl });
      } catch (error) {
        // Rejected calls are either a bug or an attack; both belong in the log. The arguments are not logged.
        logger.warn(
          `IPC ${channel} rejected (sender ${senderOf(event).url?.slice(0, 100) ?? 'gone'})`,
          error,
        );
        throw error;
      }
    });
  }
  return () => {
    for (const channel of ALL_IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/**
 * Sends a main → renderer event after checking its payload against the contract, and only to the app's own
 * page (never to anything the window might show if a navigation slipped through).
 */
export function sendToRenderer<E extends IpcEvent>(
  window: BrowserWindow | null,
  event: E,
  payload: IpcEventPayload<E>,
  appEntryUrl: string,
): boolean {
  if (window === null || window.isDestroyed()) return false;
  if (!ipcEventContract[event].safeParse(payload).success) return false;
  const contents = window.webContents;
  if (!isAllowedNavigation(contents.getURL(), appEntryUrl)) return false;
  contents.send(event, payload);
  return true;
}
