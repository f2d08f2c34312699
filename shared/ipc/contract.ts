import { z } from 'zod';
import { isAppRoute, MAX_APP_ROUTE_LENGTH } from './app-routes';
import {
  APP_COMMANDS,
  type AppCommand,
  type BRIDGE_CHANNELS,
  type BRIDGE_EVENTS,
  IPC_CHANNELS,
  IPC_EVENTS,
  IPC_FAILURE_REASONS,
  type IpcChannel,
  type IpcEvent,
} from './channels';
import { MAX_EXTERNAL_URL_LENGTH } from './url-guard';

export {
  ALL_IPC_CHANNELS,
  APP_COMMANDS,
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
  IPC_CHANNELS,
  IPC_EVENTS,
  IPC_FAILURE_REASONS,
} from './channels';
export type { AppCommand, IpcChannel, IpcEvent, IpcFailureReason } from './channels';

/**
 * The IPC contract between the renderer and the Electron main process (CONVENTIONS.md 4): one zod schema
 * for each channel's arguments (a tuple) and result, and one for each event the main process sends. The main
 * process parses every incoming call as `unknown` against these schemas; the renderer parses every event.
 * Types are inferred from them, never written twice.
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

/** The UI languages; the main process uses it for the menu, tray and dialogs. */
export const appLanguageSchema = z.enum(['zh-CN', 'en']);
export type AppLanguage = z.infer<typeof appLanguageSchema>;

/** An in-app route the main process may open (see app-routes.ts). */
export const appRouteSchema = z
  .string()
  .max(MAX_APP_ROUTE_LENGTH)
  .refine(isAppRoute, 'not an app route');

export const appCommandSchema = z.enum(APP_COMMANDS);

/** Only the shape is checked here; whether the URL may be opened is url-guard.ts's decision. */
export const externalUrlSchema = z.string().min(1).max(MAX_EXTERNAL_URL_LENGTH);

export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_BODY_MAX = 2000;

export const notificationSchema = z.object({
  title: z.string().trim().min(1).max(NOTIFICATION_TITLE_MAX),
  body: z.string().max(NOTIFICATION_BODY_MAX),
});
export type NotificationInput = z.infer<typeof notificationSchema>;

/** A reminder (a task or follow-up coming due): clicking the notification opens `route`. */
export const reminderSchema = notificationSchema.extend({ route: appRouteSchema });
export type ReminderInput = z.infer<typeof reminderSchema>;

const failureReasonSchema = z.enum([
  IPC_FAILURE_REASONS.blockedUrl,
  IPC_FAILURE_REASONS.unsupported,
  IPC_FAILURE_REASONS.failed,
]);
const failureSchema = z.object({ ok: z.literal(false), reason: failureReasonSchema });

/** Outcome of an action the user asked for; a failure carries a reason the UI translates. */
export const actionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  failureSchema,
]);
export type ActionResult = z.infer<typeof actionResultSchema>;

/**
 * Names under which tokens are kept (e.g. `sync:https://crm.example.com`): printable ASCII without spaces.
 * Object-prototype names are refused so a key can never be confused with a property of the vault file's map.
 */
export const VAULT_KEY_MAX = 200;
const RESERVED_VAULT_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const vaultKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
  .max(VAULT_KEY_MAX)
  .refine((key) => !RESERVED_VAULT_KEYS.has(key), 'reserved name');

/** A secret (a sync server's access or refresh token). Long enough for any JWT the server issues. */
export const TOKEN_MAX = 16_384;
export const tokenSchema = z.string().min(1).max(TOKEN_MAX);

/** Reading a token: the token, `null` when none is stored, or why it could not be read. */
export const tokenReadResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), token: tokenSchema.nullable() }),
  failureSchema,
]);
export type TokenReadResult = z.infer<typeof tokenReadResultSchema>;

/** What the tray shows: the team sync state and how many local changes wait to be uploaded. */
export const SYNC_STATES = ['local-only', 'offline', 'syncing', 'synced', 'error'] as const;
export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  pendingChanges: z.number().int().min(0).max(1_000_000_000).optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type SyncState = SyncStatus['state'];

/** Save the current page (an account plan, a quote) as a PDF file the user picks. */
export const PDF_NAME_MAX = 200;
export const pdfExportRequestSchema = z.object({
  suggestedName: z.string().trim().min(1).max(PDF_NAME_MAX),
  landscape: z.boolean().optional(),
});
export type PdfExportRequest = z.infer<typeof pdfExportRequestSchema>;

/**
 * `saved`: written where the user chose; `cancelled`: the user closed the save dialog; `print-dialog`: the
 * browser build opened its print dialog (which offers "Save as PDF") instead.
 */
export const pdfExportResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), outcome: z.enum(['saved', 'cancelled', 'print-dialog']) }),
  failureSchema,
]);
export type PdfExportResult = z.infer<typeof pdfExportResultSchema>;

