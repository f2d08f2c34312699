import { isAppRoute } from '@shared/ipc/app-routes';
import { type AppCommand, IPC_FAILURE_REASONS } from '@shared/ipc/channels';
import type {
  ActionResult,
  AppInfo,
  CrmBridge,
  NotificationInput,
  PdfExportResult,
  ReminderInput,
  TokenReadResult,
  Unsubscribe,
} from '@shared/ipc/contract';
import { toSafeExternalUrl } from '@shared/ipc/url-guard';

// The renderer's only way to the platform (CONVENTIONS.md 6, README "Project layout"): in
// Electron the preload exposes `window.crm`; in a plain browser (the web build the e2e journeys drive) the
// same interface is implemented with web APIs. Components use hooks that call getBridge(), never `window.crm`.

declare global {
  interface Window {
    /** Set by electron/preload/index.ts; absent in a browser. */
    crm?: CrmBridge;
  }
}

const FALLBACK_VERSION = '0.1.0';
const OK: ActionResult = { ok: true };
const UNSUPPORTED: ActionResult = { ok: false, reason: IPC_FAILURE_REASONS.unsupported };

function appVersion(): string {
  const version: unknown = import.meta.env.VITE_APP_VERSION;
  return typeof version === 'string' && version !== '' ? version : FALLBACK_VERSION;
}

function openExternalInBrowser(url: string): Promise<ActionResult> {
  const safeUrl = toSafeExternalUrl(url);
  if (safeUrl === null)
    return Promise.resolve({ ok: false, reason: IPC_FAILURE_REASONS.blockedUrl });
  if (safeUrl.startsWith('mailto:') || safeUrl.startsWith('tel:')) {
    // Handed to the mail client / dialer without leaving the page; a blank tab would be left behind otherwise.
    window.location.assign(safeUrl);
  } else {
    // `noopener` means window.open returns null even on success, so there is nothing to check here.
    window.open(safeUrl, '_blank', 'noopener,noreferrer');
  }
  return Promise.resolve(OK);
}

/** A web notification, only when the user already granted it (asking needs a user gesture; a reminder is not one). */
function showWebNotification(
  { title, body }: NotificationInput,
  onClick?: () => void,
): Promise<ActionResult> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted')
    return Promise.resolve(UNSUPPORTED);
  try {
    const notification = new Notification(title, { body });
    if (onClick) {
      notification.onclick = () => {
        window.focus();
        onClick();
      };
    }
    return Promise.resolve(OK);
  } catch {
    // Some browsers (Chrome on Android) only allow notifications from a service worker.
    return Promise.resolve(UNSUPPORTED);
  }
}

/** Listeners of one event kind, for the browser bridge's own events (a clicked reminder). */
function listenerSet<T>() {
  const listeners = new Set<(payload: T) => void>();
  const subscribe = (listener: (payload: T) => void): Unsubscribe => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  const emit = (payload: T): void => {
    for (const listener of [...listeners]) listener(payload);
  };
  return { subscribe, emit };
}

/**
 * The bridge for a plain browser: same contract, web APIs, the same URL guard as the main process.
 *
 * Tokens: a browser has no OS keychain, and localStorage/sessionStorage can be read by any script in the page
 * and stay on disk, so the web build keeps tokens in this tab's memory only — they are gone on reload or when
 * the tab closes, and the person signs in again. Only the desktop app remembers a sign-in (encrypted by the OS).
 */
export function createBrowserBridge(): CrmBridge {
  const tokens = new Map<string, string>();
  const navigate = listenerSet<string>();
  const commands = listenerSet<AppCommand>();
  return Object.freeze({
    getAppInfo: (): Promise<AppInfo> =>
      Promise.resolve({ version: appVersion(), platform: 'web', isPackaged: false }),
    setLanguage: () => Promise.resolve(OK),
    takePendingRoute: () => Promise.resolve(null),
    openExternal: openExternalInBrowser,
    showNotification: (notification: NotificationInput) => showWebNotification(notification),
    showReminder: ({ title, body, route }: ReminderInput) =>
      showWebNotification({ title, body }, () => {
        if (isAppRoute(route)) navigate.emit(route);
      }),
    getToken: (key: string): Promise<TokenReadResult> =>
      Promise.resolve({ ok: true, token: tokens.get(key) ?? null }),
    setToken: (key: string, token: string) => {
      tokens.set(key, token);
      return Promise.resolve(OK);
    },
    deleteToken: (key: string) => {
      tokens.delete(key);
      return Promise.resolve(OK);
    },
    clearTokens: () => {
      tokens.clear();
      return Promise.resolve(OK);
    },
    // No tray in a browser tab; the page shows the sync state itself.
    setTraySyncState: () => Promise.resolve(UNSUPPORTED),
    // The browser's print dialog offers "Save as PDF".
    exportPdf: (): Promise<PdfExportResult> => {
      window.print();
      return Promise.resolve({ ok: true, outcome: 'print-dialog' });
    },
    onNavigate: navigate.subscribe,
    onCommand: commands.subscribe,
  } satisfies CrmBridge);
}

let browserBridge: CrmBridge | undefined;

/** `window.crm` inside Electron, otherwise the browser implementation. */
export function getBridge(): CrmBridge {
  if (window.crm !== undefined) return window.crm;
  browserBridge ??= createBrowserBridge();
  return browserBridge;
}

/** `true` inside the desktop app (the preload bridge is present). */
export function isDesktopApp(): boolean {
  return window.crm !== undefined;
}
