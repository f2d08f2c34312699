import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveRendererEntry } from './renderer-entry';

const mainBundleDir = join('/opt', 'Field CRM', 'out', 'main');
const indexPath = join('/opt', 'Field CRM', 'out', 'renderer', 'index.html');
const fileEntry = { kind: 'file', path: indexPath, url: pathToFileURL(indexPath).href };

describe('resolveRendererEntry', () => {
  it.each([
    ['dev server on localhost', false, 'http://localhost:5173', { kind: 'dev-server', url: 'http://localhost:5173/' }],
    ['dev server on 127.0.0.1', false, 'http://127.0.0.1:5173/', { kind: 'dev-server', url: 'http://127.0.0.1:5173/' }],
    ['no dev server', false, undefined, fileEntry],
    ['packaged app ignores the variable', true, 'http://localhost:5173', fileEntry],
    ['remote dev server is ignored', false, 'https://evil.example/', fileEntry],
    ['non-http dev server is ignored', false, 'file:///tmp/index.html', fileEntry],
    ['garbage is ignored', false, 'not a url', fileEntry],
  ] as const)('%s', (_name, isPackaged, devServerUrl, expected) => {
    expect(resolveRendererEntry({ isPackaged, devServerUrl, mainBundleDir })).toEqual(expected);
  });

  it('encodes spaces in the file URL', () => {
    expect(resolveRendererEntry({ isPackaged: true, devServerUrl: undefined, mainBundleDir }).url).toContain('Field%20CRM');
  });
});
