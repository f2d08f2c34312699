import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The packaging config cannot be exercised end to end here (no Electron binary), so it is checked twice:
// against electron-builder's own JSON schema (the check `electron-builder` runs before building) and
// against the choices we rely on (targets, app id, files, update feed).

const configPath = fileURLToPath(new URL('./electron-builder.yml', import.meta.url));
const config = parse(readFileSync(configPath, 'utf8')) as Configuration;

const packageJsonPath = fileURLToPath(new URL('../package.json', import.meta.url));
const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as {
  devDependencies: Record<string, string>;
  main: string;
};

type TargetList = string | TargetConfiguration | (string | TargetConfiguration)[] | null | undefined;

/** Target names of a platform section, whether written as strings or `{ target, arch }` objects. */
function targetNames(targets: TargetList): string[] {
  if (targets == null) return [];
  const list = Array.isArray(targets) ? targets : [targets];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

interface SchemaValidation {
  validateConfiguration: (config: Configuration, debugLogger: unknown) => Promise<void>;
}
interface DebugLoggerModule {
  DebugLogger: new (isEnabled: boolean) => unknown;
}

describe('build/electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    // Resolved from electron-builder itself, so it is the validator of the version we build with.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as SchemaValidation;
    const fromAppBuilder = createRequire(fromBuilder.resolve('app-builder-lib'));
    const { DebugLogger } = fromAppBuilder('builder-util') as DebugLoggerModule;
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('com.fieldcrm.app');
    expect(config.productName).toBe('Field CRM');
  });

  it('pins Electron to the installed devDependency version', () => {
    expect(config.electronVersion).toBe('45.3.4');
    expect(packageJson.devDependencies.electron).toBe(config.electronVersion);
  });

  it('packages only the electron-vite output and writes installers to release/', () => {
    expect(config.files).toEqual(['out/**']);
    expect(config.directories?.output).toBe('release');
    expect(packageJson.main).toBe('out/main/index.js');
  });

  it('builds NSIS on Windows, dmg + zip on macOS, AppImage on Linux', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage']);
  });

  it('signs macOS builds with the hardened runtime and our entitlements', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist');
    const entitlements = readFileSync(fileURLToPath(new URL('./entitlements.mac.plist', import.meta.url)), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
  });

  it('publishes updates to a generic server whose URL comes from the environment', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.CRM_UPDATE_URL}', channel: 'latest' });
  });
});
