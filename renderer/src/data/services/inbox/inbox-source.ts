import type { InboxItem } from '@shared/rules';

/**
 * One producer of inbox items (issue 18): follow-up rules and key dates, @mentions, approvals waiting on the viewer.
 * A source computes from the local replica only (it works offline) and keeps its list current by itself: from the
 * replica's change stream (without rescanning everything on each change) and from the clock (an item that falls
 * due while nothing changes). The inbox service merges the sources and applies the viewer's marks.
 */
export interface InboxSource {
  /** Short, stable name for logs and tests ('followUps', 'mentions', 'approvals'). */
  readonly name: string;
  /**
   * Starts computing the items of `viewerId` (the signed-in member). `onItems` gets the source's whole current
   * list each time it changes; the first call is the first computation. `now` is the clock to read (tests and
   * Playwright's page clock control it). Returns a stop function that releases subscriptions and timers.
   */
  start(
    viewerId: string,
    now: () => number,
    onItems: (items: readonly InboxItem[]) => void,
  ): () => void;
}
