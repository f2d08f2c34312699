import { isDesktopApp } from './bridge';

export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

/** Whether this window may show notifications: the desktop app always may; a browser only once the person allowed. */
export function notificationPermission(): NotificationPermissionState {
  if (isDesktopApp()) return 'granted';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/** Asks the browser for permission: only from a click (a user gesture), or the browser refuses without asking. */
export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  if (isDesktopApp()) return 'granted';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}
