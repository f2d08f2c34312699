import { isAppRoute } from '@shared/ipc/app-routes';

/**
 * Routes the main process wants the page to open (deep links, clicked reminders, the Go menu) arrive at any
 * time — a cold-start deep link even before the window exists, and the page's router only listens once the
 * workspace is open. This queue holds the latest route until the page says it listens
 * (`app:take-pending-route`), then sends routes straight through. A reload or crash of the page makes it
 * "not listening" again. Pure: the sending is injected.
 */
export interface NavigationQueue {
  /** Opens `route` now if the page listens, else keeps it (the latest wins). Returns what happened. */
  navigate: (route: string) => 'sent' | 'queued' | 'refused';
  /** The page listens from now on; returns the route that was waiting (once), or null. */
  takePending: () => string | null;
  /** The page reloaded, navigated or crashed: keep routes until it listens again. */
  reset: () => void;
}

export function createNavigationQueue(send: (route: string) => void): NavigationQueue {
  let listening = false;
  let pending: string | null = null;
  return {
    navigate(route) {
      if (!isAppRoute(route)) return 'refused';
      if (listening) {
        send(route);
        return 'sent';
      }
      pending = route;
      return 'queued';
    },
    takePending() {
      listening = true;
      const route = pending;
      pending = null;
      return route;
    },
    reset() {
      listening = false;
    },
  };
}
