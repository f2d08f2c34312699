import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { join } from 'node:path';

/**
 * The renderer's web preferences (CONVENTIONS.md 6, Electron security checklist items 2–4, 12):
 * sandboxed, context-isolated, no Node anywhere, no <webview>. Only a type is imported from `electron`,
 * so this stays a pure module that unit tests load in plain Node.
 */
export function buildSecureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface MainWindowOptionsInput {
  preloadPath: string;
  title: string;
  /** Where the window was last (window-state.ts); the default size, centred, when absent. */
  bounds?: { x?: number; y?: number; width: number; height: number };
}

/** The one application window. It is shown on `ready-to-show` to avoid a white flash. */
export function buildMainWindowOptions({
  preloadPath,
  title,
  bounds,
}: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 800,
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    webPreferences: buildSecureWebPreferences(preloadPath),
  };
}

/**
 * Where electron-vite puts the preload next to the main bundle (`out/main` → `out/preload/index.cjs`).
 * It is CommonJS because sandboxed preload scripts cannot be ES modules
 * (https://www.electronjs.org/docs/latest/tutorial/esm#preload-scripts).
 */
export function resolvePreloadPath(mainBundleDir: string): string {
  return join(mainBundleDir, '..', 'preload', 'index.cjs');
}