export const ipcContract = {
  [IPC_CHANNELS.appGetInfo]: { args: z.tuple([]), result: appInfoSchema },
  [IPC_CHANNELS.appSetLanguage]: { args: z.tuple([appLanguageSchema]), result: actionResultSchema },
  [IPC_CHANNELS.appTakePendingRoute]: { args: z.tuple([]), result: appRouteSchema.nullable() },
  [IPC_CHANNELS.shellOpenExternal]: {
    args: z.tuple([externalUrlSchema]),
    result: actionResultSchema,
  },
  [IPC_CHANNELS.notifyShow]: { args: z.tuple([notificationSchema]), result: actionResultSchema },
  [IPC_CHANNELS.notifyReminder]: { args: z.tuple([reminderSchema]), result: actionResultSchema },
  [IPC_CHANNELS.vaultGetToken]: { args: z.tuple([vaultKeySchema]), result: tokenReadResultSchema },
  [IPC_CHANNELS.vaultSetToken]: {
    args: z.tuple([vaultKeySchema, tokenSchema]),
    result: actionResultSchema,
  },
  [IPC_CHANNELS.vaultDeleteToken]: { args: z.tuple([vaultKeySchema]), result: actionResultSchema },
  [IPC_CHANNELS.vaultClear]: { args: z.tuple([]), result: actionResultSchema },
  [IPC_CHANNELS.traySetSyncState]: {
    args: z.tuple([syncStatusSchema]),
    result: actionResultSchema,
  },
  [IPC_CHANNELS.exportPdf]: {
    args: z.tuple([pdfExportRequestSchema]),
    result: pdfExportResultSchema,
  },
} as const satisfies Record<IpcChannel, { args: z.ZodTuple; result: z.ZodType }>;

/** The payload of each main → renderer event. */
export const ipcEventContract = {
  [IPC_EVENTS.navigate]: appRouteSchema,
  [IPC_EVENTS.command]: appCommandSchema,
} as const satisfies Record<IpcEvent, z.ZodType>;

/** The arguments a channel accepts, as a tuple (what `ipcRenderer.invoke(channel, ...args)` sends). */
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['args']>;
/** What a channel resolves with. */
export type IpcResult<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['result']>;
/** What an event carries. */
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEventContract)[E]>;

/** Stops a subscription made with one of the bridge's `on…` functions. */
export type Unsubscribe = () => void;

/**
 * The object the preload script exposes as `window.crm` (and the renderer's browser fallback implements).
 * Functions only: no `ipcRenderer`, no event emitters, nothing the page could use to reach other channels.
 */
export interface CrmBridge {
  /** App version, platform and whether this is an installed build. */
  getAppInfo: () => Promise<AppInfo>;
  /** Tells the main process the UI language (menu, tray, dialogs follow it). */
  setLanguage: (language: AppLanguage) => Promise<ActionResult>;
  /**
   * The route a deep link or clicked reminder asked for before the page could listen (cold start), once;
   * `null` when there is none. Also tells the main process the page now listens for `onNavigate`.
   */
  takePendingRoute: () => Promise<string | null>;
  /** Opens a link in the system browser / mail client / dialer, if url-guard.ts allows it. */
  openExternal: (url: string) => Promise<ActionResult>;
  /** Shows a system notification. */
  showNotification: (notification: NotificationInput) => Promise<ActionResult>;
  /** Shows a reminder; clicking it brings the window forward and opens `route` (through `onNavigate`). */
  showReminder: (reminder: ReminderInput) => Promise<ActionResult>;
  /** Reads a token from the OS-encrypted vault (`unsupported`: no keychain to decrypt with). */
  getToken: (key: string) => Promise<TokenReadResult>;
  /** Stores a token encrypted by the OS keychain; refused (`unsupported`) rather than written in plain text. */
  setToken: (key: string, token: string) => Promise<ActionResult>;
  /** Forgets one token. */
  deleteToken: (key: string) => Promise<ActionResult>;
  /** Forgets every token (signing out, leaving a team). */
  clearTokens: () => Promise<ActionResult>;
  /** Shows the sync state in the tray icon and its tooltip. */
  setTraySyncState: (status: SyncStatus) => Promise<ActionResult>;
  /** Saves the current page as a PDF file the user picks. */
  exportPdf: (request: PdfExportRequest) => Promise<PdfExportResult>;
  /** Calls `listener` with each route the main process asks to open; returns the unsubscribe function. */
  onNavigate: (listener: (route: string) => void) => Unsubscribe;
  /** Calls `listener` with each menu command; returns the unsubscribe function. */
  onCommand: (listener: (command: AppCommand) => void) => Unsubscribe;
}

type BridgeFunctionFor<C extends IpcChannel> = (...args: IpcArgs<C>) => Promise<IpcResult<C>>;
type BridgeSubscriptionFor<E extends IpcEvent> = (
  listener: (payload: IpcEventPayload<E>) => void,
) => Unsubscribe;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type CallsMatch = {
  [K in keyof typeof BRIDGE_CHANNELS]-?: Same<
    CrmBridge[K],
    BridgeFunctionFor<(typeof BRIDGE_CHANNELS)[K]>
  >;
}[keyof typeof BRIDGE_CHANNELS];
type EventsMatch = {
  [K in keyof typeof BRIDGE_EVENTS]-?: Same<
    CrmBridge[K],
    BridgeSubscriptionFor<(typeof BRIDGE_EVENTS)[K]>
  >;
}[keyof typeof BRIDGE_EVENTS];

/**
 * Compile-time proof that every `CrmBridge` function has exactly its channel's (or event's) signature: `true`
 * when they all match, `false` when one does not (contract.test.ts asserts it is exactly `true`).
 */
export type BridgeMatchesContract = [CallsMatch, EventsMatch] extends [true, true] ? true : false;

/** The bridge without its event subscriptions: what `BRIDGE_CHANNELS` maps to channels. */
export type CrmBridgeCalls = Pick<CrmBridge, keyof typeof BRIDGE_CHANNELS>;
/** The bridge's event subscriptions. */
export type CrmBridgeEvents = Pick<CrmBridge, keyof typeof BRIDGE_EVENTS>;
