import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bareImportsFrom, packageOf, runtimeClosure, runtimeSpecifiers } from './packaged-deps';
import { NOTARIZE_ENV, notarizeDecision } from './notarize.mjs';

// The packaging config cannot be exercised end to end here (no Electron binary), so it is checked twice:
// against electron-builder's own JSON schema (the check `electron-builder` runs before building) and
// against the choices we rely on (targets, app id, files, update feed).

const configPath = fileURLToPath(new URL('./electron-builder.yml', import.meta.url));
const config = parse(readFileSync(configPath, 'utf8')) as Configuration;

const packageJsonPath = fileURLToPath(new URL('../package.json', import.meta.url));
const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  main: string;
  scripts: Record<string, string>;
};

type TargetList =
  string | TargetConfiguration | (string | TargetConfiguration)[] | null | undefined;

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
  it('passes electron-builder’s own schema validation', { timeout: 60_000 }, async () => {
    // Resolved from electron-builder itself, so it is the validator of the version we build with.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder(
      'app-builder-lib/out/util/config/config.js',
    ) as SchemaValidation;
    const fromAppBuilder = createRequire(fromBuilder.resolve('app-builder-lib'));
    const { DebugLogger } = fromAppBuilder('builder-util') as DebugLoggerModule;
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('com.fieldcrm.app');
    expect(config.productName).toBe('Field CRM');
  });

  it('pins Electron to the installed devDependency version', () => {
    expect(config.electronVersion).toBe('45.3.4');
    expect(packageJson.devDependencies.electron).toBe(config.electronVersion);
  });

  it('packages the electron-vite output and writes installers to release/', () => {
    expect(config.files).toContain('out/**');
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
    const entitlements = readFileSync(
      fileURLToPath(new URL('./entitlements.mac.plist', import.meta.url)),
      'utf8',
    );
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
  });

  it('publishes updates to a generic server whose URL comes from the environment', () => {
    expect(config.publish).toEqual({
      provider: 'generic',
      url: '${env.CRM_UPDATE_URL}',
      channel: 'latest',
    });
    // The app reads the feed with electron-updater, a runtime dependency (packaged into the app).
    expect(packageJson.dependencies['electron-updater']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('registers crm:// links (Info.plist, .desktop file) and, on Windows, through the NSIS include', () => {
    expect(config.protocols).toEqual([{ name: 'Field CRM link', schemes: ['crm'] }]);
    expect(config.nsis?.include).toBe('build/installer.nsh');
    const include = readFileSync(
      fileURLToPath(new URL('./installer.nsh', import.meta.url)),
      'utf8',
    );
    expect(include).toContain('!macro customInstall');
    expect(include).toContain('!macro customUnInstall');
    expect(include).toContain('Software\\Classes\\crm\\shell\\open\\command');
  });

  it('keeps local data on uninstall and installs per user', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('ships the tray icons as resources and points every platform at the app icon', () => {
    expect(config.extraResources).toEqual([
      { from: 'build/icons/tray', to: 'tray', filter: ['*.png'] },
    ]);
    for (const platform of [config.win, config.mac, config.linux])
      expect(platform?.icon).toBe('build/icons/icon.png');
  });

  it('flips the security fuses in the packaged binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('notarizes through the afterSign hook only, never twice', () => {
    expect(config.afterSign).toBe('./build/notarize.mjs');
    expect(existsSync(fileURLToPath(new URL('./notarize.mjs', import.meta.url)))).toBe(true);
    expect(config.mac?.notarize).toBe(false);
  });

  it('has a dist script that builds and then packages with this config', () => {
    expect(packageJson.scripts.dist).toBe(
      'electron-vite build && electron-builder --config build/electron-builder.yml',
    );
  });
});

describe('packaged node_modules (what the main process runs, nothing else)', () => {
  const projectDir = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
  const mainImports = bareImportsFrom(projectDir, 'electron/main/index.ts');
  const mainPackages = [...mainImports].filter((name) => name !== 'electron');
  const closure = runtimeClosure(projectDir, mainPackages);

  /** electron-builder's own filter for node_modules files (the exclusions in `files`, as it builds them). */
  function nodeModuleFilter(): (relativePath: string) => boolean {
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { getNodeModuleFileMatcher } = fromBuilder('app-builder-lib/out/fileMatcher.js') as {
      getNodeModuleFileMatcher: (
        appDir: string,
        destination: string,
        macroExpander: (pattern: string) => string,
        platformOptions: object,
        packager: object,
      ) => { isEmpty: () => boolean; createFilter: () => (file: string, stat: object) => boolean };
    };
    const matcher = getNodeModuleFileMatcher(
      projectDir,
      join(projectDir, 'app'),
      (pattern) => pattern,
      {},
      { config, debugLogger: { isEnabled: false } },
    );
    // Without exclusions electron-builder copies every file (NodeModuleCopyHelper: no filter).
    if (matcher.isEmpty()) return () => true;
    const filter = matcher.createFilter();
    // Node module files reach the filter with their path inside the app (NodeModuleCopyHelper).
    return (relativePath) =>
      filter(join(projectDir, relativePath), {
        isDirectory: () => false,
        moduleFullFilePath: relativePath,
      });
  }
  const packaged = nodeModuleFilter();

  it('the main process imports electron, zod and electron-updater; the preload only electron', () => {
    expect([...mainImports].sort()).toEqual(['electron', 'electron-updater', 'zod']);
    expect([...bareImportsFrom(projectDir, 'electron/preload/index.ts')]).toEqual(['electron']);
  });

  it('every package the main process imports is a runtime dependency (electron-vite leaves it external)', () => {
    for (const name of mainPackages) expect(packageJson.dependencies).toHaveProperty([name]);
  });

  it('packages every package the main process needs at run time, nested copies included', () => {
    expect(closure.map((p) => p.name)).toEqual(
      expect.arrayContaining(['electron-updater', 'builder-util-runtime', 'zod']),
    );
    const missing = closure.filter((p) => !packaged(`${p.path}/package.json`));
    expect(missing.map((p) => p.path)).toEqual([]);
  });

  it('leaves out every other production dependency (renderer bundles, sync server)', () => {
    const needed = new Set(closure.map((p) => p.name));
    const others = Object.keys(packageJson.dependencies).filter((name) => !needed.has(name));
    expect(others).toEqual(
      expect.arrayContaining(['react', '@mantine/core', '@tiptap/core', 'rxdb', 'pg', 'fastify']),
    );
    expect(others.filter((name) => packaged(`node_modules/${name}/package.json`))).toEqual([]);
    expect(packaged('node_modules/@electric-sql/pglite/dist/index.js')).toBe(false);
  });

  it('the built main process (when out/ exists) loads no other package', () => {
    const built = join(projectDir, 'out/main/index.js');
    if (!existsSync(built)) return;
    const specifiers = runtimeSpecifiers(built, readFileSync(built, 'utf8'));
    const packages = new Set(specifiers.map(packageOf).filter((name) => name !== undefined));
    expect([...packages].sort()).toEqual([...mainImports].sort());
  });
});

describe('build/notarize.mjs', () => {
  const all = {
    APPLE_ID: 'dev@example.com',
    APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
    APPLE_TEAM_ID: 'ABCDE12345',
  };

  it('notarizes a macOS build when all three credentials are set', () => {
    expect(notarizeDecision({ platform: 'darwin', env: all })).toEqual({
      notarize: true,
      appleId: 'dev@example.com',
      appleIdPassword: 'abcd-efgh-ijkl-mnop',
      teamId: 'ABCDE12345',
    });
  });

  it.each([
    ['a Windows build', 'win32', all],
    ['a Linux build', 'linux', all],
    ['a macOS build without credentials', 'darwin', {}],
  ])('skips %s', (_name, platform, env) => {
    expect(notarizeDecision({ platform, env })).toMatchObject({ notarize: false });
  });

  it.each(NOTARIZE_ENV.map((name) => [name]))(
    'fails the build when %s is missing but the others are set',
    (name) => {
      const env: Record<string, string | undefined> = { ...all, [name]: undefined };
      expect(() => notarizeDecision({ platform: 'darwin', env })).toThrow(name);
    },
  );
});

describe('build/icons', () => {
  /** Width and height from a PNG's IHDR chunk (and a check that it is a PNG at all). */
  function pngSize(relativePath: string): { width: number; height: number } {
    const bytes = readFileSync(fileURLToPath(new URL(relativePath, import.meta.url)));
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }

  it.each([
    ['./icons/icon.png', 1024],
    ['./icons/512x512.png', 512],
    ['./icons/256x256.png', 256],
  ])('%s is a %i px square PNG (macOS needs ≥ 512, Windows ≥ 256)', (path, size) => {
    expect(pngSize(path)).toEqual({ width: size, height: size });
  });

  it('has 16 px tray icons with 32 px HiDPI variants', () => {
    expect(pngSize('./icons/tray/tray-synced.png')).toEqual({ width: 16, height: 16 });
    expect(pngSize('./icons/tray/tray-syncedTemplate@2x.png')).toEqual({ width: 32, height: 32 });
  });
});
