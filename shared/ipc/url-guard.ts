import { isValidEmail } from '../validation/email';

/**
 * Pure URL guards shared by the Electron main process and the renderer's browser fallback, so a link is judged
 * the same way wherever the app runs. Follows Electron's security checklist ("Do not use shell.openExternal
 * with untrusted content", "Limit navigation", https://www.electronjs.org/docs/latest/tutorial/security).
 */

/** Longer strings are refused outright; real links in CRM records are far shorter. */
export const MAX_EXTERNAL_URL_LENGTH = 4096;

/** Schemes the app hands to the operating system. Everything else (file:, javascript:, data:, smb:, custom app schemes) is refused. */
export const EXTERNAL_URL_PROTOCOLS = ['https:', 'http:', 'mailto:', 'tel:'] as const;

// C0 controls, DEL and C1 controls: the WHATWG parser silently strips some of them (tabs, newlines), which
// hides what the link really is, and shells/handlers have mis-parsed them before.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// The WHATWG parser repairs `https:example.com`, `https:///example.com` and `https:\\example.com` into a
// normal URL; a link that needs repairing is not one we hand to the OS.
const CANONICAL_WEB_PREFIX = /^https?:\/\/[^/\\]/i;
// Digits, spaces and the usual phone punctuation; an optional extension (RFC 3966 `;ext=`).
const PHONE_NUMBER = /^\+?[\d\s().-]{3,40}(?:;ext=\d{1,10})?$/;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function isSafeWebUrl(raw: string, url: URL): boolean {
  if (!CANONICAL_WEB_PREFIX.test(raw)) return false;
  // Credentials in a link are a phishing trick (https://bank.example@evil.example) and never needed here.
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname !== '';
}

function isSafeMailtoUrl(url: URL): boolean {
  const addresses = safeDecode(url.pathname);
  if (addresses === null || addresses.trim() === '') return false;
  return addresses.split(',').every((address) => isValidEmail(address));
}

function isSafeTelUrl(url: URL): boolean {
  const number = safeDecode(url.pathname);
  if (number === null || url.search !== '' || url.hash !== '') return false;
  return PHONE_NUMBER.test(number) && (number.match(/\d/g)?.length ?? 0) >= 3;
}

/**
 * Checks a URL the user (or a record's data) asks to open outside the app and returns it normalised
 * (the WHATWG serialisation, which is what must be handed to the OS), or `null` when it must not be opened.
 *
 * Allowed: `https:`/`http:` written as `scheme://host…` with no embedded credentials; `mailto:` with one or more valid
 * addresses; `tel:` with a plausible phone number. Refused: any other scheme, control characters,
 * surrounding whitespace, and strings longer than {@link MAX_EXTERNAL_URL_LENGTH}.
 */
export function toSafeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH)
    return null;
  if (raw.trim() !== raw || CONTROL_CHARACTERS.test(raw)) return null;
  const url = parse(raw);
  if (url === null) return null;
  switch (url.protocol) {
    case 'https:':
    case 'http:':
      return isSafeWebUrl(raw, url) ? url.href : null;
    case 'mailto:':
      return isSafeMailtoUrl(url) ? url.href : null;
    case 'tel:':
      return isSafeTelUrl(url) ? url.href : null;
    default:
      return null;
  }
}

/** `true` when {@link toSafeExternalUrl} would open the URL. */
export function isAllowedExternalUrl(raw: unknown): boolean {
  return toSafeExternalUrl(raw) !== null;
}

/** The app's own custom scheme (electron/main/app-protocol.ts serves the built renderer at `app://crm/`). */
export const APP_ENTRY_SCHEME = 'app:';

/**
 * Is `target` a page of the app itself? The app is identified by the URL of its entry page:
 * - served over http(s) (the dev server): any URL on the same origin;
 * - served from the app's own scheme (`app://crm/index.html`, the built app): any URL on that scheme and host,
 *   which only ever serves the files of the built renderer;
 * - loaded from a file: only that same file, with any query or fragment (hash routing).
 *
 * Used both to allow navigation (everything else is denied) and to trust IPC senders.
 */
export function isAllowedNavigation(target: unknown, appEntryUrl: string): boolean {
  if (typeof target !== 'string' || CONTROL_CHARACTERS.test(target)) return false;
  const app = parse(appEntryUrl);
  const url = parse(target);
  if (app === null || url === null || url.protocol !== app.protocol) return false;
  if (url.username !== '' || url.password !== '') return false;
  if (app.protocol === 'file:') {
    // file: origins are opaque ("null"), so compare the exact file; any other local file is off limits.
    return url.host === app.host && url.pathname === app.pathname;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return url.origin === app.origin;
  // The WHATWG parser gives custom schemes an opaque origin ("null") and keeps the host's case (Chromium, which
  // registers the scheme as standard, lower-cases it), so compare the host (with any port) case-insensitively.
  if (app.protocol === APP_ENTRY_SCHEME)
    return app.host !== '' && url.host.toLowerCase() === app.host.toLowerCase();
  return false;
}
