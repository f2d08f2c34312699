import { app, BrowserWindow, session, shell, type Session, type WebContents } from 'electron';
import { isAllowedNavigation } from '@shared/ipc/url-guard';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './csp';
import { createElectronServices, registerIpcHandlers } from './ipc-adapter';
import { decideWindowOpen } from './navigation-policy';
import { isPermissionAllowed } from './permissions';
import { resolveRendererEntry } from './renderer-entry';
import { buildMainWindowOptions, resolvePreloadPath } from './window-options';

// The main process stays thin (ARCHITECTURE.md "Electron on these machines"): every decision below is a pure
// function with unit tests beside it; this file only wires them to Electron's lifecycle and events.

const APP_USER_MODEL_ID = 'com.fieldcrm.app';
const PRODUCT_NAME = 'Field CRM';

const mainBundleDir = import.meta.dirname;
const rendererEntry = resolveRendererEntry({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  mainBundleDir,
});
const isDevServer = rendererEntry.kind === 'dev-server';

let mainWindow: BrowserWindow | null = null;

function logBlocked(what: string, url: string): void {
  console.warn(`[security] blocked ${what}: ${url.slice(0, 200)}`);
}

/** Applied to every web contents the app ever creates, including any that slip past the window options. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally === null) logBlocked('window.open', url);
    else shell.openExternal(decision.openExternally).catch((error: unknown) => console.error('[shell] openExternal failed', error));
    return { action: decision.action };
  });
  const denyForeignNavigation = (event: Electron.Event, url: string, what: string): void => {
    if (isAllowedNavigation(url, rendererEntry.url)) return;
    event.preventDefault();
    logBlocked(what, url);
  };
  contents.on('will-navigate', (event) => denyForeignNavigation(event, event.url, 'navigation'));
  contents.on('will-frame-navigate', (event) => {
    // The main frame is already covered by will-navigate; this catches sub-frames (which the CSP forbids anyway).
    if (!event.isMainFrame) denyForeignNavigation(event, event.url, 'frame navigation');
  });
  contents.on('will-redirect', (event) => denyForeignNavigation(event, event.url, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logBlocked('webview', contents.getURL());
  });
}

function hardenSession(target: Session): void {
  const policy = buildContentSecurityPolicy({ dev: isDevServer, delivery: 'header' });
  target.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback(isDocument ? { responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) } : {});
  });
  target.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL(), rendererEntry.url));
  });
  target.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl || contents?.getURL(), rendererEntry.url),
  );
  target.setDevicePermissionHandler(() => false);
}

async function createMainWindow(): Promise<BrowserWindow> {
  const window = new BrowserWindow(
    buildMainWindowOptions({ preloadPath: resolvePreloadPath(mainBundleDir), title: PRODUCT_NAME }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  if (rendererEntry.kind === 'dev-server') await window.loadURL(rendererEntry.url);
  else await window.loadFile(rendererEntry.path);
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  registerIpcHandlers(createElectronServices(() => mainWindow), rendererEntry.url);
  await createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
}

// Sandbox every renderer, even ones created without our window options (must run before `ready`).
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('[main] failed to start', error);
    app.exit(1);
  });
}
