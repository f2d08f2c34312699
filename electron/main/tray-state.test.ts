import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  describeTrayState,
  resolveTrayIconDir,
  TRAY_ICON_STATES,
  trayIconFile,
} from './tray-state';

describe('describeTrayState', () => {
  it.each([
    ['local-only', undefined, 'zh-CN', 'Field CRM — 仅本机（未连接团队服务器）'],
    ['synced', undefined, 'en', 'Field CRM — Up to date'],
    ['synced', 5, 'en', 'Field CRM — Up to date'],
    ['syncing', 0, 'zh-CN', 'Field CRM — 正在同步…'],
    ['syncing', 12, 'zh-CN', 'Field CRM — 正在同步… · 12 项更改待上传'],
    [
      'offline',
      3,
      'en',
      'Field CRM — Offline: changes are kept here and sync when you are back online · 3 changes waiting to upload'.slice(
        0,
        127,
      ),
    ],
    ['error', undefined, 'en', 'Field CRM — Sync problem: open the app for details'],
  ] as const)('%s with %s pending (%s)', (state, pendingChanges, language, tooltip) => {
    expect(describeTrayState({ state, pendingChanges }, language, 'win32').tooltip).toBe(tooltip);
  });

  it('keeps tooltips within the Windows limit', () => {
    for (const state of TRAY_ICON_STATES) {
      expect(
        describeTrayState({ state, pendingChanges: 999_999_999 }, 'en', 'win32').tooltip.length,
      ).toBeLessThanOrEqual(127);
    }
  });

  it('uses template images on macOS and coloured ones elsewhere', () => {
    expect(describeTrayState({ state: 'error' }, 'en', 'darwin').iconFile).toBe(
      'tray-errorTemplate.png',
    );
    expect(describeTrayState({ state: 'error' }, 'en', 'linux').iconFile).toBe('tray-error.png');
  });
});

describe('tray icons', () => {
  const dir = resolveTrayIconDir({
    isPackaged: false,
    resourcesPath: '/unused',
    appPath: fileURLToPath(new URL('../../', import.meta.url)),
  });

  it('exist for every state and platform, with HiDPI variants', () => {
    for (const state of TRAY_ICON_STATES) {
      for (const platform of ['darwin', 'win32'] as const) {
        const file = trayIconFile(state, platform);
        expect(existsSync(join(dir, file)), file).toBe(true);
        expect(existsSync(join(dir, file.replace('.png', '@2x.png'))), file).toBe(true);
      }
    }
  });

  it('are looked up next to the resources when installed', () => {
    expect(
      resolveTrayIconDir({
        isPackaged: true,
        resourcesPath: join('/opt', 'Field CRM', 'resources'),
        appPath: '/x',
      }),
    ).toBe(join('/opt', 'Field CRM', 'resources', 'tray'));
  });
});
