import { IPC_FAILURE_REASONS } from '@shared/ipc/channels';
import type { ActionResult, AppInfo, CrmBridge, NotificationInput } from '@shared/ipc/contract';
import { toSafeExternalUrl } from '@shared/ipc/url-guard';

// The renderer's only way to the platform (CONVENTIONS.md 6, ARCHITECTURE.md "Processes and folders"): in
// Electron the preload exposes `window.crm`; in a plain browser (the web build the e2e journeys drive) the
// same interface is implemented with web APIs. Components use hooks that call getBridge(), never `window.crm`.

declare global {
  interface Window {
    /** Set by electron/preload/index.ts; absent in a browser. */
    crm?: CrmBridge;
  }
}

const FALLBACK_VERSION = '0.1.0';

function appVersion(): string {
  const version: unknown = import.meta.env.VITE_APP_VERSION;
  return typeof version === 'string' && version !== '' ? version : FALLBACK_VERSION;
}

function openExternalInBrowser(url: string): Promise<ActionResult> {
  const safeUrl = toSafeExternalUrl(url);
  if (safeUrl === null) return Promise.resolve({ ok: false, reason: IPC_FAILURE_REASONS.blockedUrl });
  if (safeUrl.startsWith('mailto:') || safeUrl.startsWith('tel:')) {
    // Handed to the mail client / dialer without leaving the page; a blank tab would be left behind otherwise.
    window.location.assign(safeUrl);
  } else {
    // `noopener` means window.open returns null even on success, so there is nothing to check here.
    window.open(safeUrl, '_blank', 'noopener,noreferrer');
  }
  return Promise.resolve({ ok: true });
}

function showWebNotification({ title, body }: NotificationInput): Promise<ActionResult> {
  // Only when the user already granted it: asking needs a user gesture, and a reminder firing is not one.
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') {
    return Promise.resolve({ ok: false, reason: IPC_FAILURE_REASONS.unsupported });
  }
  try {
    new Notification(title, { body });
    return Promise.resolve({ ok: true });
  } catch {
    // Some browsers (Chrome on Android) only allow notifications from a service worker.
    return Promise.resolve({ ok: false, reason: IPC_FAILURE_REASONS.unsupported });
  }
}

/** The bridge for a plain browser: same contract, web APIs, the same URL guard as the main process. */
export function createBrowserBridge(): CrmBridge {
  return Object.freeze({
    getAppInfo: (): Promise<AppInfo> =>
      Promise.resolve({ version: appVersion(), platform: 'web', isPackaged: false }),
    openExternal: openExternalInBrowser,
    showNotification: showWebNotification,
  });
}

let browserBridge: CrmBridge | undefined;

/** `window.crm` inside Electron, otherwise the browser implementation. */
export function getBridge(): CrmBridge {
  if (window.crm !== undefined) return window.crm;
  browserBridge ??= createBrowserBridge();
  return browserBridge;
}
