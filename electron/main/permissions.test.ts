import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions';

const entry = 'app://crm/index.html';

describe('isPermissionAllowed', () => {
  it.each([
    ['notifications from the app', 'notifications', `${entry}#/deals`, true],
    ['notifications from elsewhere', 'notifications', 'https://example.com/', false],
    ['notifications without a URL', 'notifications', undefined, false],
    ['media from the app', 'media', entry, false],
    ['geolocation from the app', 'geolocation', entry, false],
    ['clipboard-read from the app', 'clipboard-read', entry, false],
    ['clipboard write (sanitized) from the app', 'clipboard-sanitized-write', entry, true],
    [
      'clipboard write (sanitized) from elsewhere',
      'clipboard-sanitized-write',
      'https://example.com/',
      false,
    ],
    ['openExternal from the app', 'openExternal', entry, false],
    ['unknown from the app', 'unknown', entry, false],
  ] as const)('%s', (_name, permission, url, expected) => {
    expect(isPermissionAllowed(permission, url, entry)).toBe(expected);
  });
});
