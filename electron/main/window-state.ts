import { z } from 'zod';
import type { JsonStore } from './json-file-store';

/**
 * The main window comes back where the person left it: size, position, maximized or full screen. Saved
 * through an injected store (a JSON file in userData), debounced while the window is dragged, and checked
 * against the displays attached now — a window saved on a monitor that has since been unplugged is brought
 * back onto the primary display instead of opening off screen.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
/** Mirrors window-options.ts `minWidth`/`minHeight`: the layout needs this much room. */
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

export const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  isMaximized: z.boolean(),
  isFullScreen: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** What to create the window with; no x/y means "let the OS centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
  isFullScreen: boolean;
}

export interface DisplayLayout {
  /** The work area (screen minus taskbar/dock/menu bar) of every attached display. */
  workAreas: readonly Rect[];
  /** The primary display's work area. */
  primary: Rect;
}

function intersectionArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clampLength(wanted: number, minimum: number, available: number): number {
  return Math.max(1, Math.min(Math.max(wanted, minimum), available));
}

function clampPosition(start: number, size: number, areaStart: number, areaSize: number): number {
  return Math.min(Math.max(start, areaStart), areaStart + areaSize - size);
}

function defaultPlacement(primary: Rect): WindowPlacement {
  return {
    width: clampLength(DEFAULT_WINDOW_SIZE.width, MIN_WINDOW_SIZE.width, primary.width),
    height: clampLength(DEFAULT_WINDOW_SIZE.height, MIN_WINDOW_SIZE.height, primary.height),
    isMaximized: false,
    isFullScreen: false,
  };
}

/**
 * Where to open the window: the saved bounds, resized to fit and moved fully onto the display they overlap
 * most; centred on the primary display when they overlap none; the default size when nothing valid was saved.
 */
export function restoreWindowPlacement(
  saved: unknown,
  { workAreas, primary }: DisplayLayout,
): WindowPlacement {
  const parsed = windowStateSchema.safeParse(saved);
  if (!parsed.success) return defaultPlacement(primary);
  const { bounds, isMaximized, isFullScreen } = parsed.data;

  let target: Rect | null = null;
  let best = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(bounds, area);
    if (overlap > best) {
      best = overlap;
      target = area;
    }
  }
  const area = target ?? primary;
  const width = clampLength(bounds.width, MIN_WINDOW_SIZE.width, area.width);
  const height = clampLength(bounds.height, MIN_WINDOW_SIZE.height, area.height);
  if (target === null) {
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
      isMaximized,
      isFullScreen,
    };
  }
  return {
    x: clampPosition(bounds.x, width, area.x, area.width),
    y: clampPosition(bounds.y, height, area.y, area.height),
    width,
    height,
    isMaximized,
    isFullScreen,
  };
}

export interface WindowSnapshot {
  /** `BrowserWindow.getNormalBounds()`: the un-maximized bounds, so un-maximizing later restores them. */
  normalBounds: Rect;
  isMaximized: boolean;
  isFullScreen: boolean;
}

/** The state to save for a window as it is now, or `null` when its bounds are unusable (minimized on some WMs). */
export function captureWindowState({
  normalBounds,
  isMaximized,
  isFullScreen,
}: WindowSnapshot): WindowState | null {
  const parsed = windowStateSchema.safeParse({
    bounds: {
      x: Math.round(normalBounds.x),
      y: Math.round(normalBounds.y),
      width: Math.round(normalBounds.width),
      height: Math.round(normalBounds.height),
    },
    isMaximized,
    isFullScreen,
  });
  return parsed.success ? parsed.data : null;
}

export interface Timers {
  set: (callback: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface WindowStateSaver {
  /** Remembers the latest state and writes it once the window has been still for `delayMs`. */
  schedule: (state: WindowState | null) => void;
  /** Writes the waiting state now (window closing, app quitting). */
  flush: () => void;
}

export interface WindowStateSaverOptions {
  store: JsonStore;
  delayMs?: number;
  timers?: Timers;
  /** Called with write errors; saving window bounds must never crash the app. */
  onError?: (error: unknown) => void;
}

/** Debounced saving: a drag fires dozens of `move` events; only the last position is written. */
export function createWindowStateSaver({
  store,
  delayMs = 500,
  timers = realTimers,
  onError,
}: WindowStateSaverOptions): WindowStateSaver {
  let waiting: WindowState | null = null;
  let handle: unknown = null;

  const flush = (): void => {
    if (handle !== null) timers.clear(handle);
    handle = null;
    if (waiting === null) return;
    const state = waiting;
    waiting = null;
    try {
      store.write(state);
    } catch (error) {
      onError?.(error);
    }
  };

  return {
    schedule(state) {
      if (state === null) return;
      waiting = state;
      if (handle !== null) timers.clear(handle);
      handle = timers.set(flush, delayMs);
    },
    flush,
  };
}
