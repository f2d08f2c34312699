import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveRendererEntry } from './renderer-entry';

const mainBundleDir = join('/opt', 'Field CRM', 'out', 'main');
const builtEntry = {
  kind: 'app-protocol',
  url: 'app://crm/index.html',
  rootDir: join('/opt', 'Field CRM', 'out', 'renderer'),
};

describe('resolveRendererEntry', () => {
  it.each([
    [
      'dev server on localhost',
      false,
      'http://localhost:5173',
      { kind: 'dev-server', url: 'http://localhost:5173/' },
    ],
    [
      'dev server on 127.0.0.1',
      false,
      'http://127.0.0.1:5173/',
      { kind: 'dev-server', url: 'http://127.0.0.1:5173/' },
    ],
    ['no dev server', false, undefined, builtEntry],
    ['an empty variable (the electron e2e suite)', false, '', builtEntry],
    ['packaged app ignores the variable', true, 'http://localhost:5173', builtEntry],
    ['remote dev server is ignored', false, 'https://evil.example/', builtEntry],
    ['non-http dev server is ignored', false, 'file:///tmp/index.html', builtEntry],
    ['garbage is ignored', false, 'not a url', builtEntry],
  ] as const)('%s', (_name, isPackaged, devServerUrl, expected) => {
    expect(resolveRendererEntry({ isPackaged, devServerUrl, mainBundleDir })).toEqual(expected);
  });
});
