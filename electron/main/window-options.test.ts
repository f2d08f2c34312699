import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  buildMainWindowOptions,
  buildSecureWebPreferences,
  resolvePreloadPath,
} from './window-options';

describe('buildSecureWebPreferences', () => {
  const prefs = buildSecureWebPreferences('/app/out/preload/index.cjs');

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('uses the given preload and enables no Blink features', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });
});

describe('buildMainWindowOptions', () => {
  it('starts hidden and carries the secure preferences', () => {
    const options = buildMainWindowOptions({ preloadPath: '/p.cjs', title: 'Field CRM' });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Field CRM');
    expect(options.webPreferences).toEqual(buildSecureWebPreferences('/p.cjs'));
  });
});

describe('buildMainWindowOptions bounds', () => {
  it('opens at the default size, centred, without saved bounds', () => {
    expect(buildMainWindowOptions({ preloadPath: '/p.cjs', title: 't' })).toMatchObject({
      width: 1280,
      height: 800,
    });
    expect(buildMainWindowOptions({ preloadPath: '/p.cjs', title: 't' })).not.toHaveProperty('x');
  });

  it('uses the restored bounds but never lowers the minimum size', () => {
    const options = buildMainWindowOptions({
      preloadPath: '/p.cjs',
      title: 't',
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
    });
    expect(options).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      minWidth: 960,
      minHeight: 600,
    });
  });
});

describe('resolvePreloadPath', () => {
  it('points from out/main to out/preload/index.cjs', () => {
    expect(resolvePreloadPath(join('/app', 'out', 'main'))).toBe(
      join('/app', 'out', 'preload', 'index.cjs'),
    );
  });
});
