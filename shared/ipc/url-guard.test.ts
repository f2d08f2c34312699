import { describe, expect, it } from 'vitest';
import {
  isAllowedExternalUrl,
  isAllowedNavigation,
  MAX_EXTERNAL_URL_LENGTH,
  toSafeExternalUrl,
} from './url-guard';

describe('isAllowedExternalUrl', () => {
  const allowed: [string, string][] = [
    ['https page', 'https://example.com/'],
    ['https with path, query and fragment', 'https://example.com/a/b?c=1&d=two#frag'],
    ['http page', 'http://example.com'],
    ['https with port', 'https://example.com:8443/x'],
    ['internationalised domain', 'https://例子.中国/路径'],
    ['localhost over http', 'http://localhost:3000/'],
    ['mailto one address', 'mailto:sales@example.com'],
    ['mailto with subject', 'mailto:sales@example.com?subject=Hello%20there'],
    ['mailto two addresses', 'mailto:a@example.com,b@example.cn'],
    ['tel international', 'tel:+86-10-1234-5678'],
    ['tel with spaces and parentheses', 'tel:(010) 1234 5678'],
    ['tel with extension', 'tel:+86 10 12345678;ext=123'],
    ['tel mobile', 'tel:13800138000'],
  ];
  it.each(allowed)('allows %s: %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  const refused: [string, unknown][] = [
    ['javascript scheme', 'javascript:alert(1)'],
    ['javascript scheme, mixed case', 'JaVaScRiPt:alert(1)'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['file URL', 'file:///etc/passwd'],
    ['Windows file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['UNC share via smb', 'smb://attacker.example/share'],
    ['custom app scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['ftp', 'ftp://example.com/file'],
    ['blob', 'blob:https://example.com/uuid'],
    ['about', 'about:blank'],
    ['embedded credentials', 'https://bank.example@evil.example/'],
    ['embedded user and password', 'https://user:pass@example.com/'],
    ['http with three slashes', 'http:///path-only'],
    ['https without slashes', 'https:example.com'],
    ['https with backslashes', 'https:\\\\evil.example\\share'],
    ['https with one slash', 'https:/example.com'],
    ['relative path', '/accounts/1'],
    ['bare domain', 'example.com'],
    ['empty string', ''],
    ['leading space', ' https://example.com'],
    ['trailing newline', 'https://example.com\n'],
    ['tab inside', 'https://exa\tmple.com'],
    ['NUL inside', 'https://example.com/\u0000'],
    ['C1 control inside', 'https://example.com/\u0085'],
    ['too long', `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
    ['mailto without address', 'mailto:'],
    ['mailto with invalid address', 'mailto:not-an-address'],
    ['mailto with one invalid of two', 'mailto:a@example.com,nope'],
    ['mailto with broken escape', 'mailto:a%E0%A4%A@example.com'],
    ['tel with letters', 'tel:+86-CALL-NOW'],
    ['tel too short', 'tel:12'],
    ['tel with query', 'tel:123456?x=1'],
    ['not a string: number', 42],
    ['not a string: null', null],
    ['not a string: object', { href: 'https://example.com' }],
  ];
  it.each(refused)('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('toSafeExternalUrl', () => {
  const normalised: [string, string, string][] = [
    ['lower-cases scheme and host', 'HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
    ['adds the root path', 'https://example.com', 'https://example.com/'],
    ['encodes spaces in the path', 'https://example.com/a b', 'https://example.com/a%20b'],
    ['punycodes IDNs', 'https://例子.中国/', 'https://xn--fsqu00a.xn--fiqs8s/'],
    ['keeps mailto as is', 'mailto:a@example.com', 'mailto:a@example.com'],
  ];
  it.each(normalised)('%s', (_name, input, output) => {
    expect(toSafeExternalUrl(input)).toBe(output);
  });

  it('returns null for refused URLs', () => {
    expect(toSafeExternalUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('isAllowedNavigation', () => {
  const devEntry = 'http://localhost:5173/';
  const fileEntry = 'file:///opt/Field%20CRM/resources/app.asar/out/renderer/index.html';
  const appEntry = 'app://crm/index.html';
  const cases: [string, string, unknown, boolean][] = [
    ['dev: same origin root', devEntry, 'http://localhost:5173/', true],
    ['dev: same origin deep link', devEntry, 'http://localhost:5173/deals/42?tab=notes', true],
    ['dev: hash route', devEntry, 'http://localhost:5173/#/accounts', true],
    ['dev: other port', devEntry, 'http://localhost:5174/', false],
    ['dev: other host', devEntry, 'http://127.0.0.1:5173/', false],
    ['dev: https instead of http', devEntry, 'https://localhost:5173/', false],
    ['dev: external site', devEntry, 'https://example.com/', false],
    ['dev: credentials', devEntry, 'http://user@localhost:5173/', false],
    ['file: same file', fileEntry, fileEntry, true],
    ['file: same file with hash route', fileEntry, `${fileEntry}#/deals/1`, true],
    ['file: same file with query', fileEntry, `${fileEntry}?lang=en`, true],
    [
      'file: same file via dot segments',
      fileEntry,
      'file:///opt/Field%20CRM/resources/app.asar/out/main/../renderer/index.html',
      true,
    ],
    [
      'file: another file in the app',
      fileEntry,
      'file:///opt/Field%20CRM/resources/app.asar/out/renderer/other.html',
      false,
    ],
    ['file: system file', fileEntry, 'file:///etc/passwd', false],
    [
      'file: UNC host',
      fileEntry,
      'file://attacker.example/opt/Field%20CRM/resources/app.asar/out/renderer/index.html',
      false,
    ],
    ['file: external site', fileEntry, 'https://example.com/', false],
    ['file: javascript', fileEntry, 'javascript:alert(1)', false],
    ['garbage target', devEntry, 'not a url', false],
    ['non-string target', devEntry, undefined, false],
    ['control characters', devEntry, 'http://localhost:5173/\n', false],
    ['unsupported entry scheme', 'data:text/html,hi', 'data:text/html,hi', false],
    ['app: the entry page', appEntry, appEntry, true],
    ['app: hash route', appEntry, `${appEntry}#/accounts/acc-1`, true],
    ['app: an asset of the app', appEntry, 'app://crm/assets/index.js', true],
    ['app: host in capitals', appEntry, 'app://CRM/index.html', true],
    ['app: another host', appEntry, 'app://evil/index.html', false],
    ['app: a port', appEntry, 'app://crm:1/index.html', false],
    ['app: credentials', appEntry, 'app://u@crm/index.html', false],
    [
      'app: a file URL',
      appEntry,
      'file:///opt/Field%20CRM/resources/app.asar/out/renderer/index.html',
      false,
    ],
    ['app: an external site', appEntry, 'https://crm/', false],
    ['app: a look-alike scheme', appEntry, 'apps://crm/index.html', false],
    ['app: an entry without a host', 'app:index.html', 'app:index.html', false],
  ];
  it.each(cases)('%s', (_name, entry, target, expected) => {
    expect(isAllowedNavigation(target, entry)).toBe(expected);
  });
});
