import { join } from 'node:path';
import type { AppLanguage, SyncState, SyncStatus } from '@shared/ipc/contract';
import { fill, mainTexts } from './main-i18n';

/**
 * What the tray icon shows for a sync state: which icon file, and the tooltip/status line in the UI language.
 * macOS gets monochrome "Template" images (the menu bar tints them for light and dark mode); Windows and Linux
 * get coloured ones. The PNGs are drawn by scripts/generate-icons.mjs into build/icons/tray/.
 */

export interface TrayPresentation {
  /** File name inside the tray icon folder (Electron picks the `@2x` variant next to it on HiDPI screens). */
  iconFile: string;
  /** Hover text: product name and the state. */
  tooltip: string;
  /** The disabled first line of the tray menu. */
  statusLine: string;
}

export const TRAY_ICON_STATES: readonly SyncState[] = [
  'local-only',
  'offline',
  'syncing',
  'synced',
  'error',
];

/** The icon file for a state on a platform. */
export function trayIconFile(state: SyncState, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`;
}

export function describeTrayState(
  status: SyncStatus,
  language: AppLanguage,
  platform: NodeJS.Platform,
): TrayPresentation {
  const texts = mainTexts(language);
  const pending = status.pendingChanges ?? 0;
  const stateText = texts.tray.states[status.state];
  const statusLine =
    pending > 0 && status.state !== 'synced'
      ? `${stateText} · ${fill(texts.tray.pending, { count: pending })}`
      : stateText;
  return {
    iconFile: trayIconFile(status.state, platform),
    // Windows truncates tray tooltips at 127 characters.
    tooltip: `${texts.menu.app} — ${statusLine}`.slice(0, 127),
    statusLine,
  };
}

export interface TrayIconDirInput {
  isPackaged: boolean;
  /** `process.resourcesPath`: electron-builder copies build/icons/tray there (extraResources → tray/). */
  resourcesPath: string;
  /** `app.getAppPath()`: the project root in development. */
  appPath: string;
}

/** Where the tray PNGs are: next to the app's resources when installed, in build/icons/tray in development. */
export function resolveTrayIconDir({
  isPackaged,
  resourcesPath,
  appPath,
}: TrayIconDirInput): string {
  return isPackaged ? join(resourcesPath, 'tray') : join(appPath, 'build', 'icons', 'tray');
}
