import { z } from 'zod';
import {
  DEFAULT_QUIET_HOURS,
  EMPTY_NOTIFY_STATE,
  type NotifyState,
  type QuietHours,
} from '@shared/rules';

/**
 * Inbox notification preferences kept on this computer (issue 18): the person's quiet hours and what this device
 * already notified. Parsed, never trusted: a damaged value reads as the default. Per person and workspace, so two
 * people sharing a computer keep their own.
 */
const minute = z.number().int().min(0).max(1439);
const quietSchema = z.object({ enabled: z.boolean(), start: minute, end: minute });
const notifyStateSchema = z.object({
  notified: z.array(z.string().max(400)).max(10_000),
  holding: z.boolean(),
});

const quietKey = (userId: string) => `crm.inbox.quiet:${userId}`;
const stateKey = (workspaceId: string, userId: string) =>
  `crm.inbox.notified:${workspaceId}:${userId}`;

function read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return fallback;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

const listeners = new Set<() => void>();

export function loadQuietHours(userId: string): QuietHours {
  return read(quietKey(userId), quietSchema, DEFAULT_QUIET_HOURS);
}

export function saveQuietHours(userId: string, quiet: QuietHours): void {
  localStorage.setItem(quietKey(userId), JSON.stringify(quietSchema.parse(quiet)));
  for (const listener of [...listeners]) listener();
}

/** Called when quiet hours change (the notifier decides again). */
export function onQuietHoursChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function loadNotifyState(workspaceId: string, userId: string): NotifyState {
  return read(stateKey(workspaceId, userId), notifyStateSchema, EMPTY_NOTIFY_STATE);
}

export function saveNotifyState(workspaceId: string, userId: string, state: NotifyState): void {
  try {
    localStorage.setItem(stateKey(workspaceId, userId), JSON.stringify(state));
  } catch {
    // A full localStorage only means an item may be notified again: never worth failing the inbox for.
  }
}

/** 'HH:mm' ↔ minutes after midnight (the quiet-hours inputs). */
export function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
export function timeToMinutes(time: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}
