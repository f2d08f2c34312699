import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.mjs';

let rootDir: string;
const moduleDir = () => join(rootDir, 'node_modules', 'electron');

function installPackage(): void {
  mkdirSync(moduleDir(), { recursive: true });
  writeFileSync(join(moduleDir(), 'package.json'), '{"name":"electron","version":"45.3.4"}');
}

beforeEach(() => {
  rootDir = mkdtempSync(join(tmpdir(), 'electron-binary-'));
});
afterEach(() => {
  rmSync(rootDir, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('reports a missing package', () => {
    expect(findElectronBinary({ rootDir, env: {} })).toMatchObject({
      found: false,
      reason: expect.stringContaining('not installed') as string,
    });
  });

  it('reports a package whose install script never ran (this machine)', () => {
    installPackage();
    expect(findElectronBinary({ rootDir, env: {} })).toMatchObject({
      found: false,
      reason: expect.stringContaining('path.txt') as string,
    });
  });

  it('reports a path.txt pointing to a missing executable', () => {
    installPackage();
    writeFileSync(join(moduleDir(), 'path.txt'), 'electron');
    expect(findElectronBinary({ rootDir, env: {} })).toMatchObject({ found: false });
  });

  it('finds an installed binary', () => {
    installPackage();
    writeFileSync(join(moduleDir(), 'path.txt'), 'electron\n');
    mkdirSync(join(moduleDir(), 'dist'));
    writeFileSync(join(moduleDir(), 'dist', 'electron'), '');
    expect(findElectronBinary({ rootDir, env: {} })).toEqual({
      found: true,
      executablePath: join(moduleDir(), 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_EXEC_PATH (as electron-vite does)', () => {
    const executable = join(rootDir, 'my-electron');
    writeFileSync(executable, '');
    expect(findElectronBinary({ rootDir, env: { ELECTRON_EXEC_PATH: executable } })).toEqual({
      found: true,
      executablePath: executable,
    });
    expect(
      findElectronBinary({ rootDir, env: { ELECTRON_EXEC_PATH: join(rootDir, 'nope') } }),
    ).toMatchObject({ found: false });
  });
});
