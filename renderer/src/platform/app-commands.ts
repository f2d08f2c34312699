import { useEffect, useEffectEvent } from 'react';
import type { AppCommand } from '@shared/ipc/channels';
import type { Unsubscribe } from '@shared/ipc/contract';

/**
 * Menu commands inside the page. The application menu (or a shortcut) sends a command; the page that can carry
 * it out subscribes with `useAppCommand` — e.g. the accounts page opens its "new account" form. A command that
 * nobody handles yet can be kept for a moment, so "New account" from anywhere navigates to the accounts page
 * and the form opens as soon as that page mounts.
 */

type Handler = () => void;

const handlers = new Map<AppCommand, Set<Handler>>();
let pending: { command: AppCommand; at: number } | null = null;

/** A kept command older than this is dropped: the person has moved on. */
export const PENDING_COMMAND_TTL_MS = 5_000;

export interface EmitOptions {
  /** Keep the command for the next subscriber when nobody handles it now. */
  keepIfUnhandled?: boolean;
  now?: number;
}

/** Runs the command's handlers; returns false when there was none (the caller then does the default). */
export function emitAppCommand(
  command: AppCommand,
  { keepIfUnhandled = false, now = Date.now() }: EmitOptions = {},
): boolean {
  const subscribed = handlers.get(command);
  if (subscribed !== undefined && subscribed.size > 0) {
    pending = null;
    for (const handler of [...subscribed]) handler();
    return true;
  }
  pending = keepIfUnhandled ? { command, at: now } : null;
  return false;
}

/** Subscribes to a command; a fresh kept command of that kind is delivered at once. */
export function subscribeAppCommand(
  command: AppCommand,
  handler: Handler,
  now: number = Date.now(),
): Unsubscribe {
  let subscribed = handlers.get(command);
  if (subscribed === undefined) {
    subscribed = new Set();
    handlers.set(command, subscribed);
  }
  subscribed.add(handler);
  if (pending !== null && pending.command === command) {
    const fresh = now - pending.at <= PENDING_COMMAND_TTL_MS;
    pending = null;
    if (fresh) handler();
  }
  return () => {
    subscribed.delete(handler);
  };
}

/** `useAppCommand('new-account', form.open)`: runs `handler` whenever the menu sends the command. */
export function useAppCommand(command: AppCommand, handler: Handler): void {
  const onCommand = useEffectEvent(handler);
  useEffect(() => subscribeAppCommand(command, () => onCommand()), [command]);
}

/** For tests: forget every subscription and kept command. */
export function resetAppCommands(): void {
  handlers.clear();
  pending = null;
}
