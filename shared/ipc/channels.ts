/**
 * IPC channel names, `namespace:verb` (CONVENTIONS.md 7). Kept apart from the zod schemas in contract.ts so
 * the preload bundle can import the names without pulling zod into the sandboxed preload script.
 */
export const IPC_CHANNELS = {
  appGetInfo: 'app:get-info',
  appSetLanguage: 'app:set-language',
  appTakePendingRoute: 'app:take-pending-route',
  shellOpenExternal: 'shell:open-external',
  notifyShow: 'notify:show',
  notifyReminder: 'notify:reminder',
  vaultGetToken: 'vault:get-token',
  vaultSetToken: 'vault:set-token',
  vaultDeleteToken: 'vault:delete-token',
  vaultClear: 'vault:clear',
  traySetSyncState: 'tray:set-sync-state',
  exportPdf: 'export:pdf',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Every channel, for registering and unregistering handlers in one loop. */
export const ALL_IPC_CHANNELS: readonly IpcChannel[] = Object.values(IPC_CHANNELS);

/**
 * Which channel backs which `window.crm` function. The preload builds the bridge from this map, and
 * contract.ts checks at compile time that each function's signature matches its channel's schemas.
 */
export const BRIDGE_CHANNELS = {
  getAppInfo: IPC_CHANNELS.appGetInfo,
  setLanguage: IPC_CHANNELS.appSetLanguage,
  takePendingRoute: IPC_CHANNELS.appTakePendingRoute,
  openExternal: IPC_CHANNELS.shellOpenExternal,
  showNotification: IPC_CHANNELS.notifyShow,
  showReminder: IPC_CHANNELS.notifyReminder,
  getToken: IPC_CHANNELS.vaultGetToken,
  setToken: IPC_CHANNELS.vaultSetToken,
  deleteToken: IPC_CHANNELS.vaultDeleteToken,
  clearTokens: IPC_CHANNELS.vaultClear,
  setTraySyncState: IPC_CHANNELS.traySetSyncState,
  exportPdf: IPC_CHANNELS.exportPdf,
} as const satisfies Record<string, IpcChannel>;

/**
 * Messages the main process sends to the page (never the other way round). The renderer subscribes through
 * the bridge's `on…` functions and validates every payload again before acting on it.
 */
export const IPC_EVENTS = {
  /** Open an in-app route (a deep link, a clicked reminder, the Go menu). Payload: the route. */
  navigate: 'app:navigate',
  /** A menu command the page carries out (new account, search, …). Payload: an APP_COMMANDS id. */
  command: 'app:command',
} as const;

export type IpcEvent = (typeof IPC_EVENTS)[keyof typeof IPC_EVENTS];

/** Which event backs which `window.crm.on…` subscription. */
export const BRIDGE_EVENTS = {
  onNavigate: IPC_EVENTS.navigate,
  onCommand: IPC_EVENTS.command,
} as const satisfies Record<string, IpcEvent>;

/** Commands of the application menu that the page carries out. */
export const APP_COMMANDS = [
  'new-account',
  'search',
  'open-settings',
  'export-pdf',
  'print',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Reasons an IPC action can fail in a way the UI should explain to the user (CONVENTIONS.md 12). */
export const IPC_FAILURE_REASONS = {
  /** The URL is not one we open outside the app (see url-guard.ts). */
  blockedUrl: 'blocked-url',
  /**
   * The platform cannot do this (no notification support, permission refused, no tray, no OS keychain to
   * encrypt a token with).
   */
  unsupported: 'unsupported',
  /** The operating system refused or failed (no browser/mail client registered, disk full, …). */
  failed: 'failed',
} as const;

export type IpcFailureReason = (typeof IPC_FAILURE_REASONS)[keyof typeof IPC_FAILURE_REASONS];
