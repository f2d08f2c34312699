/**
 * Start-up order (BENCHMARKS.md B6: cold start to the first accounts row ≤ 1 s with set L stored). The first
 * screen needs the replica and one indexed page of one list; everything else — the search index's snapshot
 * (tens of MB read from IndexedDB, which shares one backing store with the list's reads), the other pages'
 * code, the document engine — waits until that screen has shown its content, then runs when the page is idle.
 *
 * `markFirstContent()` is called by the first list that receives its first page (hooks/use-paged-list.ts) and,
 * for screens without a list, when the workspace is open (app-layout.tsx).
 */

let firstContent = false;
/** The frame showing the first content has passed (firstContentShown resolved). */
let firstContentFramePassed = false;
const waiting: (() => void)[] = [];
let announceShown: () => void = () => undefined;
let shown = new Promise<void>((resolve) => (announceShown = resolve));

/**
 * Runs `task` when the page is next idle (no deadline: whatever waits here is not needed to see or use the
 * screen, so it yields to anything that is).
 */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task());
  else setTimeout(task, 0);
}

/** The first screen has shown its content (idempotent): deferred start-up work may run. */
export function markFirstContent(): void {
  if (firstContent) return;
  firstContent = true;
  if (typeof performance !== 'undefined') performance.mark('crm:first-content');
  // After the frame that shows it: a task queued now would delay that paint.
  const run = () => {
    for (const task of waiting.splice(0)) {
      try {
        task();
      } catch (error) {
        console.error(error);
      }
    }
  };
  const page = typeof document === 'undefined' ? undefined : document;
  const afterFrame = () => {
    if (firstContentFramePassed) return;
    firstContentFramePassed = true;
    page?.removeEventListener('visibilitychange', afterFrameIfHidden);
    announceShown();
    whenIdle(run);
  };
  // A hidden page draws no frames (a background tab): there is no paint to protect, and waiting for a frame
  // would hold the replica's open until someone looks at the tab.
  const afterFrameIfHidden = () => {
    if (page?.visibilityState === 'hidden') afterFrame();
  };
  if (typeof requestAnimationFrame !== 'function' || page?.visibilityState === 'hidden') {
    afterFrame();
    return;
  }
  page?.addEventListener('visibilitychange', afterFrameIfHidden);
  requestAnimationFrame(() => setTimeout(afterFrame, 0));
}

/**
 * Resolves after the frame that shows the first content (before the idle-time tasks of afterFirstContent):
 * work that must not delay that frame but should not wait for an idle moment either (opening the replica).
 */
export function firstContentShown(): Promise<void> {
  return shown;
}

/** Whether the frame showing the first content has passed (true for every screen opened after the first). */
export function hasFirstContentShown(): boolean {
  return firstContentFramePassed;
}

/** Runs `task` once the first screen has shown its content and the page is idle (at once in tests after that). */
export function afterFirstContent(task: () => void): void {
  if (firstContent && waiting.length === 0) {
    whenIdle(task);
    return;
  }
  waiting.push(task);
}

/** For tests: back to "nothing shown yet". */
export function resetStartupForTests(): void {
  firstContent = false;
  firstContentFramePassed = false;
  waiting.length = 0;
  shown = new Promise<void>((resolve) => (announceShown = resolve));
}
