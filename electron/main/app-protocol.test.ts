import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_DEFINITION,
  appResponseHeaders,
  resolveAppRequestPath,
} from './app-protocol';

const root = join('/opt', 'Field CRM', 'resources', 'app.asar', 'out', 'renderer');

describe('resolveAppRequestPath', () => {
  const served: [string, string, string][] = [
    ['the entry page', APP_ENTRY_URL, join(root, 'index.html')],
    ['the root', 'app://crm/', join(root, 'index.html')],
    ['the root without a slash', 'app://crm', join(root, 'index.html')],
    ['a built asset', 'app://crm/assets/index-Bx7.js', join(root, 'assets', 'index-Bx7.js')],
    [
      'a query and fragment are ignored',
      'app://crm/index.html?lang=en#/accounts/acc-1',
      join(root, 'index.html'),
    ],
    ['an encoded space', 'app://crm/assets/a%20b.css', join(root, 'assets', 'a b.css')],
    [
      'a Chinese file name',
      'app://crm/assets/%E5%AD%97%E4%BD%93.woff2',
      join(root, 'assets', '字体.woff2'),
    ],
    ['the host in capitals', 'app://CRM/index.html', join(root, 'index.html')],
    [
      'dot segments the URL parser resolves inside the root',
      'app://crm/assets/../index.html',
      join(root, 'index.html'),
    ],
    // The URL parser never lets a path climb above "/", so these stay inside the root (and find nothing there).
    [
      'dot segments trying to climb out, kept inside',
      'app://crm/../../../etc/passwd',
      join(root, 'etc', 'passwd'),
    ],
    [
      'encoded dot segments, kept inside',
      'app://crm/%2e%2e/%2e%2e/etc/passwd',
      join(root, 'etc', 'passwd'),
    ],
  ];
  it.each(served)('serves %s', (_name, url, path) => {
    expect(resolveAppRequestPath(url, root)).toBe(path);
  });

  const refused: [string, string][] = [
    ['another scheme', 'file:///etc/passwd'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://crm:8080/index.html'],
    ['credentials', 'app://user:pw@crm/index.html'],
    ['an encoded slash with dot segments', 'app://crm/assets%2F..%2F..%2Fsecret'],
    ['an encoded backslash', 'app://crm/..%5C..%5Cwindows%5Cwin.ini'],
    ['an encoded NUL', 'app://crm/index.html%00.png'],
    ['a broken escape', 'app://crm/%E0%A4%A'],
    ['a drive letter', 'app://crm/C:/Windows/win.ini'],
    ['garbage', 'not a url'],
  ];
  it.each(refused)('refuses %s', (_name, url) => {
    expect(resolveAppRequestPath(url, root)).toBeNull();
  });
});

describe('APP_SCHEME_DEFINITION', () => {
  it('is a standard, secure scheme that cannot bypass the CSP or run service workers', () => {
    expect(APP_SCHEME_DEFINITION.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });
});

describe('appResponseHeaders', () => {
  it('adds the CSP to documents only and nosniff to everything', () => {
    expect(appResponseHeaders('/r/index.html', "default-src 'self'")).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'self'",
    });
    expect(appResponseHeaders('/r/assets/a.js', "default-src 'self'")).toEqual({
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
