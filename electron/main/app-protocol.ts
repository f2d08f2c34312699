import { isAbsolute, join, relative } from 'node:path';
import type { CustomScheme } from 'electron';

/**
 * The built renderer is served from `app://crm/…` instead of `file://` (Electron security checklist item 18,
 * "Avoid usage of the file:// protocol and prefer usage of custom protocols"): a file:// page shares one origin
 * with every other local file and gets extra privileges (reading any file:// URL); `app://crm` is an origin of
 * its own that can only ever serve the files under out/renderer. That also lets the packaged app turn off the
 * `grantFileProtocolExtraPrivileges` fuse (build/electron-builder.yml). Pure: protocol-adapter.ts registers it.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'crm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard`: a real origin (relative URLs, IndexedDB and localStorage work as on the web); `secure`: a secure
 * context (crypto.randomUUID, no mixed-content rules against the sync server over wss/https); `supportFetchAPI`
 * + `corsEnabled`: module scripts and fetch() of our own files; `codeCache`: faster second start. Service
 * workers and CSP bypass stay off.
 */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    allowServiceWorkers: false,
    bypassCSP: false,
    stream: false,
  },
};

/**
 * The file under `rootDir` that an `app://crm/…` request asks for, or null: another scheme or host, credentials
 * or a port, escapes that do not decode, NUL or backslashes, dot segments (also percent-encoded ones), or
 * anything else that would leave `rootDir`. `/` serves index.html; the query and fragment are ignored.
 */
export function resolveAppRequestPath(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (
    segments.some((segment) => segment === '.' || segment === '..' || /^[A-Za-z]:$/.test(segment))
  )
    return null;
  const filePath = join(rootDir, ...(segments.length === 0 ? ['index.html'] : segments));
  const inside = relative(rootDir, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return filePath;
}

/**
 * Extra headers for a response: HTML documents get the Content-Security-Policy as a real header (the built
 * index.html also carries it as a <meta> tag); every response gets `nosniff`.
 */
export function appResponseHeaders(
  filePath: string,
  contentSecurityPolicy: string,
): Record<string, string> {
  const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff' };
  if (/\.html?$/i.test(filePath)) headers['Content-Security-Policy'] = contentSecurityPolicy;
  return headers;
}
