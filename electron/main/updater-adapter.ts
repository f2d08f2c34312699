import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type { MainLogger } from './main-log';
import type { MainTexts } from './main-i18n';
import {
  buildRestartPrompt,
  createRestartPromptState,
  decideOnUpdateDownloaded,
  decideUpdater,
  describeUpdaterError,
  shouldRestartNow,
  UPDATE_CHECK_INTERVAL_MS,
  UPDATE_FIRST_CHECK_DELAY_MS,
} from './updater-policy';

export interface AutoUpdateOptions {
  logger: MainLogger;
  getWindow: () => BrowserWindow | null;
  getTexts: () => MainTexts['update'];
}

/**
 * Starts electron-updater if updater-policy.ts allows it: downloads in the background, asks before restarting,
 * installs on quit otherwise. Every failure is logged and swallowed — an update problem must never stop the
 * CRM. electron-updater is imported only when enabled, so development and test runs never load it.
 */
export async function startAutoUpdates({
  logger,
  getWindow,
  getTexts,
}: AutoUpdateOptions): Promise<void> {
  const decision = decideUpdater({
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    hasBakedFeed: existsSync(join(process.resourcesPath, 'app-update.yml')),
  });
  if (!decision.enabled) {
    logger.info(`auto-update off: ${decision.reason}`);
    return;
  }
  try {
    const { default: electronUpdater } = await import('electron-updater');
    const updater = electronUpdater.autoUpdater;
    updater.logger = logger;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.allowPrerelease = false;
    updater.allowDowngrade = false;
    if (decision.feedUrl !== null)
      updater.setFeedURL({ provider: 'generic', url: decision.feedUrl, channel: 'latest' });

    const prompt = createRestartPromptState();
    updater.on('error', (error) => logger.warn('update failed', describeUpdaterError(error)));
    updater.on('update-downloaded', (info) => {
      if (decideOnUpdateDownloaded(info.version, prompt) === 'stay-quiet') return;
      prompt.dialogOpen = true;
      prompt.askedVersions.add(info.version);
      const window = getWindow();
      const options = buildRestartPrompt(info.version, getTexts());
      const asked =
        window && !window.isDestroyed()
          ? dialog.showMessageBox(window, options)
          : dialog.showMessageBox(options);
      asked
        .then(({ response }) => {
          if (shouldRestartNow(response)) updater.quitAndInstall();
        })
        .catch((error: unknown) => logger.warn('update prompt failed', error))
        .finally(() => {
          prompt.dialogOpen = false;
        });
    });

    const check = () => {
      updater
        .checkForUpdates()
        .catch((error: unknown) => logger.warn('update check failed', describeUpdaterError(error)));
    };
    setTimeout(check, UPDATE_FIRST_CHECK_DELAY_MS).unref();
    setInterval(check, UPDATE_CHECK_INTERVAL_MS).unref();
    logger.info(`auto-update on (${decision.feedUrl ?? 'feed from app-update.yml'})`);
  } catch (error) {
    logger.warn('auto-update could not start', error);
  }
}
