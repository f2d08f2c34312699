import { isAllowedNavigation } from '@shared/ipc/url-guard';

/**
 * Web permissions the renderer may get (Electron security checklist item 5): notifications, and writing plain
 * text to the clipboard ("copy link", "copy mobile number"; Chromium strips anything active from it). Everything
 * else — camera, microphone, geolocation, clipboard-read, MIDI, HID, serial, USB, screen capture, … — is denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
]);

/**
 * Grants a permission only when it is allow-listed AND asked for by the app's own page (never by any other
 * origin that somehow got loaded).
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  appEntryUrl: string,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAllowedNavigation(requestingUrl, appEntryUrl);
}
