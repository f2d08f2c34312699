import { join } from 'node:path';
import { app, BrowserWindow, Menu, session, shell, type Session, type WebContents } from 'electron';
import { type AppCommand, type AppLanguage, IPC_EVENTS } from '@shared/ipc/contract';
import { isAllowedNavigation } from '@shared/ipc/url-guard';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from './csp';
import {
  DEEP_LINK_SCHEME,
  findDeepLinkInArgv,
  parseDeepLink,
  shouldRegisterProtocolClient,
} from './deep-link';
import { createElectronServices, registerIpcHandlers, sendToRenderer } from './ipc-adapter';
import { createJsonFileStore } from './json-file-store';
import { resolveLaunchOptions } from './launch-options';
import { createFileSink, createLogger } from './main-log';
import { mainTexts, pickLanguage } from './main-i18n';
import { buildMenuTemplate } from './menu-template';
import { createNavigationQueue } from './navigation-queue';
import { decideWindowOpen } from './navigation-policy';
import { exportWindowAsPdf } from './pdf-adapter';
import { isPermissionAllowed } from './permissions';
import { registerAppScheme, serveAppProtocol } from './protocol-adapter';
import { resolveRendererEntry } from './renderer-entry';
import { createFileVaultStorage, createTokenVault } from './token-vault';
import { createTray, type TrayController } from './tray-adapter';
import { resolveTrayIconDir } from './tray-state';
import { startAutoUpdates } from './updater-adapter';
import { createSafeStorageCipher } from './vault-adapter';
import { buildMainWindowOptions, resolvePreloadPath } from './window-options';
import { createWindowStateSaver, restoreWindowPlacement } from './window-state';
import { currentDisplayLayout, persistWindowState } from './window-state-adapter';

// The main process stays thin (docs/architecture.md "Electron on these machines"): every decision below
// is a pure function with unit tests beside it; this file only wires them to Electron's lifecycle and events.

const APP_USER_MODEL_ID = 'com.fieldcrm.app';
const PRODUCT_NAME = 'Field CRM';

const launch = resolveLaunchOptions({ isPackaged: app.isPackaged, env: process.env });
// Before anything reads userData (and before the single-instance lock, which is keyed on it).
if (launch.userDataDir !== null) app.setPath('userData', launch.userDataDir);

const logger = createLogger({
  scope: 'main',
  sink: createFileSink(join(app.getPath('userData'), 'logs', 'main.log')),
  toConsole: !app.isPackaged,
});

const mainBundleDir = import.meta.dirname;
const rendererEntry = resolveRendererEntry({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  mainBundleDir,
});
const isDevServer = rendererEntry.kind === 'dev-server';

const preferences = createJsonFileStore(join(app.getPath('userData'), 'preferences.json'));
let language: AppLanguage = pickLanguage(
  (preferences.read() as { language?: unknown } | undefined)?.language,
);

const windowStateStore = createJsonFileStore(join(app.getPath('userData'), 'window-state.json'));
const windowStateSaver = createWindowStateSaver({
  store: windowStateStore,
  onError: (error) => logger.warn('could not save the window state', error),
});

let mainWindow: BrowserWindow | null = null;
let tray: TrayController | null = null;

const navigation = createNavigationQueue((route) => {
  sendToRenderer(mainWindow, IPC_EVENTS.navigate, route, rendererEntry.url);
});

function logBlocked(what: string, url: string): void {
  logger.warn(`[security] blocked ${what}: ${url.slice(0, 200)}`);
}

