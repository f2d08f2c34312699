import { describe, expect, it, vi } from 'vitest';
import { createMemoryJsonStore } from './json-file-store';
import {
  captureWindowState,
  createWindowStateSaver,
  restoreWindowPlacement,
  type DisplayLayout,
  type Timers,
  type WindowState,
} from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };
const single: DisplayLayout = { workAreas: [laptop], primary: laptop };
const dual: DisplayLayout = { workAreas: [laptop, rightMonitor], primary: laptop };

function saved(
  bounds: WindowState['bounds'],
  flags: Partial<Pick<WindowState, 'isMaximized' | 'isFullScreen'>> = {},
): WindowState {
  return { bounds, isMaximized: false, isFullScreen: false, ...flags };
}

describe('restoreWindowPlacement', () => {
  const cases: [string, unknown, DisplayLayout, ReturnType<typeof restoreWindowPlacement>][] = [
    [
      'nothing saved → default size, centred by the OS',
      undefined,
      single,
      { width: 1280, height: 800, isMaximized: false, isFullScreen: false },
    ],
    [
      'garbage → default',
      { bounds: 'big' },
      single,
      { width: 1280, height: 800, isMaximized: false, isFullScreen: false },
    ],
    [
      'non-integer numbers → default',
      saved({ x: 0.5, y: 0, width: 1000, height: 700 }),
      single,
      { width: 1280, height: 800, isMaximized: false, isFullScreen: false },
    ],
    [
      'a visible window stays where it was',
      saved({ x: 100, y: 50, width: 1200, height: 700 }),
      single,
      { x: 100, y: 50, width: 1200, height: 700, isMaximized: false, isFullScreen: false },
    ],
    [
      'a window on the second monitor stays there',
      saved({ x: 2100, y: 100, width: 1600, height: 1000 }),
      dual,
      { x: 2100, y: 100, width: 1600, height: 1000, isMaximized: false, isFullScreen: false },
    ],
    [
      'the second monitor was unplugged → centred on the primary',
      saved({ x: 2100, y: 100, width: 1600, height: 1000 }),
      single,
      { x: 160, y: 20, width: 1600, height: 1000, isMaximized: false, isFullScreen: false },
    ],
    [
      'half off the right edge → pulled fully on screen',
      saved({ x: 1500, y: 100, width: 1200, height: 700 }),
      single,
      { x: 720, y: 100, width: 1200, height: 700, isMaximized: false, isFullScreen: false },
    ],
    [
      'above the top (title bar unreachable) → moved down',
      saved({ x: 100, y: -300, width: 1200, height: 700 }),
      single,
      { x: 100, y: 0, width: 1200, height: 700, isMaximized: false, isFullScreen: false },
    ],
    [
      'bigger than the screen now → shrunk to the work area',
      saved({ x: 0, y: 0, width: 3000, height: 2000 }),
      single,
      { x: 0, y: 0, width: 1920, height: 1040, isMaximized: false, isFullScreen: false },
    ],
    [
      'smaller than the minimum → grown to it',
      saved({ x: 10, y: 10, width: 300, height: 200 }),
      single,
      { x: 10, y: 10, width: 960, height: 600, isMaximized: false, isFullScreen: false },
    ],
    [
      'maximized is kept',
      saved({ x: 10, y: 10, width: 1200, height: 700 }, { isMaximized: true }),
      single,
      { x: 10, y: 10, width: 1200, height: 700, isMaximized: true, isFullScreen: false },
    ],
    [
      'full screen is kept',
      saved({ x: 10, y: 10, width: 1200, height: 700 }, { isFullScreen: true }),
      single,
      { x: 10, y: 10, width: 1200, height: 700, isMaximized: false, isFullScreen: true },
    ],
  ];
  it.each(cases)('%s', (_name, state, layout, expected) => {
    expect(restoreWindowPlacement(state, layout)).toEqual(expected);
  });

  it('never opens larger than a small screen, even below the minimum size', () => {
    const netbook = { x: 0, y: 0, width: 1024, height: 560 };
    expect(
      restoreWindowPlacement(undefined, { workAreas: [netbook], primary: netbook }),
    ).toMatchObject({ width: 1024, height: 560 });
  });

  it('picks the display the window overlaps most', () => {
    const placement = restoreWindowPlacement(
      saved({ x: 1800, y: 0, width: 1000, height: 700 }),
      dual,
    );
    expect(placement.x).toBe(1920);
  });
});

describe('captureWindowState', () => {
  it('rounds the normal bounds and keeps the flags', () => {
    expect(
      captureWindowState({
        normalBounds: { x: 10.4, y: 20.6, width: 1280, height: 800 },
        isMaximized: true,
        isFullScreen: false,
      }),
    ).toEqual({
      bounds: { x: 10, y: 21, width: 1280, height: 800 },
      isMaximized: true,
      isFullScreen: false,
    });
  });

  it('refuses unusable bounds', () => {
    expect(
      captureWindowState({
        normalBounds: { x: 0, y: 0, width: 0, height: 0 },
        isMaximized: false,
        isFullScreen: false,
      }),
    ).toBeNull();
  });
});

describe('createWindowStateSaver', () => {
  function fakeTimers() {
    let next: (() => void) | null = null;
    const timers: Timers = {
      set: (callback) => {
        next = callback;
        return 1;
      },
      clear: () => {
        next = null;
      },
    };
    return { timers, fire: () => next?.() };
  }
  const a = saved({ x: 1, y: 1, width: 1000, height: 700 });
  const b = saved({ x: 2, y: 2, width: 1000, height: 700 });

  it('writes only the last state after the window is still', () => {
    const store = createMemoryJsonStore();
    const write = vi.spyOn(store, 'write');
    const { timers, fire } = fakeTimers();
    const saver = createWindowStateSaver({ store, timers });
    saver.schedule(a);
    saver.schedule(b);
    expect(write).not.toHaveBeenCalled();
    fire();
    expect(write).toHaveBeenCalledTimes(1);
    expect(store.value).toEqual(b);
  });

  it('writes immediately on flush, and only once', () => {
    const store = createMemoryJsonStore();
    const write = vi.spyOn(store, 'write');
    const { timers, fire } = fakeTimers();
    const saver = createWindowStateSaver({ store, timers });
    saver.schedule(a);
    saver.flush();
    fire();
    saver.flush();
    expect(write).toHaveBeenCalledTimes(1);
    expect(store.value).toEqual(a);
  });

  it('ignores unusable states', () => {
    const store = createMemoryJsonStore('before');
    const saver = createWindowStateSaver({ store, timers: fakeTimers().timers });
    saver.schedule(null);
    saver.flush();
    expect(store.value).toBe('before');
  });

  it('reports write errors instead of throwing', () => {
    const onError = vi.fn();
    const store = {
      read: () => undefined,
      write: () => {
        throw new Error('disk full');
      },
    };
    const saver = createWindowStateSaver({ store, timers: fakeTimers().timers, onError });
    saver.schedule(a);
    expect(() => saver.flush()).not.toThrow();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }));
  });

  it('uses real timers by default', () => {
    vi.useFakeTimers();
    try {
      const store = createMemoryJsonStore();
      const saver = createWindowStateSaver({ store, delayMs: 500 });
      saver.schedule(a);
      vi.advanceTimersByTime(499);
      expect(store.value).toBeUndefined();
      vi.advanceTimersByTime(1);
      expect(store.value).toEqual(a);
    } finally {
      vi.useRealTimers();
    }
  });
});
