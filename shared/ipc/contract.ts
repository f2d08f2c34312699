import { z } from 'zod';
import { type BRIDGE_CHANNELS, IPC_CHANNELS, IPC_FAILURE_REASONS, type IpcChannel } from './channels';
import { MAX_EXTERNAL_URL_LENGTH } from './url-guard';

export { ALL_IPC_CHANNELS, BRIDGE_CHANNELS, IPC_CHANNELS, IPC_FAILURE_REASONS } from './channels';
export type { IpcChannel, IpcFailureReason } from './channels';

/**
 * The IPC contract between the renderer and the Electron main process (CONVENTIONS.md 4): one zod schema
 * for each channel's arguments (a tuple) and result. The main process parses every incoming call as
 * `unknown` against these schemas; types are inferred from them, never written twice.
 */

/** Node's `process.platform` values, plus `web` for the browser build. */
export const appPlatformSchema = z.enum([
  'aix',
  'android',
  'cygwin',
  'darwin',
  'freebsd',
  'haiku',
  'linux',
  'netbsd',
  'openbsd',
  'sunos',
  'win32',
  'web',
]);
export type AppPlatform = z.infer<typeof appPlatformSchema>;

export const appInfoSchema = z.object({
  version: z.string().min(1),
  platform: appPlatformSchema,
  isPackaged: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Only the shape is checked here; whether the URL may be opened is url-guard.ts's decision. */
export const externalUrlSchema = z.string().min(1).max(MAX_EXTERNAL_URL_LENGTH);

export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_BODY_MAX = 2000;

export const notificationSchema = z.object({
  title: z.string().trim().min(1).max(NOTIFICATION_TITLE_MAX),
  body: z.string().max(NOTIFICATION_BODY_MAX),
});
export type NotificationInput = z.infer<typeof notificationSchema>;

/** Outcome of an action the user asked for; a failure carries a reason the UI translates. */
export const actionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum([IPC_FAILURE_REASONS.blockedUrl, IPC_FAILURE_REASONS.unsupported, IPC_FAILURE_REASONS.failed]),
  }),
]);
export type ActionResult = z.infer<typeof actionResultSchema>;

export const ipcContract = {
  [IPC_CHANNELS.appGetInfo]: { args: z.tuple([]), result: appInfoSchema },
  [IPC_CHANNELS.shellOpenExternal]: { args: z.tuple([externalUrlSchema]), result: actionResultSchema },
  [IPC_CHANNELS.notifyShow]: { args: z.tuple([notificationSchema]), result: actionResultSchema },
} as const satisfies Record<IpcChannel, { args: z.ZodTuple; result: z.ZodType }>;

/** The arguments a channel accepts, as a tuple (what `ipcRenderer.invoke(channel, ...args)` sends). */
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['args']>;
/** What a channel resolves with. */
export type IpcResult<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['result']>;

/**
 * The object the preload script exposes as `window.crm` (and the renderer's browser fallback implements).
 * Functions only: no `ipcRenderer`, no event emitters, nothing the page could use to reach other channels.
 */
export interface CrmBridge {
  /** App version, platform and whether this is an installed build. */
  getAppInfo: () => Promise<AppInfo>;
  /** Opens a link in the system browser / mail client / dialer, if url-guard.ts allows it. */
  openExternal: (url: string) => Promise<ActionResult>;
  /** Shows a system notification. */
  showNotification: (notification: NotificationInput) => Promise<ActionResult>;
}

type BridgeFunctionFor<C extends IpcChannel> = (...args: IpcArgs<C>) => Promise<IpcResult<C>>;

/**
 * Compile-time proof that every `CrmBridge` function has exactly its channel's signature: `true` when they
 * all match, `boolean` when one does not (contract.test.ts asserts it is exactly `true`).
 */
export type BridgeMatchesContract = {
  [K in keyof CrmBridge]-?: CrmBridge[K] extends BridgeFunctionFor<(typeof BRIDGE_CHANNELS)[K]>
    ? BridgeFunctionFor<(typeof BRIDGE_CHANNELS)[K]> extends CrmBridge[K]
      ? true
      : false
    : false;
}[keyof CrmBridge];
