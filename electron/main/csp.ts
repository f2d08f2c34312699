/**
 * The renderer's Content-Security-Policy (Electron security checklist item 7). Pure: no imports, so the
 * electron-vite config can also inject it as a <meta> tag into the built index.html (file:// pages get no
 * response headers on every Electron version, see electron/electron#23485).
 */

export interface CspOptions {
  /**
   * The Vite dev server needs an inline script (React Fast Refresh preamble) and some dev-only tooling
   * (e.g. a JIT schema validator in RxDB dev-mode) needs eval. Never true in a packaged app.
   */
  dev: boolean;
  /** `frame-ancestors` is ignored (with a console warning) when delivered in a <meta> tag, so it is left out there. */
  delivery: 'header' | 'meta';
}

type Directives = Record<string, readonly string[]>;

function directives({ dev, delivery }: CspOptions): Directives {
  const base: Directives = {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"] : ["'self'"],
    // Mantine sets its CSS variables through inline style attributes and a <style> tag from MantineProvider.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The sync server is configured by the user (any host, plain or TLS), so any http(s)/ws(s) endpoint.
    'connect-src': ["'self'", 'ws:', 'wss:', 'http:', 'https:'],
    'worker-src': ["'self'", 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return delivery === 'header' ? { ...base, 'frame-ancestors': ["'none'"] } : base;
}

/** The policy as a single header/meta value: `directive source source; directive …`. */
export function buildContentSecurityPolicy(options: CspOptions): string {
  return Object.entries(directives(options))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export type ResponseHeaders = Record<string, string[] | string>;

/**
 * Response headers with our policy as the only Content-Security-Policy (any CSP header a dev server or
 * proxy sent is replaced, whatever its letter case).
 */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
