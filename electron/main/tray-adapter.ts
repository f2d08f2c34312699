import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import type { AppLanguage, SyncStatus } from '@shared/ipc/contract';
import type { MainLogger } from './main-log';
import { mainTexts } from './main-i18n';
import { describeTrayState } from './tray-state';

export interface TrayController {
  /** Shows a sync state; false when the desktop has no tray. */
  setStatus: (status: SyncStatus) => boolean;
  setLanguage: (language: AppLanguage) => void;
  destroy: () => void;
}

export interface TrayOptions {
  iconDir: string;
  language: AppLanguage;
  onOpen: () => void;
  onQuit: () => void;
  logger: MainLogger;
}

/**
 * The tray icon: the sync state as icon + tooltip, a click brings the window forward, a small menu (state,
 * open, quit). Some Linux desktops have no tray; then the app works without one.
 */
export function createTray({
  iconDir,
  language: initialLanguage,
  onOpen,
  onQuit,
  logger,
}: TrayOptions): TrayController {
  let status: SyncStatus = { state: 'local-only' };
  let language = initialLanguage;
  let tray: Tray | null = null;

  const render = (): void => {
    if (tray === null) return;
    const presentation = describeTrayState(status, language, process.platform);
    const image = nativeImage.createFromPath(join(iconDir, presentation.iconFile));
    if (!image.isEmpty()) tray.setImage(image);
    tray.setToolTip(presentation.tooltip);
    const texts = mainTexts(language).tray;
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: presentation.statusLine, enabled: false },
        { type: 'separator' },
        { label: texts.open, click: onOpen },
        { label: texts.quit, click: onQuit },
      ]),
    );
  };

  try {
    const first = describeTrayState(status, language, process.platform);
    tray = new Tray(nativeImage.createFromPath(join(iconDir, first.iconFile)));
    // Windows/Linux: a left click opens the app; macOS shows the menu, as menu-bar items do there.
    if (process.platform !== 'darwin') tray.on('click', onOpen);
    render();
  } catch (error) {
    logger.warn('no tray on this desktop', error);
    tray = null;
  }

  return {
    setStatus(next) {
      status = next;
      render();
      return tray !== null;
    },
    setLanguage(next) {
      language = next;
      render();
    },
    destroy() {
      tray?.destroy();
      tray = null;
    },
  };
}
