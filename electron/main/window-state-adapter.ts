import { type BrowserWindow, screen } from 'electron';
import { captureWindowState, type DisplayLayout, type WindowStateSaver } from './window-state';

/** The displays attached now (work areas exclude the taskbar, dock and menu bar). */
export function currentDisplayLayout(): DisplayLayout {
  return {
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
    primary: screen.getPrimaryDisplay().workArea,
  };
}

/** Saves the window's bounds whenever it moves, resizes or changes mode, and once more when it closes. */
export function persistWindowState(window: BrowserWindow, saver: WindowStateSaver): void {
  const snapshot = () =>
    captureWindowState({
      normalBounds: window.getNormalBounds(),
      isMaximized: window.isMaximized(),
      isFullScreen: window.isFullScreen(),
    });
  const schedule = () => {
    if (!window.isDestroyed() && !window.isMinimized()) saver.schedule(snapshot());
  };
  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('enter-full-screen', schedule);
  window.on('leave-full-screen', schedule);
  window.on('close', () => {
    schedule();
    saver.flush();
  });
}
