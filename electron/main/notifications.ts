import type { NotificationConstructorOptions } from 'electron';
import { isAppRoute } from '@shared/ipc/app-routes';
import type { ReminderInput } from '@shared/ipc/contract';

/**
 * Reminders (a task or follow-up coming due) as desktop notifications: what the notification shows and which
 * record opens when it is clicked. Only a type is imported from `electron`.
 */

/** Toasts and notification centres cut long texts anyway; cut them ourselves, on a character boundary. */
export const REMINDER_TITLE_SHOWN = 80;
export const REMINDER_BODY_SHOWN = 240;

function shorten(text: string, limit: number): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length <= limit
    ? characters.join('')
    : `${characters
        .slice(0, limit - 1)
        .join('')
        .trimEnd()}…`;
}

export interface ReminderNotification {
  options: NotificationConstructorOptions;
  /** The route to open on click; `/` (My Day, where reminders are listed) if the given one is not an app route. */
  route: string;
}

export function buildReminderNotification(
  reminder: ReminderInput,
  platform: NodeJS.Platform,
): ReminderNotification {
  return {
    options: {
      title: shorten(reminder.title, REMINDER_TITLE_SHOWN),
      body: shorten(reminder.body, REMINDER_BODY_SHOWN),
      silent: false,
      // Linux notification daemons hide "low" reminders in some desktops; "normal" stays visible.
      ...(platform === 'linux' ? { urgency: 'normal' as const } : {}),
      // Windows: stay in the Action Center after the toast disappears, so a missed reminder is still found.
      ...(platform === 'win32' ? { timeoutType: 'default' as const } : {}),
    },
    route: isAppRoute(reminder.route) ? reminder.route : '/',
  };
}
