import { toSafeExternalUrl } from '@shared/ipc/url-guard';

export interface WindowOpenDecision {
  /** New windows are never created inside the app. */
  action: 'deny';
  /** The normalised URL to hand to the OS instead, or null when the link is refused. */
  openExternally: string | null;
}

/**
 * What to do with `window.open` / `target=_blank` (Electron security checklist item 14): always deny the
 * window; a link that passes the external-URL guard opens in the system browser or mail client instead.
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: toSafeExternalUrl(url) };
}