/** Applied to every web contents the app ever creates, including any that slip past the window options. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally === null) logBlocked('window.open', url);
    else
      shell
        .openExternal(decision.openExternally)
        .catch((error: unknown) => logger.warn('openExternal failed', error));
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

function hardenSession(target: Session, policy: string): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback(
      isDocument
        ? { responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) }
        : {},
    );
  });
  target.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(
      isPermissionAllowed(
        permission,
        details.requestingUrl || contents.getURL(),
        rendererEntry.url,
      ),
    );
  });
  target.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl || contents?.getURL(), rendererEntry.url),
  );
  target.setDevicePermissionHandler(() => false);
}

async function createMainWindow(): Promise<BrowserWindow> {
  const placement = restoreWindowPlacement(windowStateStore.read(), currentDisplayLayout());
  const { isMaximized, isFullScreen, ...bounds } = placement;
  const window = new BrowserWindow(
    buildMainWindowOptions({
      preloadPath: resolvePreloadPath(mainBundleDir),
      title: PRODUCT_NAME,
      bounds,
    }),
  );
  persistWindowState(window, windowStateSaver);
  window.once('ready-to-show', () => {
    // maximize() also shows the window; show() first would flash it at its normal size.
    if (isMaximized) window.maximize();
    else window.show();
    if (isFullScreen) window.setFullScreen(true);
  });
  // A reload or crash means the page no longer listens for routes until it asks again.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) navigation.reset();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error(`renderer process gone: ${details.reason}`);
    navigation.reset();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    navigation.reset();
  });
  mainWindow = window;
  await window.loadURL(rendererEntry.url);
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    if (app.isReady())
      createMainWindow().catch((error: unknown) =>
        logger.error('could not open the window', error),
      );
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  if (!mainWindow.isVisible()) mainWindow.show();
  mainWindow.focus();
}

function sendCommand(command: AppCommand): void {
  focusMainWindow();
  sendToRenderer(mainWindow, IPC_EVENTS.command, command, rendererEntry.url);
}

function installMenu(): void {
  const template = buildMenuTemplate({
    language,
    platform: process.platform,
    isPackaged: app.isPackaged,
    actions: { command: sendCommand, navigate: (route) => navigation.navigate(route) },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function setLanguage(next: AppLanguage): void {
  if (next === language) return;
  language = next;
  try {
    preferences.write({ language });
  } catch (error) {
    logger.warn('could not save the language', error);
  }
  installMenu();
  tray?.setLanguage(language);
}

/** A `crm://…` link from the OS (macOS open-url, or the argv of a second instance). */
function openDeepLink(raw: string, source: string): void {
  const link = parseDeepLink(raw);
  if (link === null) {
    logger.warn(`ignored a malformed deep link from ${source}: ${raw.slice(0, 100)}`);
    return;
  }
  navigation.navigate(link.route);
  focusMainWindow();
}

async function start(): Promise<void> {
  await app.whenReady();
  const policy = buildContentSecurityPolicy({ dev: isDevServer, delivery: 'header' });
  hardenSession(session.defaultSession, policy);
  if (rendererEntry.kind === 'app-protocol') serveAppProtocol(rendererEntry.rootDir, policy);
  if (shouldRegisterProtocolClient({ isPackaged: app.isPackaged, underTest: launch.underTest })) {
    if (!app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME))
      logger.warn('could not register the crm:// link handler');
  }
  app.setAboutPanelOptions({
    applicationName: PRODUCT_NAME,
    applicationVersion: app.getVersion(),
    copyright: 'Field CRM contributors',
  });

  const vault = createTokenVault({
    cipher: createSafeStorageCipher(),
    storage: createFileVaultStorage(join(app.getPath('userData'), 'secrets', 'tokens.json')),
    onWarning: (message, error) => logger.warn(message, error),
  });
  registerIpcHandlers(
    createElectronServices({
      getMainWindow: () => mainWindow,
      focusMainWindow,
      navigation,
      vault,
      setLanguage,
      setTraySyncState: (status) => tray?.setStatus(status) ?? false,
      exportPdf: (request) => exportWindowAsPdf(mainWindow, request, language),
      logger,
    }),
    rendererEntry.url,
    logger,
  );
  installMenu();
  tray = createTray({
    iconDir: resolveTrayIconDir({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    }),
    language,
    onOpen: focusMainWindow,
    onQuit: () => app.quit(),
    logger,
  });
  await createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) focusMainWindow();
  });
  await startAutoUpdates({
    logger,
    getWindow: () => mainWindow,
    getTexts: () => mainTexts(language).update,
  });
}

// Sandbox every renderer, even ones created without our window options (must run before `ready`).
app.enableSandbox();
// The app:// scheme's privileges must be declared before `ready` too.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives our argv (and any crm:// link in it) through `second-instance`.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // A link that started the app (Windows/Linux argv). It waits in the queue until the page listens.
  const coldStartLink = findDeepLinkInArgv(process.argv);
  if (coldStartLink !== null) navigation.navigate(coldStartLink.route);
  // macOS delivers links with open-url, possibly before `ready`.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(url, 'open-url');
  });
  app.on('second-instance', (_event, argv) => {
    const link = argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
    if (link !== undefined) openDeepLink(link, 'second instance');
    else focusMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('before-quit', () => windowStateSaver.flush());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    logger.error('failed to start', error);
    app.exit(1);
  });
}
