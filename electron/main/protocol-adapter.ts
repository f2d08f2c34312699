import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  APP_SCHEME,
  APP_SCHEME_DEFINITION,
  appResponseHeaders,
  resolveAppRequestPath,
} from './app-protocol';

/** Must run before `app` is ready: gives `app://` its privileges (a standard, secure origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

/** Serves `app://crm/…` from `rootDir` (out/renderer). Anything outside it, or missing, is a 404. */
export function serveAppProtocol(rootDir: string, contentSecurityPolicy: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const filePath = resolveAppRequestPath(request.url, rootDir);
    if (filePath === null || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    try {
      // net.fetch of a file: URL reads inside app.asar and sets the Content-Type from the extension.
      const file = await net.fetch(pathToFileURL(filePath).href);
      if (!file.ok) return new Response('Not found', { status: 404 });
      const headers = new Headers(file.headers);
      for (const [name, value] of Object.entries(
        appResponseHeaders(filePath, contentSecurityPolicy),
      ))
        headers.set(name, value);
      return new Response(file.body, { status: 200, headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
