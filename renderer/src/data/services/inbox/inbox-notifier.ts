import {
  planNotifications,
  type NotifyState,
  type PlannedNotification,
  type QuietHours,
} from '@shared/rules';
import type { InboxSnapshot } from './inbox-service';

/** What the notifier needs from its surroundings (the app wires the bridge, i18n and localStorage; tests fakes). */
export interface InboxNotifierOptions {
  inbox: { subscribe(listener: () => void): () => void; getSnapshot(): InboxSnapshot };
  /** Shows one planned notification (the preload bridge's `showReminder`, or the browser's Notification API). */
  show: (notification: PlannedNotification) => Promise<unknown>;
  /** This device's memory of what it notified (per workspace and person). */
  loadState: () => NotifyState;
  saveState: (state: NotifyState) => void;
  quietHours: () => QuietHours;
  now?: () => number;
  /** Minutes east of UTC at `now` (the machine's zone; tests fix it). */
  utcOffsetMinutes?: (now: number) => number;
  onError?: (what: string, error: unknown) => void;
}

const MAX_TIMER_MS = 2_147_483_647;

/**
 * Desktop notifications for new inbox items (issue 18): decides with the pure `planNotifications` (new only, never a
 * burst, quiet hours) each time the inbox changes, remembers on this device what it told, and decides again when
 * quiet hours end.
 */
export class InboxNotifier {
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private readonly offset: (now: number) => number;

  constructor(private readonly options: InboxNotifierOptions) {
    this.now = options.now ?? (() => Date.now());
    this.offset = options.utcOffsetMinutes ?? ((now) => -new Date(now).getTimezoneOffset());
  }

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.options.inbox.subscribe(() => this.check());
    this.check();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Decides again now (the inbox changed, quiet hours ended, or the settings changed). */
  check(): void {
    if (!this.unsubscribe) return;
    const snapshot = this.options.inbox.getSnapshot();
    // Before every source has computed, an item missing is not an item gone: decide on the whole inbox only.
    if (!snapshot.ready) return;
    const now = this.now();
    const plan = planNotifications({
      items: snapshot.items,
      state: this.options.loadState(),
      now,
      quiet: this.options.quietHours(),
      utcOffsetMinutes: this.offset(now),
    });
    this.options.saveState(plan.state);
    for (const notification of plan.notifications)
      this.options
        .show(notification)
        .catch((error: unknown) => this.options.onError?.('show a notification', error));
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (plan.recheckAt !== null)
      this.timer = setTimeout(
        () => this.check(),
        Math.min(Math.max(0, plan.recheckAt - now), MAX_TIMER_MS),
      );
  }
}
