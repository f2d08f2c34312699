import { useSyncExternalStore } from 'react';

/**
 * One clock for every live timer on screen (SLA timers, issue 21): a single interval ticks each second while
 * anything listens, and every subscriber reads the same `Date.now()` (so Playwright's `page.clock` drives them
 * all). `stepMs` rounds what a component sees, so a timer showing minutes re-renders once a minute.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The time now, refreshed every `stepMs` (1000: each second; 60 000: each minute). */
export function useClock(stepMs = 1000): number {
  const step = Math.max(1000, stepMs);
  return useSyncExternalStore(subscribe, () => Math.floor(now / step) * step);
}
