/**
 * IPC channel names, `namespace:verb` (CONVENTIONS.md 7). Kept apart from the zod schemas in contract.ts so
 * the preload bundle can import the names without pulling zod into the sandboxed preload script.
 */
export const IPC_CHANNELS = {
  appGetInfo: 'app:get-info',
  shellOpenExternal: 'shell:open-external',
  notifyShow: 'notify:show',
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
  openExternal: IPC_CHANNELS.shellOpenExternal,
  showNotification: IPC_CHANNELS.notifyShow,
} as const satisfies Record<string, IpcChannel>;

/** Reasons an IPC action can fail in a way the UI should explain to the user (CONVENTIONS.md 12). */
export const IPC_FAILURE_REASONS = {
  /** The URL is not one we open outside the app (see url-guard.ts). */
  blockedUrl: 'blocked-url',
  /** The platform cannot do this (no notification support, permission refused). */
  unsupported: 'unsupported',
  /** The operating system refused or failed (no browser/mail client registered, …). */
  failed: 'failed',
} as const;

export type IpcFailureReason = (typeof IPC_FAILURE_REASONS)[keyof typeof IPC_FAILURE_REASONS];
