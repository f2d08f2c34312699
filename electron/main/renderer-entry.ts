import { join } from 'node:path';
import { APP_ENTRY_URL } from './app-protocol';

export type RendererEntry =
  | { kind: 'dev-server'; url: string }
  /** The built renderer served by the app's own scheme (app-protocol.ts) from `rootDir`. */
  | { kind: 'app-protocol'; url: string; rootDir: string };

export interface RendererEntryInput {
  isPackaged: boolean;
  /** `ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** The directory of the main bundle (`out/main`). */
  mainBundleDir: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function asLoopbackDevServer(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const isHttp = url.protocol === 'http:' || url.protocol === 'https:';
    return isHttp && LOOPBACK_HOSTS.has(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Where the window loads the renderer from: the Vite dev server in development, otherwise the built
 * `out/renderer/` served as `app://crm/index.html` — local files, so the app starts with no network. A packaged
 * app ignores `ELECTRON_RENDERER_URL`, and only a loopback dev server is accepted, so an environment variable
 * can never point the app (and its IPC trust) at a remote site.
 */
export function resolveRendererEntry({
  isPackaged,
  devServerUrl,
  mainBundleDir,
}: RendererEntryInput): RendererEntry {
  const devUrl = isPackaged ? null : asLoopbackDevServer(devServerUrl);
  if (devUrl !== null) return { kind: 'dev-server', url: devUrl };
  return {
    kind: 'app-protocol',
    url: APP_ENTRY_URL,
    rootDir: join(mainBundleDir, '..', 'renderer'),
  };
}
