import {
  type ActionResult,
  type AppInfo,
  type AppLanguage,
  IPC_CHANNELS,
  IPC_FAILURE_REASONS,
  type IpcArgs,
  type IpcChannel,
  type IpcResult,
  ipcContract,
  type NotificationInput,
  type PdfExportRequest,
  type ReminderInput,
  type SyncStatus,
} from '@shared/ipc/contract';
import { isAllowedNavigation, toSafeExternalUrl } from '@shared/ipc/url-guard';
import { type TokenVault, VaultUnavailableError } from './token-vault';

/** What the handlers need from the platform; ipc-adapter.ts implements it with Electron, tests with fakes. */
export interface MainServices {
  getAppInfo: () => AppInfo;
  /** Hands an already-validated URL to the OS (Electron `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  notificationsSupported: () => boolean;
  showNotification: (notification: NotificationInput) => void;
  /** Shows a reminder whose click opens `reminder.route`. */
  showReminder: (reminder: ReminderInput) => void;
  /** The OS-encrypted token store (token-vault.ts). */
  vault: TokenVault;
  /** Rebuilds the menu and tray texts in this language and remembers it for the next start. */
  setLanguage: (language: AppLanguage) => void;
  /** The route waiting from a deep link or clicked reminder (navigation-queue.ts). */
  takePendingRoute: () => string | null;
  /** Updates the tray; false when there is no tray (some Linux desktops). */
  setTraySyncState: (status: SyncStatus) => boolean;
  /** Asks where to save and writes the page as a PDF. */
  exportPdf: (request: PdfExportRequest) => Promise<'saved' | 'cancelled'>;
  /** Failures the handlers turned into a `failed` result, for the main log (never the arguments: they may be secret). */
  reportFailure?: (channel: IpcChannel, error: unknown) => void;
}

/** One handler per channel, called with arguments the contract has already validated. */
export type IpcHandlers = { [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>> };

/** Thrown (and so rejected in the renderer's `invoke`) when a call breaks the contract or comes from a stranger. */
export class IpcRejectedError extends Error {
  constructor(
    readonly channel: IpcChannel,
    readonly reason: 'untrusted-sender' | 'invalid-arguments' | 'invalid-result',
  ) {
    super(`IPC call on ${channel} rejected: ${reason}`);
    this.name = 'IpcRejectedError';
  }
}

const OK: ActionResult = { ok: true };
const UNSUPPORTED = { ok: false, reason: IPC_FAILURE_REASONS.unsupported } as const;
const FAILED = { ok: false, reason: IPC_FAILURE_REASONS.failed } as const;

export function createIpcHandlers(services: MainServices): IpcHandlers {
  /** Runs an action; a missing keychain is `unsupported`, anything else that throws is `failed` (and reported). */
  async function attempt<T, R>(
    channel: IpcChannel,
    action: () => Promise<T> | T,
    onSuccess: (value: T) => R,
  ): Promise<R | typeof UNSUPPORTED | typeof FAILED> {
    try {
      return onSuccess(await action());
    } catch (error) {
      if (error instanceof VaultUnavailableError) return UNSUPPORTED;
      services.reportFailure?.(channel, error);
      return FAILED;
    }
  }

  return {
    [IPC_CHANNELS.appGetInfo]: () => Promise.resolve(services.getAppInfo()),

    [IPC_CHANNELS.appSetLanguage]: (language) =>
      attempt(
        IPC_CHANNELS.appSetLanguage,
        () => services.setLanguage(language),
        () => OK,
      ),

    [IPC_CHANNELS.appTakePendingRoute]: () => Promise.resolve(services.takePendingRoute()),

    [IPC_CHANNELS.shellOpenExternal]: async (url) => {
      const safeUrl = toSafeExternalUrl(url);
      if (safeUrl === null) return { ok: false, reason: IPC_FAILURE_REASONS.blockedUrl };
      try {
        await services.openExternal(safeUrl);
        return OK;
      } catch {
        return FAILED;
      }
    },

    [IPC_CHANNELS.notifyShow]: (notification) => {
      if (!services.notificationsSupported()) return Promise.resolve(UNSUPPORTED);
      return attempt(
        IPC_CHANNELS.notifyShow,
        () => services.showNotification(notification),
        () => OK,
      );
    },

    [IPC_CHANNELS.notifyReminder]: (reminder) => {
      if (!services.notificationsSupported()) return Promise.resolve(UNSUPPORTED);
      return attempt(
        IPC_CHANNELS.notifyReminder,
        () => services.showReminder(reminder),
        () => OK,
      );
    },

    [IPC_CHANNELS.vaultGetToken]: (key) =>
      attempt(
        IPC_CHANNELS.vaultGetToken,
        () => services.vault.get(key),
        (token) => ({ ok: true as const, token }),
      ),

    [IPC_CHANNELS.vaultSetToken]: (key, token) =>
      attempt(
        IPC_CHANNELS.vaultSetToken,
        () => services.vault.set(key, token),
        () => OK,
      ),

    [IPC_CHANNELS.vaultDeleteToken]: (key) =>
      attempt(
        IPC_CHANNELS.vaultDeleteToken,
        () => services.vault.delete(key),
        () => OK,
      ),

    [IPC_CHANNELS.vaultClear]: () =>
      attempt(
        IPC_CHANNELS.vaultClear,
        () => services.vault.clear(),
        () => OK,
      ),

    [IPC_CHANNELS.traySetSyncState]: (status) =>
      attempt(
        IPC_CHANNELS.traySetSyncState,
        () => services.setTraySyncState(status),
        (shown): ActionResult => (shown ? OK : UNSUPPORTED),
      ),

    [IPC_CHANNELS.exportPdf]: (request) =>
      attempt(
        IPC_CHANNELS.exportPdf,
        () => services.exportPdf(request),
        (outcome) => ({ ok: true as const, outcome }),
      ),
  };
}

/** The frame an IPC message came from (Electron's `event.senderFrame`), reduced to what the check needs. */
export interface IpcSender {
  url: string | undefined;
  isMainFrame: boolean;
}

/**
 * Only the app's own top-level page may call the main process (Electron security checklist item 17,
 * "Validate the sender of all IPC messages"): not a sub-frame, not a page that navigated elsewhere.
 */
export function isTrustedSender(sender: IpcSender, appEntryUrl: string): boolean {
  return sender.isMainFrame && isAllowedNavigation(sender.url, appEntryUrl);
}

export interface DispatchContext {
  handlers: IpcHandlers;
  appEntryUrl: string;
}

/**
 * Runs one IPC call: checks the sender, parses the raw arguments against the channel's schema, calls the
 * handler and checks its result against the contract too.
 */
export async function dispatchIpcCall<C extends IpcChannel>(
  channel: C,
  sender: IpcSender,
  rawArgs: unknown,
  { handlers, appEntryUrl }: DispatchContext,
): Promise<IpcResult<C>> {
  if (!isTrustedSender(sender, appEntryUrl))
    throw new IpcRejectedError(channel, 'untrusted-sender');
  const schema = ipcContract[channel];
  const args = schema.args.safeParse(rawArgs);
  if (!args.success) throw new IpcRejectedError(channel, 'invalid-arguments');
  const handler = handlers[channel] as (...args: IpcArgs<C>) => Promise<IpcResult<C>>;
  const result = schema.result.safeParse(await handler(...(args.data as IpcArgs<C>)));
  if (!result.success) throw new IpcRejectedError(channel, 'invalid-result');
  return result.data as IpcResult<C>;
}
