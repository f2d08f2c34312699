import {
  type AppInfo,
  IPC_CHANNELS,
  IPC_FAILURE_REASONS,
  type IpcArgs,
  type IpcChannel,
  type IpcResult,
  ipcContract,
  type NotificationInput,
} from '@shared/ipc/contract';
import { isAllowedNavigation, toSafeExternalUrl } from '@shared/ipc/url-guard';

/** What the handlers need from the platform; ipc-adapter.ts implements it with Electron, tests with fakes. */
export interface MainServices {
  getAppInfo: () => AppInfo;
  /** Hands an already-validated URL to the OS (Electron `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  notificationsSupported: () => boolean;
  showNotification: (notification: NotificationInput) => void;
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

export function createIpcHandlers(services: MainServices): IpcHandlers {
  return {
    [IPC_CHANNELS.appGetInfo]: () => Promise.resolve(services.getAppInfo()),

    [IPC_CHANNELS.shellOpenExternal]: async (url) => {
      const safeUrl = toSafeExternalUrl(url);
      if (safeUrl === null) return { ok: false, reason: IPC_FAILURE_REASONS.blockedUrl };
      try {
        await services.openExternal(safeUrl);
        return { ok: true };
      } catch {
        return { ok: false, reason: IPC_FAILURE_REASONS.failed };
      }
    },

    [IPC_CHANNELS.notifyShow]: (notification) => {
      if (!services.notificationsSupported()) {
        return Promise.resolve({ ok: false, reason: IPC_FAILURE_REASONS.unsupported });
      }
      try {
        services.showNotification(notification);
        return Promise.resolve({ ok: true });
      } catch {
        return Promise.resolve({ ok: false, reason: IPC_FAILURE_REASONS.failed });
      }
    },
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
  if (!isTrustedSender(sender, appEntryUrl)) throw new IpcRejectedError(channel, 'untrusted-sender');
  const schema = ipcContract[channel];
  const args = schema.args.safeParse(rawArgs);
  if (!args.success) throw new IpcRejectedError(channel, 'invalid-arguments');
  const handler = handlers[channel] as (...args: IpcArgs<C>) => Promise<IpcResult<C>>;
  const result = schema.result.safeParse(await handler(...(args.data as IpcArgs<C>)));
  if (!result.success) throw new IpcRejectedError(channel, 'invalid-result');
  return result.data as IpcResult<C>;
}
